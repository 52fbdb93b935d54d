// The customer list's state (page, page size, search, sort) and the pure helpers around it.

/** Page sizes offered in the footer's select. */
export const PAGE_SIZES = [20, 50, 100, 500, 1000];
/** Also accepted from the URL (?pageSize=5000), fetched from the API in pages of 1000. */
export const LARGE_PAGE_SIZES = [5000];
/** The largest page the API answers in one call. */
export const API_MAX_PAGE_SIZE = 1000;
/** The sorts the API knows. */
export const SORTS = ['name', '-name', 'code', 'updatedAt', '-updatedAt'];
export const DEFAULT_STATE = Object.freeze({ page: 1, pageSize: 50, q: '', sort: 'name' });

/** The state from a URL query string; anything unknown or malformed falls back to the default. */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const sort = params.get('sort');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : DEFAULT_STATE.page,
    pageSize: PAGE_SIZES.includes(pageSize) || LARGE_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_STATE.pageSize,
    q: (params.get('q') ?? '').trim(),
    sort: SORTS.includes(sort) ? sort : DEFAULT_STATE.sort,
  };
}

/** The URL query string for a state ("?page=1&pageSize=50&sort=name", with &q= when searching). */
export function stateToSearch(state) {
  const params = new URLSearchParams({ page: String(state.page), pageSize: String(state.pageSize), sort: state.sort });
  if (state.q) params.set('q', state.q);
  return `?${params}`;
}

/** The API query strings that make up one page of the list (several when the page is larger than the API's). */
export function apiQueries(state) {
  const chunk = Math.min(state.pageSize, API_MAX_PAGE_SIZE);
  const parts = Math.ceil(state.pageSize / chunk);
  const queries = [];
  for (let i = 0; i < parts; i++) {
    const params = new URLSearchParams({ page: String((state.page - 1) * parts + i + 1), pageSize: String(chunk), sort: state.sort });
    if (state.q) params.set('q', state.q);
    queries.push(`?${params}`);
  }
  return queries;
}

/** "Showing 1–50 of 60" (an en dash); "Showing 0–0 of 0" when nothing matches. */
export function footerText(state, shown, total) {
  const first = shown === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const last = shown === 0 ? 0 : first + shown - 1;
  return `Showing ${first}–${last} of ${total}`;
}

export function lastPage(total, pageSize) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The sort after clicking a column's header: name and updated toggle direction, code only ascends. */
export function nextSort(current, column) {
  if (column === 'name') return current === 'name' ? '-name' : 'name';
  if (column === 'updatedAt') return current === '-updatedAt' ? 'updatedAt' : '-updatedAt';
  return 'code';
}

/** aria-sort of a column's header for the current sort. */
export function ariaSort(current, column) {
  if (current.replace(/^-/, '') !== column) return 'none';
  return current.startsWith('-') ? 'descending' : 'ascending';
}

/** "23/08/2024 09:05" in the browser's time zone, as Vietnamese CRMs write it; the raw text when not a date. */
export function formatUpdated(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso ?? '');
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
