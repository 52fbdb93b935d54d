// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer, User } from '../../lib/domain/types';
import { mountCustomerTable, type TableWindow } from './assets/customer-table.js';
import { customersPage } from './html';

const users = [
  { id: 'u-rep', name: 'Phạm Minh Tuấn' },
  { id: 'u-csr', name: 'Đặng Minh Khoa' },
];

function customer(i: number, extra: Partial<Customer> = {}): Customer {
  const n = String(i).padStart(4, '0');
  return {
    id: `c-${n}`, code: `KH${n}`, name: `Khách ${n}`, email: `k${n}@example.com`, phone: `0912 000 ${n.slice(1)}`,
    source: 'Website', businessField: 'Retail', aeId: 'u-rep', csrId: i % 2 ? 'u-csr' : null, poolId: 'p-main',
    shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: i % 3 ? [] : ['VIP', 'Hot lead'], version: 1,
    createdAt: '2024-03-01T02:00:00.000Z', updatedAt: `2024-03-01T02:${String(i % 60).padStart(2, '0')}:00.000Z`, deletedAt: null, ...extra,
  };
}

/** A tiny stand-in for the CRM API: name search, name/code sort, paging; records every URL asked. */
function fakeApi(customers: Customer[]) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input), 'http://crm.test');
    calls.push(url.pathname + url.search);
    if (url.pathname === '/api/v1/org') return Response.json({ users, departments: [], roles: [], permissionGroups: [], pools: [] });
    const q = url.searchParams.get('q')?.toLowerCase() ?? '';
    const sort = url.searchParams.get('sort') ?? 'name';
    const page = Number(url.searchParams.get('page'));
    const pageSize = Number(url.searchParams.get('pageSize'));
    const key = sort.replace('-', '') as 'name' | 'code' | 'updatedAt';
    const all = customers.filter((c) => c.name.toLowerCase().includes(q)).sort((a, b) => a[key].localeCompare(b[key]) * (sort.startsWith('-') ? -1 : 1));
    return Response.json({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** The page's main content, without its script tag (the tests mount the table themselves). */
const shell = () => /<main class="content">([\s\S]*)<\/main>/.exec(customersPage({ id: 'u-rep', name: 'Rep' } as User))![1];

let stop: (() => void) | undefined;
let timers: (() => void)[];
let win: TableWindow;

function mount(customers: Customer[], search = '') {
  document.body.innerHTML = shell();
  const api = fakeApi(customers);
  win = {
    fetch: api.fetch,
    location: { search, pathname: '/customers', assign: vi.fn() },
    history: { replaceState: (_d, _u, url) => (win.location.search = url.slice(url.indexOf('?'))) },
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => timers.splice(0),
  };
  stop = mountCustomerTable(document, win);
  return api;
}

const info = () => document.getElementById('page-info')!.textContent;
const rows = () => [...document.querySelectorAll<HTMLTableRowElement>('#customer-table tbody tr.dt-row')];
const ready = (text: string) => vi.waitFor(() => expect(info(), document.getElementById('load-error')!.textContent!).toBe(text));

beforeEach(() => (timers = []));
afterEach(() => stop?.());

describe('the customer table', () => {
  it('renders one dt-row per customer: a name link first, then the columns, AE and CSR as names', async () => {
    mount([customer(1), customer(3)]);
    await ready('Showing 1–2 of 2');
    const [first] = rows();
    expect([...first.cells].map((td) => td.className)).toEqual(['col-name', 'col-code', 'col-phone', 'col-email', 'col-ae', 'col-csr', 'col-tags', 'col-updated']);
    const link = first.querySelector<HTMLAnchorElement>('td.col-name > a')!;
    expect(link.getAttribute('href')).toBe('/customers/c-0001');
    expect(link.textContent).toBe('Khách 0001');
    expect(first.querySelector('.col-ae')!.textContent).toBe('Phạm Minh Tuấn');
    expect(first.querySelector('.col-csr')!.textContent).toBe('Đặng Minh Khoa');
    expect([...rows()[1].querySelectorAll('.col-tags .tag')].map((t) => t.textContent)).toEqual(['VIP', 'Hot lead']);
    expect(first.querySelector('.col-updated time')!.getAttribute('datetime')).toBe('2024-03-01T02:01:00.000Z');
  });

  it('shows data as text, never as markup', async () => {
    mount([customer(1, { name: '<img src=x onerror=alert(1)>', tags: ['<b>bold</b>'], csrId: null })]);
    await ready('Showing 1–1 of 1');
    expect(rows()[0].querySelector('.col-name a')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('#customer-table tbody img, #customer-table tbody b')).toBeNull();
    expect(rows()[0].querySelector('.col-csr')!.textContent).toBe('—');
  });

  it('pages with Next and Prev, replacing the rows with new elements and keeping the state in the URL', async () => {
    const api = mount(Array.from({ length: 34 }, (_, i) => customer(i + 1)), '?pageSize=20');
    await ready('Showing 1–20 of 34');
    const before = rows()[0];
    expect((document.getElementById('page-prev') as HTMLButtonElement).disabled).toBe(true);
    document.getElementById('page-next')!.click();
    await ready('Showing 21–34 of 34');
    expect(rows()).toHaveLength(14);
    expect(before.isConnected).toBe(false);
    expect(win.location.search).toBe('?page=2&pageSize=20&sort=name');
    expect((document.getElementById('page-next') as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById('page-number')!.textContent).toBe('Page 2 of 2');
    document.getElementById('page-prev')!.click();
    await ready('Showing 1–20 of 34');
    expect(api.calls.filter((c) => c.startsWith('/api/v1/org'))).toHaveLength(1);
  });

  it('changes the page size from the select and goes back to page 1', async () => {
    mount(Array.from({ length: 120 }, (_, i) => customer(i + 1)), '?page=2&pageSize=20');
    await ready('Showing 21–40 of 120');
    const select = document.getElementById('page-size') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['20', '50', '100', '500', '1000']);
    select.value = '100';
    select.dispatchEvent(new Event('change'));
    await ready('Showing 1–100 of 120');
    expect(rows()).toHaveLength(100);
  });

  it('loads a 5,000-row page from five API calls of 1,000 and renders them at once', async () => {
    const api = mount(Array.from({ length: 2500 }, (_, i) => customer(i + 1)), '?pageSize=5000');
    await ready('Showing 1–2500 of 2500');
    expect(rows()).toHaveLength(2500);
    expect(api.calls.filter((c) => c.startsWith('/api/v1/customers'))).toHaveLength(5);
    expect((document.getElementById('page-size') as HTMLSelectElement).value).toBe('5000');
  });

  it('searches after the typing pause (or on Enter), from page 1', async () => {
    const api = mount([customer(1, { name: 'Nguyễn Văn Hùng' }), customer(2, { name: 'Trần Thị Mai' }), customer(3, { name: 'Nguyễn Thị Lan' })], '?page=1');
    await ready('Showing 1–3 of 3');
    const input = document.getElementById('customer-search') as HTMLInputElement;
    const asked = api.calls.length;
    input.value = 'nguyễn';
    input.dispatchEvent(new Event('input'));
    expect(timers).toHaveLength(1);
    expect(info()).toBe('Loading…'); // the old footer must not pass for the answer to the new query
    expect(api.calls).toHaveLength(asked); // nothing asked before the pause ends
    timers.shift()!();
    await ready('Showing 1–2 of 2');
    expect(rows().map((r) => r.cells[0].textContent)).toEqual(['Nguyễn Thị Lan', 'Nguyễn Văn Hùng']);
    expect(win.location.search).toBe('?page=1&pageSize=50&sort=name&q=nguy%E1%BB%85n');
    input.value = 'zzz';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await ready('Showing 0–0 of 0');
    expect(document.querySelector('#customer-table tbody tr.empty-row')!.textContent).toBe('No customers match “zzz”.');
  });

  it('shows the settled footer again when the search text comes back to what is shown', async () => {
    const api = mount([customer(1), customer(2)]);
    await ready('Showing 1–2 of 2');
    const asked = api.calls.length;
    const input = document.getElementById('customer-search') as HTMLInputElement;
    input.value = ' ';
    input.dispatchEvent(new Event('input'));
    expect(info()).toBe('Loading…');
    timers.shift()!();
    expect(info()).toBe('Showing 1–2 of 2');
    expect(api.calls).toHaveLength(asked);
  });

  it('sorts from the header buttons and marks the sorted column', async () => {
    mount([customer(1, { name: 'B', code: 'KH1' }), customer(2, { name: 'A', code: 'KH3' }), customer(3, { name: 'C', code: 'KH2' })]);
    await ready('Showing 1–3 of 3');
    const names = () => rows().map((r) => r.cells[0].textContent);
    expect(names()).toEqual(['A', 'B', 'C']);
    document.querySelector<HTMLButtonElement>('#customer-table th.col-name button')!.click();
    await vi.waitFor(() => expect(names()).toEqual(['C', 'B', 'A']));
    expect(document.querySelector('#customer-table th.col-name')!.getAttribute('aria-sort')).toBe('descending');
    document.querySelector<HTMLButtonElement>('#customer-table th.col-code button')!.click();
    await vi.waitFor(() => expect(names()).toEqual(['B', 'C', 'A']));
    expect(win.location.search).toBe('?page=1&pageSize=50&sort=code');
    expect(document.querySelector('#customer-table th.col-name')!.getAttribute('aria-sort')).toBe('none');
    expect(document.querySelector('#customer-table th.col-code')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('goes to the last page when the URL asks for a page past the end', async () => {
    mount(Array.from({ length: 30 }, (_, i) => customer(i + 1)), '?page=9&pageSize=20');
    await ready('Showing 21–30 of 30');
  });

  it('sends the user to sign in when the session has ended', async () => {
    document.body.innerHTML = shell();
    const fetch = vi.fn(async () => Response.json({ error: { code: 'unauthorized', message: 'Sign in' } }, { status: 401 }));
    const assign = vi.fn();
    stop = mountCustomerTable(document, {
      fetch: fetch as unknown as typeof globalThis.fetch, location: { search: '?q=x', pathname: '/customers', assign },
      history: { replaceState: () => {} }, setTimeout: (fn) => timers.push(fn), clearTimeout: () => {},
    });
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/login?next=%2Fcustomers%3Fpage%3D1%26pageSize%3D50%26sort%3Dname%26q%3Dx'));
  });

  it('shows the error with a Retry button that loads again', async () => {
    document.body.innerHTML = shell();
    let fail = true;
    const fetch = vi.fn(async (input: string) => {
      if (input.startsWith('/api/v1/org')) return Response.json({ users });
      if (fail) return Response.json({ error: { code: 'fault', message: 'Injected fault' } }, { status: 503 });
      return Response.json({ items: [customer(1)], total: 1, page: 1, pageSize: 50 });
    });
    stop = mountCustomerTable(document, {
      fetch: fetch as unknown as typeof globalThis.fetch, location: { search: '', pathname: '/customers', assign: vi.fn() },
      history: { replaceState: () => {} }, setTimeout: (fn) => timers.push(fn), clearTimeout: () => {},
    });
    const error = document.getElementById('load-error')!;
    await vi.waitFor(() => expect(error.hidden).toBe(false));
    expect(error.textContent).toContain('Injected fault');
    fail = false;
    error.querySelector('button')!.click();
    await ready('Showing 1–1 of 1');
    expect(error.hidden).toBe(true);
  });
});
