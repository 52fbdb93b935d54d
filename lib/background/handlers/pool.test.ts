import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer, sampleMe, sampleOrg } from '../../crm-client/test-data';
import type { Org } from '../../domain/types';
import { CrmxDb } from '../store/db';
import { createHandlers } from './core';
import { createPoolHandlers } from './pool';
import { createBackgroundServices } from '../services';
import type { Change } from '../../protocol/messages';
import { PAYLOAD_SCHEMAS } from '../../protocol/messages';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const waiting = { id: 'c-pool', code: 'KH900', name: 'Công ty Biển Xanh', phone: '0900 000 900', poolId: 'p-1', poolName: 'North pool',
  version: 4, returnedAt: '2024-06-01T00:00:00.000Z', returnReason: 'Moved away' };

/** A CRM answering just what the pool needs; `members` are p-1's member departments. */
function poolCrm(members: string[] | undefined) {
  const org: Org = { ...sampleOrg(), pools: [{ id: 'p-1', name: 'North pool', adminUserIds: ['u-mgr'], ...(members ? { memberDepartmentIds: members } : {}) }] };
  const posts: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = url.pathname.replace('/api/v1', '');
    if ((init?.method ?? 'GET') !== 'GET') {
      posts.push(path);
      return path === '/customers/c-pool/pick-up' ? json(sampleCustomer({ id: 'c-pool', aeId: 'u-ae', csrId: null, shares: { departmentIds: [], roleIds: [], userIds: [] }, version: 5 })) : json({ error: { code: 'not_found', message: 'no' } }, 404);
    }
    if (path === '/me') return json(sampleMe('u-ae'));
    if (path === '/org') return json(org);
    if (path === '/follows') return json({ customerIds: [] });
    if (path === '/pool/customers') {
      const member = members === undefined || members.includes('d-sales');
      return json({ items: member ? [waiting] : [], total: member ? 1 : 0, page: 1, pageSize: 20, pools: member ? [{ id: 'p-1', name: 'North pool' }] : [] });
    }
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  }) as typeof globalThis.fetch;
  return { fetch, posts };
}

let db: CrmxDb;
let n = 0;
let pushed: Change[];

beforeEach(() => {
  db = new CrmxDb(`pool-test-${++n}`);
  pushed = [];
});
afterEach(() => db.delete());

async function connected(crm: ReturnType<typeof poolCrm>) {
  let origin: string | null = null;
  const services = createBackgroundServices({
    db,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch: crm.fetch }),
    push: (change) => pushed.push(change),
  });
  await createHandlers(services).connect({ url: ORIGIN, token: 'tok-ae' }, page);
  pushed.length = 0;
  return Object.assign(createPoolHandlers(services), { services });
}

describe('the pool messages', () => {
  it('list what a member may pick up; the pick up makes them the AE and their cache learns it', async () => {
    const crm = poolCrm(['d-sales']);
    const pool = await connected(crm);
    const listed = await pool.listPool({ page: 1, pageSize: 20 }, page);
    expect(listed).toMatchObject({ items: [waiting], total: 1, refusal: null });
    const outcome = await pool.pickUp({ id: 'c-pool' }, page);
    expect(outcome).toMatchObject({ outcome: 'applied', customer: { id: 'c-pool', aeId: 'u-ae', version: 5 } });
    expect(crm.posts).toEqual(['/customers/c-pool/pick-up']);
    expect((await db.customers.get('c-pool'))?.aeId).toBe('u-ae');
    expect(pushed).toContainEqual({ kind: 'customers', ids: ['c-pool'], mine: true });
  });

  it('tell a non-member why the pool is empty for them and whom to ask, and refuse a pick up before the CRM hears of it', async () => {
    const crm = poolCrm([]);
    const pool = await connected(crm);
    const listed = await pool.listPool({ page: 1, pageSize: 20 }, page);
    expect(listed.refusal).toEqual({
      rule: 'not-pool-member',
      ask: [{ kind: 'pool-admin', userIds: ['u-mgr'], names: ['Minh Manager'] }, { kind: 'administrator', userIds: ['u-admin'], names: ['Ada Admin'] }],
    });
    // An entry listed earlier (when the user was a member) is checked against the rules as it stands now.
    pool.services.poolSeen.remember([waiting]);
    await expect(pool.pickUp({ id: 'c-pool' }, page)).rejects.toMatchObject({ code: 'forbidden', rule: 'not-pool-member' });
    expect(crm.posts).toEqual([]);
  });

  it('refuse malformed requests by their schemas', () => {
    const ok = (type: 'listPool' | 'pickUp', data: unknown) => v.safeParse(PAYLOAD_SCHEMAS[type] as v.GenericSchema, data).success;
    expect(ok('listPool', { page: 1, pageSize: 20, q: 'an' })).toBe(true);
    expect(ok('listPool', { page: 0, pageSize: 20 })).toBe(false);
    expect(ok('listPool', { page: 1, pageSize: 201 })).toBe(false);
    expect(ok('listPool', { page: 1, pageSize: 20, poolId: 'p-1' })).toBe(false);
    expect(ok('pickUp', { id: '' })).toBe(false);
    expect(ok('pickUp', { id: 'c-1', aeId: 'u-x' })).toBe(false);
  });
});
