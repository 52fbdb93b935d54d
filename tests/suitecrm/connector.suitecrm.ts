// The SuiteCRM connector against the real SuiteCRM: each semantic operation, checked afterwards through
// SuiteCRM's own API (its records, favourites, Security Groups, notes and change log).
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { accountsWhere, connectorAs, env, route, seed, v8 } from './helpers';

// Operations' keys become the ids of the records they write: unique to this run, as real keys are.
const run = crypto.randomUUID();
const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const pooled = accountsWhere((a) => a.pooled);

/** The overlay's notes in an account's history, as SuiteCRM lists them. */
async function overlayNotes(accountId: string): Promise<{ name: string; description: string }[]> {
  const r = await v8('admin', 'GET', `/Api/V8/module/Notes?filter[parent_id][eq]=${accountId}&fields[Notes]=name,description&page[size]=50&page[number]=1`);
  return (r.body.data ?? []).map((n: { attributes: { name: string; description: string } }) => n.attributes)
    .filter((n: { name: string }) => n.name.startsWith('[CRM overlay]'));
}

describe('the SuiteCRM connector', () => {
  it('reads the user and the org: department, role, manager, administrators and pools', async () => {
    const me = await connectorAs('rep1').me();
    expect(me.user).toMatchObject({ id: seed.users.rep1.id, name: seed.users.rep1.name, departmentId: seed.groups.north, managerId: seed.users.manager.id });
    expect(me.isAdmin).toBe(false);
    const org = await connectorAs('rep1').org();
    expect(org.departments.map((d) => d.id)).toEqual(expect.arrayContaining([seed.groups.north, seed.groups.south]));
    expect(org.pools).toEqual([expect.objectContaining({ id: seed.groups.pool, adminUserIds: [seed.users.poolAdmin.id] })]);
    expect(org.users.find((u) => u.id === seed.users.crmAdmin.id)?.roleId).toBe(org.roles.find((r) => r.admin)?.id);
  });

  it('lists and reads accounts as customers, with code, phone, labels and shares', async () => {
    const crm = connectorAs('rep1');
    const a = rep1Accounts[0];
    const customer = await crm.customer(a.id);
    expect(customer).toMatchObject({ id: a.id, name: a.name, code: a.code, phone: a.phone, email: a.email, businessField: a.industry, aeId: seed.users.rep1.id });
    expect(customer.shares.departmentIds).toEqual([seed.groups.north]);
    const page = await crm.customers({ sort: 'id', pageSize: 10 });
    expect(page.items.length).toBe(10);
    expect(page.serverTime).toMatch(/^\d{4}-/);
    const ids = (await crm.customerIds()).ids;
    for (const own of rep1Accounts) expect(ids).toContain(own.id);
  });

  it('edits an account, logs the change in its history and in SuiteCRM\'s change log', async () => {
    const crm = connectorAs('rep1');
    const a = rep1Accounts[1];
    const before = await crm.customer(a.id);
    const after = await crm.editCustomer(a.id, { phone: '0988 111 222', source: 'Zalo' }, before.version, { idempotencyKey: `${run}:edit-1` });
    expect(after).toMatchObject({ phone: '0988 111 222', source: 'Zalo' });
    expect(after.version).not.toBe(before.version);
    const logs = await crm.customerLogs(a.id);
    expect(logs.items[0]).toMatchObject({ type: 'Edit customer', actorId: seed.users.rep1.id });
    expect(logs.items[0].changes).toEqual(expect.arrayContaining([{ field: 'phone', before: a.phone, after: '0988 111 222' }]));
    const audit = await route('rep1', 'GET', `/accounts/${a.id}/audit`);
    expect(audit.body.data.map((row: { field: string }) => row.field)).toContain('phone_office');
  });

  it('shows edits made in SuiteCRM itself, from its change log, in the customer\'s log', async () => {
    const a = rep1Accounts[10];
    const saved = await v8('manager', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id: a.id, attributes: { industry: 'Energy', phone_office: '0911 000 111' } } });
    expect(saved.status).toBe(201);
    const logs = await connectorAs('rep1').customerLogs(a.id);
    const edit = logs.items.find((e) => e.type === 'Edit customer' && e.actorId === seed.users.manager.id);
    expect(edit?.changes).toEqual(expect.arrayContaining([{ field: 'phone', before: a.phone, after: '0911 000 111' }]));
  });

  it('orders its own entries and SuiteCRM\'s edits by the second, also within one minute', async () => {
    const a = rep1Accounts[11];
    const crm = connectorAs('rep1');
    expect((await v8('manager', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id: a.id, attributes: { industry: 'Energy' } } })).status).toBe(201);
    const before = await crm.customer(a.id);
    await crm.editCustomer(a.id, { phone: '0977 000 333' }, before.version, { idempotencyKey: `${run}:edit-in-order` });
    // The manager's edit in SuiteCRM twenty seconds before the overlay's, in the same minute (the overlay's change
    // itself a second after its note).
    sql(env.crm, [
      `UPDATE accounts_audit SET date_created = '2026-11-02 10:00:20' WHERE parent_id = '${a.id}' AND field_name = 'industry'`,
      `UPDATE accounts_audit SET date_created = '2026-11-02 10:00:41' WHERE parent_id = '${a.id}' AND field_name = 'phone_office'`,
      `UPDATE notes SET date_entered = '2026-11-02 10:00:40' WHERE parent_id = '${a.id}' AND name LIKE '[CRM overlay]%'`,
    ].join(';\n'));
    const logs = (await crm.customerLogs(a.id)).items.filter((e) => e.at.startsWith('2026-11-02'));
    expect(logs.map((e) => [e.actorId, e.at, e.changes.map((c) => c.field)])).toEqual([
      [seed.users.rep1.id, '2026-11-02T10:00:40.000Z', ['phone']],
      [seed.users.manager.id, '2026-11-02T10:00:20.000Z', ['businessField']],
    ]);
  });

  it('shares in a batch through Security Groups, once per account even when the batch is sent again', async () => {
    const crm = connectorAs('rep1');
    const ids = rep1Accounts.slice(2, 5).map((a) => a.id);
    const targets = { departmentIds: [seed.groups.south], roleIds: [], userIds: [seed.users.csr.id] };
    const first = await crm.batchShare(ids, targets, { idempotencyKey: `${run}:job-share:0` });
    expect(first.results.every((r) => r.ok)).toBe(true);
    const again = await crm.batchShare(ids, targets, { idempotencyKey: `${run}:job-share:0` });
    expect(again.results.every((r) => r.ok)).toBe(true);
    for (const id of ids) {
      expect((await crm.customer(id)).shares).toMatchObject({ departmentIds: expect.arrayContaining([seed.groups.south]), userIds: [seed.users.csr.id] });
      const groups = await v8('admin', 'GET', `/Api/V8/module/Accounts/${id}/relationships/SecurityGroups`);
      expect(groups.body.data.filter((g: { id: string }) => g.id === seed.groups.south)).toHaveLength(1);
      expect((await overlayNotes(id)).filter((n) => n.name === '[CRM overlay] Batch Share customer')).toHaveLength(1);
    }
    const cancelled = await crm.batchCancelShare(ids, true, undefined, { idempotencyKey: `${run}:job-cancel:0` });
    expect(cancelled.results.every((r) => r.ok)).toBe(true);
    expect((await crm.customer(ids[0])).shares).toEqual({ departmentIds: [], roleIds: [], userIds: [] });
  });

  it('sets and adds labels', async () => {
    const crm = connectorAs('rep1');
    const [one, two] = rep1Accounts.slice(5, 7).map((a) => a.id);
    await crm.batchLabels([one, two], 'set', ['vip', 'Hà Nội'], { idempotencyKey: `${run}:labels:0` });
    await crm.batchLabels([one], 'add', ['hot'], { idempotencyKey: `${run}:labels:1` });
    expect((await crm.customer(one)).tags).toEqual(['vip', 'Hà Nội', 'hot']);
    expect((await crm.customer(two)).tags).toEqual(['vip', 'Hà Nội']);
  });

  it('follows as SuiteCRM favourites, without duplicates, and unfollows', async () => {
    const crm = connectorAs('rep1');
    const a = rep1Accounts[7];
    await crm.follow(a.id, { idempotencyKey: `${run}:f-1` });
    await crm.follow(a.id, { idempotencyKey: `${run}:f-2` });
    expect(await crm.follows()).toContain(a.id);
    const favourites = await v8('rep1', 'GET', `/Api/V8/module/Favorites?filter[parent_id][eq]=${a.id}&filter[assigned_user_id][eq]=${seed.users.rep1.id}&page[size]=10&page[number]=1`);
    expect(favourites.body.data).toHaveLength(1);
    await crm.unfollow(a.id);
    expect(await crm.follows()).not.toContain(a.id);
  });

  it('deletes as an administrator and restores', async () => {
    const crm = connectorAs('crmAdmin');
    const a = rep1Accounts[8];
    await crm.deleteCustomer(a.id, { idempotencyKey: `${run}:del-1` });
    await expect(crm.customer(a.id)).rejects.toMatchObject({ code: 'not_found' });
    const restored = await crm.restoreCustomer(a.id, { idempotencyKey: `${run}:restore-1` });
    expect(restored).toMatchObject({ id: a.id, name: a.name });
  });

  it('returns to the pool and is picked up by another rep, once', async () => {
    const a = rep1Accounts[9];
    const returned = await connectorAs('rep1').returnToPool(a.id, 'Moved to another city', { idempotencyKey: `${run}:back-1` });
    expect(returned.aeId).toBeNull();
    const pool = await connectorAs('rep2').pool({ pageSize: 100 });
    expect(pool.items.map((c) => c.id)).toContain(a.id);
    expect(pool.items.length).toBeGreaterThanOrEqual(pooled.length);
    const picked = await connectorAs('rep2').pickUp(a.id, { idempotencyKey: `${run}:pick-1` });
    expect(picked.aeId).toBe(seed.users.rep2.id);
    await expect(connectorAs('manager').pickUp(a.id, { idempotencyKey: `${run}:pick-2` })).rejects.toMatchObject({ code: 'taken' });
  });
});
