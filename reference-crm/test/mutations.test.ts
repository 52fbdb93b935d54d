import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

const audit = async (type: string, customerId?: string) =>
  (await crm.call('tok-admin', 'GET', `/audit?type=${encodeURIComponent(type)}${customerId ? `&customerId=${customerId}` : ''}`)).body.items;

describe('delete and restore', () => {
  it('refuses a sales rep with 403 naming administrator-only and whom to ask', async () => {
    const { status, body } = await crm.call('tok-rep', 'DELETE', '/customers/c-1');
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: 'forbidden', rule: 'administrator-only', ask: [{ kind: 'administrator', userIds: ['u-admin'] }] });
    expect(body.error.message).toContain('administrator-only');
    expect(await audit('Delete customer')).toEqual([]);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).status).toBe(200);
  });

  it('lets an administrator soft-delete and restore, logging both', async () => {
    expect((await crm.call('tok-admin', 'DELETE', '/customers/c-1')).body).toEqual({ ok: true });
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).status).toBe(404);
    const [deleted] = await audit('Delete customer', 'c-1');
    expect(deleted).toMatchObject({ actorId: 'u-admin', at: crm.clock.now.toISOString() });

    const restored = await crm.call('tok-admin', 'POST', '/customers/c-1/restore');
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: 'c-1', deletedAt: null, version: 3 });
    expect(await audit('Restore customer', 'c-1')).toHaveLength(1);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).status).toBe(200);
  });

  it('refuses a restore after 30 days with restore-expired', async () => {
    crm.clock.now = new Date('2024-09-20T00:00:01.000Z');
    const { status, body } = await crm.call('tok-admin', 'POST', '/customers/c-gone/restore');
    expect(status).toBe(403);
    expect(body.error.rule).toBe('restore-expired');
  });
});

describe('edit', () => {
  const edit = (token: string, body: unknown, version?: string) =>
    crm.call(token, 'PATCH', '/customers/c-1', body, version === undefined ? {} : { 'if-match': version });

  it('requires If-Match (428)', async () => {
    const { status, body } = await edit('tok-rep', { name: 'New' });
    expect(status).toBe(428);
    expect(body.error.code).toBe('precondition_required');
  });

  it('applies the edit, bumps the version and logs "Edit customer" with change records', async () => {
    const res = await edit('tok-rep', { name: 'Anh Phat JSC', email: 'sales@anphat.vn' }, '"1"');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body).toMatchObject({ name: 'Anh Phat JSC', email: 'sales@anphat.vn', version: 2, updatedAt: crm.clock.now.toISOString() });
    const [log] = await audit('Edit customer', 'c-1');
    expect(log.changes).toEqual([
      { field: 'name', before: 'Anh Phat', after: 'Anh Phat JSC' },
      { field: 'email', before: 'c-1@example.com', after: 'sales@anphat.vn' },
    ]);
    expect((await crm.call('tok-rep', 'GET', `/logs/${log.id}/changes`)).body).toEqual({ changes: log.changes });
  });

  it('refuses a stale version with 412 and the current customer', async () => {
    await edit('tok-rep', { name: 'First' }, '"1"');
    const { status, body } = await edit('tok-rep', { name: 'Second' }, '"1"');
    expect(status).toBe(412);
    expect(body.error.code).toBe('stale');
    expect(body.error.current).toMatchObject({ id: 'c-1', name: 'First', version: 2 });
    expect(await audit('Edit customer', 'c-1')).toHaveLength(1);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ name: '  ' }, 'name'],
    [{ aeId: 'u-9' }, 'aeId'],
    [{ csrId: 42 }, 'csrId'],
    [{ version: 9 }, 'version'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await edit('tok-rep', body, '"1"');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${field}:`));
  });

  it('refuses a user without edit rights with edit-required', async () => {
    const { status, body } = await crm.call('tok-manager', 'PATCH', '/customers/c-shared', { name: 'x' }, { 'if-match': '"1"' });
    expect(status).toBe(403);
    expect(body.error.rule).toBe('edit-required');
  });
});

describe('return to the pool', () => {
  it('empties the AE, logs "Back customer" with the reason and drops it from the AE\'s list', async () => {
    const res = await crm.call('tok-rep', 'POST', '/customers/c-3/return-to-pool', { reason: 'Moved abroad' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ aeId: null, version: 2 });
    const [log] = await audit('Back customer', 'c-3');
    expect(log).toMatchObject({ details: 'Moved abroad', actorId: 'u-rep', changes: [{ field: 'aeId', before: 'u-rep', after: null }] });
    expect((await crm.call('tok-rep', 'GET', '/customers/ids')).body.ids.sort()).toEqual(['c-1', 'c-shared']);
  });

  it('needs a reason, and the pool admin or AE', async () => {
    expect((await crm.call('tok-rep', 'POST', '/customers/c-1/return-to-pool', { reason: ' ' })).status).toBe(400);
    const refused = await crm.call('tok-manager', 'POST', '/customers/c-1/return-to-pool', { reason: 'r' });
    expect(refused.body.error).toMatchObject({ code: 'forbidden', rule: 'pool-admin-or-ae-only' });
    expect((await crm.call('tok-pool', 'POST', '/customers/c-1/return-to-pool', { reason: 'r' })).status).toBe(200);
    const again = await crm.call('tok-pool', 'POST', '/customers/c-1/return-to-pool', { reason: 'r' });
    expect(again.body.error.rule).toBe('already-in-pool');
  });
});

describe('share and follow', () => {
  it('adds to the shares without clearing them and logs "Share customer"', async () => {
    const res = await crm.call('tok-admin', 'POST', '/customers/c-shared/share', { userIds: ['u-key'], roleIds: [] });
    expect(res.body.shares).toEqual({ departmentIds: ['d-sales'], roleIds: [], userIds: ['u-key'] });
    expect((await audit('Share customer', 'c-shared'))[0].details).toBe('Users: Kai Key');
    expect((await crm.call('tok-key', 'GET', '/customers/ids')).body.ids).toContain('c-shared');
  });

  it('names an unknown target', async () => {
    const res = await crm.call('tok-admin', 'POST', '/customers/c-shared/share', { departmentIds: ['d-x'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('body.departmentIds[0]: unknown department d-x');
  });

  it('follows a listed customer once and answers an unlisted one as not found', async () => {
    expect((await crm.call('tok-rep', 'PUT', '/follows/c-3')).body).toEqual({ ok: true });
    await crm.call('tok-rep', 'PUT', '/follows/c-3');
    expect(await audit('Follow customer', 'c-3')).toHaveLength(1);
    expect((await crm.call('tok-rep', 'GET', '/follows')).body.customerIds).toEqual(['c-1', 'c-3']);
    const refused = await crm.call('tok-rep', 'PUT', '/follows/c-2');
    expect([refused.status, refused.body.error.code]).toEqual([404, 'not_found']);
    await crm.call('tok-rep', 'DELETE', '/follows/c-3');
    expect(await audit('Unfollow customer', 'c-3')).toHaveLength(1);
  });
});

describe('the customer log', () => {
  it('pages newest first and filters by type and time', async () => {
    for (const name of ['A', 'B', 'C']) {
      const version = (await crm.call('tok-rep', 'GET', '/customers/c-1')).headers.get('etag')!;
      crm.clock.now = new Date(crm.clock.now.getTime() + 60_000);
      await crm.call('tok-rep', 'PATCH', '/customers/c-1', { name }, { 'if-match': version });
    }
    await crm.call('tok-rep', 'PUT', '/follows/c-3');
    const first = await crm.call('tok-rep', 'GET', '/customers/c-1/logs?limit=2');
    expect(first.body.items.map((l: { details: string; changes: { after: string }[] }) => l.changes[0].after)).toEqual(['C', 'B']);
    const rest = await crm.call('tok-rep', 'GET', `/customers/c-1/logs?limit=2&before=${first.body.nextBefore}`);
    expect(rest.body).toMatchObject({ items: [{ changes: [{ after: 'A' }] }], nextBefore: null });
    const timed = await crm.call('tok-rep', 'GET', `/customers/c-1/logs?types=Edit%20customer&from=2024-08-25T12:02:00Z`);
    expect(timed.body.items).toHaveLength(2);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1/logs?types=Nope')).status).toBe(400);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-2/logs')).status).toBe(404);
  });

  it('keeps the audit log to administrators', async () => {
    const { status, body } = await crm.call('tok-rep', 'GET', '/audit');
    expect(status).toBe(403);
    expect(body.error.rule).toBe('administrator-only');
  });
});

describe('share targets', () => {
  it('refuses a share naming nobody', async () => {
    const res = await crm.call('tok-admin', 'POST', '/batch/share', { customerIds: ['c-1'], targets: { userIds: [] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('targets: name at least one department, role or user');
  });
});
