// Which customers are selected for a batch, keyed by customer id so it survives paging and the host
// re-rendering its rows. Pure: every change returns a new Selection.
import type { Id } from '../domain/types';

export interface MatchingFilter {
  q?: string;
  followed?: boolean;
  tag?: string;
}

export interface Selection {
  ids: ReadonlySet<Id>;
  /** Where a shift-click range starts (the last box clicked without shift). */
  anchor: Id | null;
  /** Set when the selection is "every customer matching this filter" (resolved by the background). */
  matching: { filter: MatchingFilter; total: number } | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, matching: null };

export type PageState = 'none' | 'some' | 'all';

function withIds(sel: Selection, ids: Set<Id>, anchor: Id | null = sel.anchor): Selection {
  return { ids, anchor, matching: null };
}

export function toggle(sel: Selection, id: Id, checked: boolean): Selection {
  const ids = new Set(sel.ids);
  if (checked) ids.add(id);
  else ids.delete(id);
  return withIds(sel, ids, id);
}

/**
 * Shift-click: every row from the anchor to `id` (in page order) takes `checked`. Without an anchor on
 * this page it is a plain toggle.
 */
export function selectRange(sel: Selection, pageIds: readonly Id[], id: Id, checked: boolean): Selection {
  const from = sel.anchor === null ? -1 : pageIds.indexOf(sel.anchor);
  const to = pageIds.indexOf(id);
  if (from < 0 || to < 0) return toggle(sel, id, checked);
  const ids = new Set(sel.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    if (checked) ids.add(pageIds[i]);
    else ids.delete(pageIds[i]);
  }
  return withIds(sel, ids, id);
}

export function pageState(sel: Selection, pageIds: readonly Id[]): PageState {
  let selected = 0;
  for (const id of pageIds) if (sel.ids.has(id)) selected++;
  if (selected === 0) return 'none';
  return selected === pageIds.length ? 'all' : 'some';
}

/** The header box: checks every row of the page, or clears them when all were checked. */
export function setPage(sel: Selection, pageIds: readonly Id[], checked: boolean): Selection {
  const ids = new Set(sel.ids);
  for (const id of pageIds) {
    if (checked) ids.add(id);
    else ids.delete(id);
  }
  return withIds(sel, ids, null);
}

export function selectMatching(ids: readonly Id[], filter: MatchingFilter, total: number): Selection {
  return { ids: new Set(ids), anchor: null, matching: { filter, total } };
}

/** The host page's filter as its URL carries it (`?q=…&tag=…&followed=1`). */
export function filterFromUrl(url: URL): MatchingFilter {
  const filter: MatchingFilter = {};
  const q = url.searchParams.get('q')?.trim();
  const tag = url.searchParams.get('tag')?.trim();
  if (q) filter.q = q;
  if (tag) filter.tag = tag;
  if (url.searchParams.get('followed') === '1') filter.followed = true;
  return filter;
}

export function isUnfiltered(filter: MatchingFilter): boolean {
  return !filter.q && !filter.tag && !filter.followed;
}
