import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from './core';
import type { Change } from '../../protocol/messages';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer, sampleMe, sampleOrg } from '../../crm-client/test-data';
import { CrmxDb } from '../store/db';
import { readToken } from '../store/session';
import { createBackgroundServices, type BackgroundServices } from '../services';
import type { Customer } from '../../domain/types';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };

/** A tiny stand-in for the CRM's API, enough for the handlers. */
function fakeCrm() {
  const crm = {
    online: true,
    customers: new Map<string, Customer>([
      ['c-001', sampleCustomer()],
      ['c-002', sampleCustomer({ id: 'c-002', name: 'Other AE', aeId: 'u-other', csrId: null, shares: { departmentIds: [], roleIds: [], userIds: ['u-ae'] } })],
    ]),
    follows: new Set<string>(['c-001']),
    calls: [] as string[],
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!crm.online) throw new TypeError('Failed to fetch');
      const method = init?.method ?? 'GET';
      const path = new URL(String(input)).pathname.replace('/api/v1', '');
      crm.calls.push(`${method} ${path}`);
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      const notFound = () => json({ error: { code: 'not_found', message: 'No such customer' } }, 404);
      if (path === '/me') return json(sampleMe());
      if (path === '/org') return json(sampleOrg());
      if (path === '/follows') return json({ customerIds: [...crm.follows] });
      const follow = /^\/follows\/(.+)$/.exec(path);
      if (follow) {
        if (method === 'PUT') crm.follows.add(follow[1]);
        else crm.follows.delete(follow[1]);
        return json({ ok: true });
      }
      if (path === '/customers') {
        const params = new URL(String(input)).searchParams;
        const size = Number(params.get('pageSize') ?? 50);
        const pageNo = Number(params.get('page') ?? 1);
        const all = [...crm.customers.values()];
        return json({ items: all.slice((pageNo - 1) * size, pageNo * size), total: all.length, page: pageNo, pageSize: size });
      }
      const one = /^\/customers\/(.+)$/.exec(path);
      if (one) return crm.customers.has(one[1]) ? json(crm.customers.get(one[1])) : notFound();
      return notFound();
    }) as typeof fetch,
  };
  return crm;
}

let db: CrmxDb;
let n = 0;
let crm: ReturnType<typeof fakeCrm>;
let origin: string | null;
let pushed: Change[];
let services: BackgroundServices;

function handlers() {
  return createHandlers(services);
}

async function connected() {
  const h = handlers();
  await h.connect({ url: `${ORIGIN}/customers?page=2`, token: ' tok-ae ' }, page);
  crm.calls.length = 0;
  pushed.length = 0;
  return h;
}

beforeEach(() => {
  db = new CrmxDb(`handlers-test-${++n}`);
  crm = fakeCrm();
  origin = null;
  pushed = [];
  services = createBackgroundServices({
    db,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => {
      origin = o;
    },
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch: crm.fetch }),
    push: (change) => pushed.push(change),
  });
});
afterEach(() => db.delete());

describe('connect', () => {
  it('saves the origin, keeps the token in IndexedDB, and answers who is signed in', async () => {
    const session = await handlers().connect({ url: `${ORIGIN}/customers?page=2`, token: ' tok-ae ' }, page);
    expect(session).toMatchObject({ crmOrigin: ORIGIN, offline: false, me: { user: { name: 'Anh AE' }, role: { name: 'Sales rep' } } });
    expect(origin).toBe(ORIGIN);
    expect(await readToken(db)).toBe('tok-ae');
    expect(pushed).toEqual([{ kind: 'session' }]);
    expect((await db.org.get('current'))?.org.users).toHaveLength(5);
  });

  it('refuses an address that is not http(s), saying so', async () => {
    await expect(handlers().connect({ url: 'ftp://crm.test', token: 't' }, page)).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('https://') });
    expect(origin).toBeNull();
  });

  it('forgets the previous CRM\'s cached customers when connecting elsewhere', async () => {
    const h = await connected();
    await h.getDecisions({ ids: ['c-001'] }, page);
    expect(await db.customers.count()).toBe(1);
    await h.connect({ url: 'http://localhost:7000', token: 'tok-ae' }, page);
    expect(await db.customers.count()).toBe(0);
  });

  it('answers not_connected before any connect', async () => {
    await expect(handlers().getCustomer('c-001', page)).rejects.toMatchObject({ code: 'not_connected' });
    expect(await handlers().getSession(undefined, page)).toBeNull();
  });
});

describe('getCustomer', () => {
  it('gives the customer with names and what the user may do', async () => {
    const details = await (await connected()).getCustomer('c-001', page);
    expect(details).toMatchObject({
      aeName: 'Anh AE', csrName: 'Chi CSR', poolName: 'North pool', followed: true, fromCache: false,
      shares: { departments: ['Sales'], roles: [], users: ['Oanh Other'] },
    });
    expect(details.decisions.edit).toMatchObject({ allowed: true, rule: 'account-executive' });
    expect(details.decisions.delete).toMatchObject({ allowed: false, rule: 'administrator-only' });
    expect(details.decisions.delete.ask[0].names).toEqual(['Ada Admin']);
  });

  it('says whether the user would still list the customer once returned to the pool', async () => {
    const h = await connected();
    // c-001 is also shared with the AE's department: the AE keeps seeing it.
    expect((await h.getCustomer('c-001', page)).listedAfterReturn).toBe(true);
    crm.customers.set('c-003', sampleCustomer({ id: 'c-003', csrId: null, shares: { departmentIds: [], roleIds: [], userIds: [] } }));
    expect((await h.getCustomer('c-003', page)).listedAfterReturn).toBe(false);
  });

  it('serves the cached copy when the CRM cannot be reached', async () => {
    const h = await connected();
    await h.getCustomer('c-001', page);
    crm.online = false;
    const details = await h.getCustomer('c-001', page);
    expect(details.fromCache).toBe(true);
    expect(details.customer.name).toBe('Công ty An Phát');
    await expect(h.getCustomer('c-002', page)).rejects.toMatchObject({ code: 'network' });
  });
});

describe('getDecisions', () => {
  it('answers null for customers the CRM does not list, and reuses the cache', async () => {
    const h = await connected();
    const first = await h.getDecisions({ ids: ['c-001', 'c-002', 'c-404'] }, page);
    expect(first['c-001']).toMatchObject({ followed: true, decisions: { edit: { allowed: true } } });
    expect(first['c-002']).toMatchObject({ followed: false, decisions: { edit: { allowed: false }, view: { allowed: true, rule: 'shared-user' } } });
    expect(first['c-404']).toBeNull();
    crm.calls.length = 0;
    await h.getDecisions({ ids: ['c-001', 'c-002'] }, page);
    expect(crm.calls).toEqual([]);
    await h.getDecisions({ ids: ['c-001'], fresh: true }, page);
    expect(crm.calls).toEqual(['GET /customers/c-001']);
  });

  it('answers what the rows show only when asked, people by name, from the cache', async () => {
    const h = await connected();
    expect((await h.getDecisions({ ids: ['c-001', 'c-002'] }, page))['c-001']?.values).toBeUndefined();
    crm.calls.length = 0;
    const rows = await h.getDecisions({ ids: ['c-001', 'c-002', 'c-404'], values: true }, page);
    // A customer the page shows but the CRM does not list is asked for again; the cached ones are not.
    expect(crm.calls).toEqual(['GET /customers/c-404']);
    expect(rows['c-001']?.values).toEqual({
      name: 'Công ty An Phát', code: 'KH001', phone: '+84901234567', email: 'contact@anphat.vn', aeId: 'u-ae', aeName: 'Anh AE',
      csrId: 'u-csr', csrName: 'Chi CSR', tags: ['vip', 'north'], updatedAt: '2024-06-07T08:09:10.000Z',
    });
    expect(rows['c-002']?.values).toMatchObject({ aeId: 'u-other', aeName: 'Oanh Other', csrId: null, csrName: null });
    expect(rows['c-404']).toBeNull();
  });
});

describe('getDecisions for a long page', () => {
  it('reads the listing a thousand at a time instead of one request per row', async () => {
    for (let i = 0; i < 2500; i++) {
      const id = `big-${String(i).padStart(4, '0')}`;
      crm.customers.set(id, sampleCustomer({ id, name: id }));
    }
    const h = await connected();
    const ids = [...crm.customers.keys()].slice(0, 2400).concat(['c-gone']);
    const rows = await h.getDecisions({ ids }, page);
    expect(Object.keys(rows)).toHaveLength(ids.length);
    expect(rows['big-2000']).toMatchObject({ id: 'big-2000' });
    expect(rows['c-gone']).toBeNull();
    expect(crm.calls.filter((c) => c.startsWith('GET /customers'))).toEqual(['GET /customers', 'GET /customers', 'GET /customers']);
    crm.calls.length = 0;
    await h.getDecisions({ ids: ['big-2499', ...ids.slice(0, 30)] }, page);
    expect(crm.calls).toEqual([]);
  });
});

describe('toggleFollow', () => {
  it('follows and unfollows through the CRM and tells the open pages', async () => {
    const h = await connected();
    expect(await h.toggleFollow('c-002', page)).toEqual({ followed: true });
    expect(crm.follows.has('c-002')).toBe(true);
    expect(await h.toggleFollow('c-002', page)).toEqual({ followed: false });
    expect(crm.calls.filter((c) => c.includes('/follows/'))).toEqual(['PUT /follows/c-002', 'DELETE /follows/c-002']);
    expect(pushed.filter((c) => c.kind === 'follows')).toEqual([{ kind: 'follows', ids: ['c-002'] }, { kind: 'follows', ids: ['c-002'] }]);
  });

  it('refuses a customer not in the user\'s list without asking the CRM to change anything', async () => {
    const h = await connected();
    await expect(h.toggleFollow('c-404', page)).rejects.toMatchObject({ code: 'forbidden', rule: 'not-listed' });
    expect(crm.calls.some((c) => c.startsWith('PUT') || c.startsWith('DELETE'))).toBe(false);
  });
});
