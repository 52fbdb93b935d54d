// ONE observer for the host's rows: every row element is handed to each subscribed feature exactly
// once, however often the host re-renders. No polling; everything stops when the signal aborts.
// New rows are handed in the mutation callback itself, in document order and without reading layout
// (a layout read there would force an extra layout of the host's fresh render); on the first scan the
// page is already laid out, so the rows in view go first. Whatever does not fit the budget waits for
// idle time (see ./idle.ts for the measurements behind the budgets).
import { budgetFromNow, IMMEDIATE_BUDGET_MS, whenIdle, type StillTime } from './idle';
import { inViewFirst } from './in-view-first';
import { lastCompounds, matchingIn } from './selector-tail';

export type RowHandler = (row: Element) => void;

export interface RowObserver {
  /** Hands every current and future row to `handle` once. `name` labels its errors. */
  subscribe(name: string, handle: RowHandler, signal?: AbortSignal): void;
  /** Called once per host re-render that took rows away (paging, search, sort). */
  onPageChange(listener: () => void, signal?: AbortSignal): void;
  /** The rows currently on the page that have been seen. */
  rows(): Element[];
}

export interface ObserveRowsOptions {
  root: Document;
  rowSelector: string;
  signal: AbortSignal;
  /** Element names we inject; mutations of ours are ignored. */
  ownPrefix?: string;
  onError?: (feature: string, error: unknown) => void;
}

interface Subscriber {
  name: string;
  handle: RowHandler;
  seen: WeakSet<Element>;
  signal?: AbortSignal;
}

export function observeRows(options: ObserveRowsOptions): RowObserver {
  const { root, rowSelector, signal } = options;
  const ownPrefix = (options.ownPrefix ?? 'crmx-').toLowerCase();
  const onError = options.onError ?? ((feature, error) => console.error(`[crmx] ${feature} failed on a row`, error));
  const rowTail = lastCompounds(rowSelector);
  const subscribers: Subscriber[] = [];
  const pageListeners = new Set<() => void>();
  const live = new Set<Element>();
  let pending = new Set<Element>();
  let idleScheduled = false;
  let scanQueued = false;

  function handOut(row: Element): void {
    live.add(row);
    for (const sub of subscribers) {
      if (sub.signal?.aborted || sub.seen.has(row)) continue;
      sub.seen.add(row);
      try {
        sub.handle(row);
      } catch (error) {
        onError(sub.name, error);
      }
    }
  }

  function drain(stillTime: StillTime): void {
    for (const row of pending) {
      if (!stillTime()) break;
      pending.delete(row);
      if (row.isConnected) handOut(row);
    }
    if (pending.size > 0 && !idleScheduled) {
      idleScheduled = true;
      whenIdle((next) => {
        idleScheduled = false;
        drain(next);
      }, signal);
    }
  }

  function enqueue(rows: Element[], viewFirst: boolean): void {
    if (signal.aborted || rows.length === 0) return;
    const merged = new Set<Element>(viewFirst ? inViewFirst(rows, root) : rows);
    for (const row of pending) merged.add(row);
    pending = merged;
    drain(budgetFromNow(IMMEDIATE_BUDGET_MS));
  }

  // Features subscribing in the same tick share one scan of the rows already on the page: each row goes
  // to all of them at once. A scan per feature read the layout again after the previous feature had
  // changed every row, a full layout of a long table each time.
  function queueScan(): void {
    if (scanQueued) return;
    scanQueued = true;
    queueMicrotask(() => {
      scanQueued = false;
      enqueue([...root.querySelectorAll(rowSelector)], true);
    });
  }

  function rowsIn(node: Node): Element[] {
    if (!(node instanceof Element) || node.localName.startsWith(ownPrefix)) return [];
    return matchingIn(node, rowSelector, rowTail);
  }

  const observer = new MutationObserver((records) => {
    const added: Element[] = [];
    let removed = false;
    for (const record of records) {
      for (const node of record.addedNodes) added.push(...rowsIn(node));
      if (record.removedNodes.length > 0) removed = true;
    }
    if (removed) checkPageChange();
    enqueue(added.filter((row) => row.isConnected), false);
  });

  function checkPageChange(): void {
    let gone = false;
    for (const row of live) {
      if (!row.isConnected) {
        live.delete(row);
        gone = true;
      }
    }
    if (!gone) return;
    for (const listener of pageListeners) {
      try {
        listener();
      } catch (error) {
        onError('page change', error);
      }
    }
  }

  if (!signal.aborted) {
    observer.observe(root.body ?? root.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      pending.clear();
      live.clear();
      pageListeners.clear();
    }, { once: true });
  }

  return {
    subscribe(name, handle, subSignal) {
      if (signal.aborted || subSignal?.aborted) return;
      const sub: Subscriber = { name, handle, seen: new WeakSet(), signal: subSignal };
      subscribers.push(sub);
      subSignal?.addEventListener('abort', () => subscribers.splice(subscribers.indexOf(sub), 1), { once: true });
      queueScan();
    },
    onPageChange(listener, listenerSignal) {
      pageListeners.add(listener);
      listenerSignal?.addEventListener('abort', () => pageListeners.delete(listener), { once: true });
    },
    rows: () => [...live].filter((row) => row.isConnected),
  };
}
