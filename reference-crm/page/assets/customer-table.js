// The customer table: loads a page of customers from the API and re-renders the rows on every change.
import { apiQueries, ariaSort, footerText, formatUpdated, lastPage, nextSort, parseState, stateToSearch } from './list-state.js';

const SEARCH_DELAY_MS = 300;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Sortable columns: the header cell's class → the column's sort key. */
const SORT_COLUMNS = { 'col-name': 'name', 'col-code': 'code', 'col-updated': 'updatedAt' };

/**
 * Wires the table in `doc` to the API. `win` gives fetch, location, history and timers (the page passes window).
 * Returns a function that stops it.
 */
export function mountCustomerTable(doc, win) {
  const el = {
    table: doc.getElementById('customer-table'),
    tbody: doc.querySelector('#customer-table tbody'),
    search: doc.getElementById('customer-search'),
    pageSize: doc.getElementById('page-size'),
    prev: doc.getElementById('page-prev'),
    next: doc.getElementById('page-next'),
    pageNumber: doc.getElementById('page-number'),
    info: doc.getElementById('page-info'),
    error: doc.getElementById('load-error'),
  };
  let state = parseState(win.location.search);
  let total = 0;
  let names = null;
  let loadSeq = 0;
  let inFlight = null;
  let searchTimer = null;
  /** The footer's text once the last load settled (shown again when a search turns out unchanged). */
  let settledInfo = '';

  async function getJson(path, signal) {
    for (let attempt = 0; ; attempt++) {
      const res = await win.fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal });
      if (res.status === 401) {
        win.location.assign(`/login?next=${encodeURIComponent(`/customers${stateToSearch(state)}`)}`);
        throw new Error('Your session has ended. Please sign in again.');
      }
      if (res.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
        const seconds = Math.min(5, Number(res.headers.get('retry-after')) || 1);
        await new Promise((done) => win.setTimeout(done, seconds * 1000));
        continue;
      }
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
      return body;
    }
  }

  async function loadNames(signal) {
    if (names) return names;
    try {
      const org = await getJson('/api/v1/org', signal);
      names = new Map(org.users.map((u) => [u.id, u.name]));
    } catch (error) {
      if (signal.aborted) throw error;
      names = new Map(); // the table still works, showing ids for AE and CSR
    }
    return names;
  }

  async function load() {
    const seq = ++loadSeq;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    win.history.replaceState(null, '', `${win.location.pathname}${stateToSearch(state)}`);
    el.table.setAttribute('aria-busy', 'true');
    el.info.textContent = 'Loading…';
    try {
      const [userNames, ...pages] = await Promise.all([
        loadNames(controller.signal),
        ...apiQueries(state).map((q) => getJson(`/api/v1/customers${q}`, controller.signal)),
      ]);
      if (seq !== loadSeq) return;
      total = pages[0].total;
      if (state.page > lastPage(total, state.pageSize)) {
        state = { ...state, page: lastPage(total, state.pageSize) };
        return void load();
      }
      const items = pages.flatMap((p) => p.items);
      renderRows(doc, el.tbody, items, userNames, state.q);
      el.error.hidden = true;
      showControls(items.length);
    } catch (error) {
      if (seq !== loadSeq || controller.signal.aborted) return;
      el.error.replaceChildren(doc.createTextNode(`Could not load customers: ${error.message} `), retryButton(doc, load));
      el.error.hidden = false;
      el.info.textContent = settledInfo = 'Could not load customers';
    } finally {
      if (seq === loadSeq) el.table.removeAttribute('aria-busy');
    }
  }

  function showControls(shown) {
    el.info.textContent = settledInfo = footerText(state, shown, total);
    el.pageNumber.textContent = `Page ${state.page} of ${lastPage(total, state.pageSize)}`;
    el.prev.disabled = state.page <= 1;
    el.next.disabled = state.page >= lastPage(total, state.pageSize);
    for (const th of el.table.querySelectorAll('thead th')) {
      const column = SORT_COLUMNS[th.classList[0]];
      if (column) th.setAttribute('aria-sort', ariaSort(state.sort, column));
    }
  }

  function change(patch) {
    state = { ...state, ...patch };
    load();
  }

  const ac = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: ac.signal });
  if (![...el.pageSize.options].some((o) => Number(o.value) === state.pageSize)) {
    const option = doc.createElement('option');
    option.value = option.textContent = String(state.pageSize);
    el.pageSize.appendChild(option);
  }
  el.pageSize.value = String(state.pageSize);
  el.search.value = state.q;
  on(el.pageSize, 'change', () => change({ pageSize: Number(el.pageSize.value), page: 1 }));
  on(el.prev, 'click', () => change({ page: Math.max(1, state.page - 1) }));
  on(el.next, 'click', () => change({ page: state.page + 1 }));
  on(el.table.querySelector('thead'), 'click', (event) => {
    const th = event.target.closest('th');
    const column = th && event.target.closest('button') ? SORT_COLUMNS[th.classList[0]] : undefined;
    if (column) change({ sort: nextSort(state.sort, column), page: 1 });
  });
  const search = () => {
    win.clearTimeout(searchTimer);
    if (el.search.value.trim() !== state.q) change({ q: el.search.value.trim(), page: 1 });
    else if (!el.table.hasAttribute('aria-busy')) el.info.textContent = settledInfo;
  };
  on(el.search, 'input', () => {
    win.clearTimeout(searchTimer);
    // The rows no longer answer what is typed: say so at once, not only when the request starts.
    el.info.textContent = 'Loading…';
    searchTimer = win.setTimeout(search, SEARCH_DELAY_MS);
  });
  on(el.search, 'keydown', (event) => event.key === 'Enter' && search());
  load();
  return () => {
    ac.abort();
    inFlight?.abort();
    win.clearTimeout(searchTimer);
  };
}

function retryButton(doc, retry) {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'retry-button';
  button.textContent = 'Retry';
  button.addEventListener('click', () => retry(), { once: true });
  return button;
}

/** Replaces every row with new elements, all text set as textContent. */
export function renderRows(doc, tbody, items, names, q = '') {
  const fragment = doc.createDocumentFragment();
  const person = (id) => (id === null ? '—' : (names.get(id) ?? id));
  for (const c of items) {
    const tr = doc.createElement('tr');
    tr.className = 'dt-row';
    const cell = (className, text) => {
      const td = doc.createElement('td');
      td.className = className;
      if (text !== undefined) td.textContent = text;
      tr.appendChild(td);
      return td;
    };
    const link = doc.createElement('a');
    link.href = `/customers/${encodeURIComponent(c.id)}`;
    link.textContent = c.name;
    cell('col-name').appendChild(link);
    cell('col-code', c.code);
    cell('col-phone', c.phone);
    cell('col-email', c.email);
    cell('col-ae', person(c.aeId));
    cell('col-csr', person(c.csrId));
    const tags = cell('col-tags');
    for (const tag of c.tags) {
      const span = doc.createElement('span');
      span.className = 'tag';
      span.textContent = tag;
      tags.appendChild(span);
    }
    const time = doc.createElement('time');
    time.dateTime = c.updatedAt;
    time.textContent = formatUpdated(c.updatedAt);
    cell('col-updated').appendChild(time);
    fragment.appendChild(tr);
  }
  if (items.length === 0) {
    const tr = doc.createElement('tr');
    tr.className = 'empty-row';
    const td = doc.createElement('td');
    td.colSpan = 8;
    td.textContent = q ? `No customers match “${q}”.` : 'No customers in your list.';
    tr.appendChild(td);
    fragment.appendChild(tr);
  }
  tbody.replaceChildren(fragment);
}
