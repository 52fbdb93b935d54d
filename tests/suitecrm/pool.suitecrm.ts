// The pool: return (assigned user, pool administrator or admin, with a reason), the pool's list, and pick-up
// (first one wins, the second gets 409).
import { describe, expect, it } from 'vitest';
import { accountsWhere, ISO, route, seed, v8 } from './helpers';

const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const pooled = accountsWhere((a) => a.pooled);

describe('POST /accounts/{id}/return-to-pool', () => {
  it('refuses someone who is not the account executive, a pool administrator or an admin', async () => {
    const a = rep1Accounts[0];
    const r = await route('rep2', 'POST', `/accounts/${a.id}/return-to-pool`, { reason: 'not mine' });
    expect([r.status, r.body.errors.code]).toEqual([403, 'forbidden']);
  });

  it('needs a reason', async () => {
    const a = rep1Accounts[0];
    for (const body of [{}, { reason: '   ' }, { reason: 5 }, { reason: 'x', extra: 1 }, { reason: 'x'.repeat(2001) }]) {
      const r = await route('rep1', 'POST', `/accounts/${a.id}/return-to-pool`, body);
      expect(r.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });

  it('empties the assigned user, keeps the reason and time, links the pool; twice is harmless', async () => {
    const a = rep1Accounts[1];
    const r = await route('rep1', 'POST', `/accounts/${a.id}/return-to-pool`, { reason: 'Moved to another city' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ id: a.id, assignedUserId: null, poolId: seed.groups.pool, returnReason: 'Moved to another city' });
    expect(r.body.data.returnedAt).toMatch(ISO);
    const again = await route('rep1', 'POST', `/accounts/${a.id}/return-to-pool`, { reason: 'again' });
    expect(again.status).toBe(200);
    expect(again.body.data.returnReason).toBe('Moved to another city');

    const v = await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=assigned_user_id,crm_pool_id_c`);
    expect(v.body.data.attributes.assigned_user_id).toBe('');
    const shares = (await route('admin', 'GET', `/accounts/shares?ids=${a.id}`)).body.data[a.id];
    expect(shares.poolGroupIds).toEqual([seed.groups.pool]);
    const audit = (await route('admin', 'GET', `/accounts/${a.id}/audit`)).body.data;
    expect(audit[0]).toMatchObject({ field: 'assigned_user_id', before: seed.users.rep1.id, after: '', user_id: seed.users.rep1.id });
  });

  it("lets the pool's administrator return someone else's customer", async () => {
    const a = rep1Accounts[2];
    const r = await route('poolAdmin', 'POST', `/accounts/${a.id}/return-to-pool`, { reason: 'Inactive for 90 days' });
    expect(r.status).toBe(200);
    expect(r.body.data.assignedUserId).toBeNull();
  });
});

describe('GET /pool and POST /accounts/{id}/pick-up', () => {
  it('lists pooled customers, the most recently returned first, with paging, search and the pools', async () => {
    const a = rep1Accounts[3];
    await route('rep1', 'POST', `/accounts/${a.id}/return-to-pool`, { reason: 'Newest' });
    const r = await route('rep2', 'GET', '/pool?page=1&size=5');
    expect(r.status).toBe(200);
    expect(r.body.meta.total).toBeGreaterThanOrEqual(pooled.length + 1);
    expect(r.body.meta.pools).toContainEqual({ id: seed.groups.pool, name: `CRMX Pool ${seed.tag}` });
    expect(r.body.data).toHaveLength(5);
    // The newest first; returns in the same second (SuiteCRM keeps seconds) come by id.
    const order = r.body.data.map((x: any) => [x.returnedAt, x.id]);
    expect(order).toEqual([...order].sort((x: string[], y: string[]) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : x[0] > y[0] ? -1 : 1)));
    const newest = r.body.data.find((x: any) => x.id === a.id);
    expect(newest?.returnedAt).toBe(r.body.data[0].returnedAt);
    expect(newest).toMatchObject({
      id: a.id,
      name: a.name,
      code: a.code,
      phone: a.phone,
      poolId: seed.groups.pool,
      poolName: `CRMX Pool ${seed.tag}`,
      returnReason: 'Newest',
    });
    expect(newest.returnedAt).toMatch(ISO);
    expect(newest.dateModified).toMatch(ISO);
    const page2 = await route('rep2', 'GET', '/pool?page=2&size=5');
    expect(page2.body.data.map((x: any) => x.id)).not.toContain(a.id);

    const found = await route('rep2', 'GET', `/pool?q=${encodeURIComponent(pooled[0].code)}`);
    expect(found.body.data.map((x: any) => x.id)).toEqual([pooled[0].id]);
    expect((await route('rep2', 'GET', '/pool?size=500')).status).toBe(400);
  });

  it('gives the customer to the first picker; a second picker gets 409 with the name', async () => {
    const p = pooled[2];
    const [first, second] = await Promise.all([
      route('rep2', 'POST', `/accounts/${p.id}/pick-up`),
      route('rep1', 'POST', `/accounts/${p.id}/pick-up`),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = first.status === 200 ? seed.users.rep2 : seed.users.rep1;
    const loser = first.status === 200 ? second : first;
    expect(loser.body.errors).toEqual({ status: 409, code: 'taken', detail: `Already picked up by ${winner.name}` });
    const won = first.status === 200 ? first : second;
    expect(won.body.data).toMatchObject({ id: p.id, assignedUserId: winner.id, returnedAt: null });

    // Picking up one's own again is fine; it left the pool's list.
    const whoKey = winner === seed.users.rep2 ? 'rep2' : 'rep1';
    expect((await route(whoKey, 'POST', `/accounts/${p.id}/pick-up`)).status).toBe(200);
    const list = await route('rep2', 'GET', `/pool?q=${encodeURIComponent(p.code)}`);
    expect(list.body.data).toEqual([]);
    const v = await v8('admin', 'GET', `/Api/V8/module/Accounts/${p.id}?fields[Accounts]=assigned_user_id`);
    expect(v.body.data.attributes.assigned_user_id).toBe(winner.id);
  });

  it('refuses to pick up a customer someone has (409) or an unknown one (404)', async () => {
    const r = await route('rep2', 'POST', `/accounts/${rep1Accounts[4].id}/pick-up`);
    expect(r.status).toBe(409);
    expect(r.body.errors.code).toBe('taken');
    expect((await route('rep2', 'POST', '/accounts/00000000-0000-0000-0000-000000000000/pick-up')).status).toBe(404);
  });
});
