// Each CRM tab's selection, kept by the background so that it survives the CRM reloading the whole document
// (paging by form POST). In the session storage area (chrome.storage.session): it outlives the MV3 worker
// but not the browser, and content scripts cannot read it. One entry per tab, holding one selection per
// CRM origin and list; a tab only ever gets its own, for the origin it is on; closing the tab forgets it.
import type { TabSelection } from '../protocol/tab-selection';

/** The part of a storage area used here (browser.storage.session, or a map in tests). */
export interface SessionArea {
  /** null: every item. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface TabSelections {
  get(tabId: number, origin: string, list: string): Promise<TabSelection | null>;
  /** No ids forgets that list's selection. */
  put(tabId: number, origin: string, selection: TabSelection): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
  /** Sign-out: every tab's selection goes. */
  forgetAll(): Promise<void>;
}

type TabEntry = Record<string, TabSelection>;

const PREFIX = 'crmx-tab-selection:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;
const slotOf = (origin: string, list: string) => `${origin} ${list}`;

export function createTabSelections(area: SessionArea): TabSelections {
  // One change at a time: a put reads the tab's entry and writes it back.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (tabId: number): Promise<TabEntry> => ((await area.get(keyOf(tabId)))[keyOf(tabId)] as TabEntry | undefined) ?? {};

  return {
    get: (tabId, origin, list) => inTurn(async () => (await read(tabId))[slotOf(origin, list)] ?? null),
    put: (tabId, origin, selection) => inTurn(async () => {
      const entry = await read(tabId);
      const slot = slotOf(origin, selection.list);
      if (selection.ids.length > 0) {
        // Only the names of the selected ids: the rest would grow with every page seen.
        const names: Record<string, string> = {};
        for (const id of selection.ids) if (Object.hasOwn(selection.names, id)) names[id] = selection.names[id];
        entry[slot] = { ...selection, names };
      } else {
        delete entry[slot];
      }
      if (Object.keys(entry).length > 0) await area.set({ [keyOf(tabId)]: entry });
      else await area.remove(keyOf(tabId));
    }),
    forgetTab: (tabId) => inTurn(() => area.remove(keyOf(tabId))),
    forgetAll: () => inTurn(async () => {
      for (const key of Object.keys(await area.get(null))) if (key.startsWith(PREFIX)) await area.remove(key);
    }),
  };
}

/** A session area in memory, where the browser has none (and for tests). */
export function memoryArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => {
      if (key === null) return structuredClone(Object.fromEntries(items));
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}
