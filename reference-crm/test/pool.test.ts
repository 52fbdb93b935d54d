// The pool: listing what the caller may pick up, and the pick up, enforced with lib/rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, testSeed, type TestCrm } from './support';

/** testSeed() with p-1 open to Sales (so Sales North too) and an outsider at head office, outside it. */
function poolSeed() {
  const seed = testSeed();
  seed.pools = [{ id: 'p-1', name: 'Main pool', adminUserIds: ['u-pool'], memberDepartmentIds: ['d-sales'] }];
  seed.users.push({ id: 'u-out', name: 'Otto Outsider', email: 'otto@x.test', departmentId: 'd-root', roleId: 'r-rep', managerId: 'u-admin', token: 'tok-out' });
  return seed;
}

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm({ seed: poolSeed() });
});
afterEach(() => crm.close());

const audit = async (type: string, customerId: string) =>
  (await crm.call('tok-admin', 'GET', `/audit?type=${encodeURIComponent(type)}&customerId=${customerId}`)).body.items;
const pool = async (token: string, query = '') => crm.call(token, 'GET', `/pool/customers${query}`);
const returnC1 = () => crm.call('tok-rep', 'POST', '/customers/c-1/return-to-pool', { reason: 'Moved to Đà Nẵng' });

describe('the pool list', () => {
  it('shows a member the customers without an account executive, the latest returned first, with when and why', async () => {
    crm.clock.now = new Date('2024-08-26T08:00:00.000Z');
    expect((await returnC1()).status).toBe(200);
    const { status, body } = await pool('tok-rep2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20, pools: [{ id: 'p-1', name: 'Main pool' }] });
    expect(body.items).toEqual([
      { id: 'c-1', code: 'C-1', name: 'Anh Phat', phone: '0912 345 678', poolId: 'p-1', poolName: 'Main pool', version: 2,
        returnedAt: '2024-08-26T08:00:00.000Z', returnReason: 'Moved to Đà Nẵng' },
      { id: 'c-key', code: 'C-KEY', name: 'Key Corp', phone: '024 3826 4000', poolId: 'p-1', poolName: 'Main pool', version: 1,
        returnedAt: null, returnReason: null },
    ]);
  });

  it('pages, and finds by name, code or phone digits', async () => {
    await returnC1();
    expect((await pool('tok-rep2', '?page=2&pageSize=1')).body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: 'c-key' }] });
    expect((await pool('tok-rep2', '?q=key')).body.items.map((x: { id: string }) => x.id)).toEqual(['c-key']);
    expect((await pool('tok-rep2', '?q=0912345')).body.items.map((x: { id: string }) => x.id)).toEqual(['c-1']);
    // Name, code and number only: the pool shows no email, so it is not searched.
    expect((await pool('tok-rep2', '?q=example.com')).body).toMatchObject({ total: 0, items: [] });
  });

  it('shows a non-member nothing, and no pool; the pool administrator and the administrator see it all', async () => {
    await returnC1();
    expect((await pool('tok-out')).body).toMatchObject({ items: [], total: 0, pools: [] });
    expect((await pool('tok-key')).body).toMatchObject({ items: [], total: 0, pools: [] });
    expect((await pool('tok-pool')).body.total).toBe(2);
    expect((await pool('tok-admin')).body.total).toBe(2);
  });

  it('refuses malformed queries', async () => {
    expect((await pool('tok-rep', '?pageSize=0')).status).toBe(400);
    expect((await pool('tok-rep', '?pageSize=201')).status).toBe(400);
    expect((await pool('tok-rep', '?page=x')).status).toBe(400);
    expect((await pool(null as unknown as string)).status).toBe(401);
  });

  it('is open to the whole organisation when the pool names no member departments', async () => {
    const open = await testCrm();
    try {
      const { body } = await open.call('tok-key', 'GET', '/pool/customers');
      expect(body.items.map((x: { id: string }) => x.id)).toEqual(['c-key']);
      expect((await open.call('tok-admin', 'GET', '/org')).body.pools).toEqual([{ id: 'p-1', name: 'Main pool', adminUserIds: ['u-pool'] }]);
    } finally {
      open.close();
    }
  });

  it('the org names the pool\'s member departments', async () => {
    expect((await crm.call('tok-rep', 'GET', '/org')).body.pools).toEqual([
      { id: 'p-1', name: 'Main pool', adminUserIds: ['u-pool'], memberDepartmentIds: ['d-sales'] },
    ]);
  });
});

describe('pick up', () => {
  it('makes a member the account executive: version bumped, logged "Pick up customer", in their list, out of the pool', async () => {
    await returnC1();
    const { status, body, headers } = await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'c-1', aeId: 'u-rep2', version: 3, updatedAt: crm.clock.now.toISOString() });
    expect(headers.get('etag')).toBe('"3"');
    const logs = await audit('Pick up customer', 'c-1');
    expect(logs).toEqual([expect.objectContaining({ actorId: 'u-rep2', details: 'Main pool', changes: [{ field: 'aeId', before: null, after: 'u-rep2' }] })]);
    expect((await crm.call('tok-rep2', 'GET', '/customers/c-1')).status).toBe(200);
    expect((await crm.call('tok-rep2', 'GET', '/customers?pageSize=100')).body.items.map((x: { id: string }) => x.id)).toContain('c-1');
    expect((await pool('tok-rep2')).body.items.map((x: { id: string }) => x.id)).toEqual(['c-key']);
    // The rep who returned it does not get it back.
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).status).toBe(404);
  });

  it('answers a replay with the same key once, and refuses the next member: someone picked it up first', async () => {
    await returnC1();
    const key = { 'idempotency-key': 'pick-c-1' };
    const first = await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up', undefined, key);
    const again = await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up', undefined, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await audit('Pick up customer', 'c-1')).toHaveLength(1);

    const late = await crm.call('tok-manager', 'POST', '/customers/c-1/pick-up');
    expect(late.status).toBe(403);
    expect(late.body.error).toMatchObject({ code: 'forbidden', rule: 'has-account-executive', ask: [] });
    expect((await crm.call('tok-admin', 'GET', '/customers/c-1')).body.aeId).toBe('u-rep2');
  });

  it('refuses a non-member who knows the customer, naming the pool\'s administrators to ask', async () => {
    await returnC1();
    // u-key lists c-1 through the edit group, but head office is not a member of the pool.
    const { status, body } = await crm.call('tok-key', 'POST', '/customers/c-1/pick-up');
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      code: 'forbidden', rule: 'not-pool-member',
      ask: [{ kind: 'pool-admin', userIds: ['u-pool'] }, { kind: 'administrator', userIds: ['u-admin'] }],
    });
    expect(await audit('Pick up customer', 'c-1')).toEqual([]);
  });

  it('answers a non-member who does not know the customer as for a missing one', async () => {
    await returnC1();
    const outsider = await crm.call('tok-out', 'POST', '/customers/c-1/pick-up');
    const missing = await crm.call('tok-out', 'POST', '/customers/c-nope/pick-up');
    expect([outsider.status, missing.status]).toEqual([404, 404]);
    expect(outsider.body.error.message).toBe('customer c-1: not found');
    expect(await audit('Pick up customer', 'c-1')).toEqual([]);
  });

  it('lets the pool administrator and the administrator pick up; refuses a deleted customer', async () => {
    await returnC1();
    expect((await crm.call('tok-pool', 'POST', '/customers/c-1/pick-up')).body.aeId).toBe('u-pool');
    expect((await crm.call('tok-admin', 'POST', '/customers/c-key/pick-up')).body.aeId).toBe('u-admin');
    expect((await crm.call('tok-admin', 'DELETE', '/customers/c-key')).status).toBe(200);
    const deleted = await crm.call('tok-admin', 'POST', '/customers/c-key/pick-up');
    expect([deleted.status, deleted.body.error.rule]).toEqual([403, 'deleted']);
  });

  it('refuses a body: pick up takes none', async () => {
    await returnC1();
    const { status, body } = await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up', { aeId: 'u-rep' });
    expect(status).toBe(400);
    expect(body.error.message).toContain('aeId: unknown field');
    expect((await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up', '[1]')).status).toBe(400);
    expect(await audit('Pick up customer', 'c-1')).toEqual([]);
  });

  it('reaches the other users\' caches through the change feed', async () => {
    await returnC1();
    const cursor = (await crm.call('tok-manager', 'GET', '/sync/customers')).body.next;
    const keyCursor = (await crm.call('tok-key', 'GET', '/sync/customers')).body.next;
    const rep2Cursor = (await crm.call('tok-rep2', 'GET', '/sync/customers')).body.next;
    await crm.call('tok-rep2', 'POST', '/customers/c-1/pick-up');
    const rep2 = (await crm.call('tok-rep2', 'GET', `/sync/customers?since=${rep2Cursor}`)).body;
    expect(rep2.changed).toEqual([expect.objectContaining({ id: 'c-1', aeId: 'u-rep2', version: 3 })]);
    // The manager lists it again (a direct subordinate is now its AE); u-key still lists it (edit group).
    expect((await crm.call('tok-manager', 'GET', `/sync/customers?since=${cursor}`)).body.changed.map((x: { id: string }) => x.id)).toEqual(['c-1']);
    expect((await crm.call('tok-key', 'GET', `/sync/customers?since=${keyCursor}`)).body.changed.map((x: { aeId: string }) => x.aeId)).toEqual(['u-rep2']);
  });
});
