// ONE observer for the host's rows: every row element is handed to each subscribed feature exactly
// once, however often the host re-renders. No polling; everything stops when the signal aborts.
// Eager subscribers (cheap work that must not wait: noting the row for its state, hiding it) get every
// row in the mutation callback itself, before the host's render is laid out. The others (the controls
// drawn in each row's reserved room) get the first screenful there too, and every other row when it
// comes within half a screen of the viewport, or at once when the user points at or tabs into it. See
// ./budgets.ts for the measurements behind this split.
import { budgetFromNow, FIRST_ROWS, IMMEDIATE_BUDGET_MS, NEAR_VIEW_MARGIN } from './budgets';
import { inViewFirst, nearView } from './in-view-first';
import { viewChanges } from './view-changes';
import { lastCompounds, matchingIn } from './selector-tail';

export type RowHandler = (row: Element) => void;

export interface RowObserver {
  /** Hands every current and future row to `handle` once. `name` labels its errors. */
  subscribe(name: string, handle: RowHandler, signal?: AbortSignal, options?: SubscribeOptions): void;
  /** Called once per host re-render that took rows away (paging, search, sort). */
  onPageChange(listener: () => void, signal?: AbortSignal): void;
  /** The rows currently on the page that have been seen. */
  rows(): Element[];
}

export interface SubscribeOptions {
  /** Every row at once, as it appears: only for work of a few microseconds a row that draws nothing. */
  eager?: boolean;
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
  eager: boolean;
}

export function observeRows(options: ObserveRowsOptions): RowObserver {
  const { root, rowSelector, signal } = options;
  const ownPrefix = (options.ownPrefix ?? 'crmx-').toLowerCase();
  const onError = options.onError ?? ((feature, error) => console.error(`[crmx] ${feature} failed on a row`, error));
  const rowTail = lastCompounds(rowSelector);
  const subscribers: Subscriber[] = [];
  const pageListeners = new Set<() => void>();
  const live = new Set<Element>();
  const pending = new Set<Element>();
  let scanQueued = false;
  const view = viewChanges(root, signal, () => {
    if (pending.size > 0) for (const row of nearView([...pending], root, NEAR_VIEW_MARGIN)) handWaiting(row);
  });

  function handOut(row: Element, eager: boolean): void {
    for (const sub of subscribers) {
      if (sub.eager !== eager || sub.signal?.aborted || sub.seen.has(row)) continue;
      sub.seen.add(row);
      try {
        sub.handle(row);
      } catch (error) {
        onError(sub.name, error);
      }
    }
  }

  function handWaiting(row: Element): void {
    if (!pending.delete(row)) return;
    if (row.isConnected) handOut(row, false);
  }

  function enqueue(rows: Element[], viewFirst: boolean): void {
    if (signal.aborted || rows.length === 0) return;
    for (const row of rows) {
      live.add(row);
      handOut(row, true);
    }
    const stillTime = budgetFromNow(IMMEDIATE_BUDGET_MS);
    const handed = new Set<Element>();
    for (const row of viewFirst ? inViewFirst(rows, root) : rows) {
      if (handed.size >= FIRST_ROWS || !stillTime()) break;
      handed.add(row);
      pending.delete(row);
      handOut(row, false);
    }
    // The rest wait in document order, which the search for the rows near the view relies on.
    const last = [...pending].at(-1);
    if (last && rows[0] && rows[0].compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING) {
      const sorted = [...pending, ...rows].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      pending.clear();
      for (const row of sorted) if (!handed.has(row)) pending.add(row);
    }
    for (const row of rows) {
      if (!handed.has(row)) pending.add(row);
      if (row.parentElement) view.watchSize(row.parentElement);
    }
    // After the host's layout: rows in view beyond the first ones (a page scrolled down, a re-render).
    if (pending.size > 0) view.queue();
  }

  // A row the user points at or tabs into gets its controls now.
  function handNow(event: Event): void {
    if (pending.size === 0 || !(event.target instanceof Element)) return;
    const row = event.target.closest(rowSelector);
    if (row) handWaiting(row);
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
        pending.delete(row);
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
    root.addEventListener('focusin', handNow, { capture: true, signal });
    root.addEventListener('pointerover', handNow, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      pending.clear();
      live.clear();
      pageListeners.clear();
    }, { once: true });
  }

  return {
    subscribe(name, handle, subSignal, options) {
      if (signal.aborted || subSignal?.aborted) return;
      const sub: Subscriber = { name, handle, seen: new WeakSet(), signal: subSignal, eager: options?.eager ?? false };
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
