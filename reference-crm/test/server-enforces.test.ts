// The server enforces what the extension enforces: each row is a probe that once succeeded and must now be
// refused (or answered as the rules say), with the rule's reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

const patch = (token: string, id: string, body: unknown) => crm.call(token, 'PATCH', `/customers/${id}`, body, { 'if-match': '"1"' });

describe('changing the AE or the CSR through an edit', () => {
  it.each([
    ['the CSR empties the AE (a return to the pool without a reason)', 'tok-rep2', 'c-3', { aeId: null }, 'reassign-not-allowed'],
    ['the CSR makes themselves the AE', 'tok-rep2', 'c-3', { aeId: 'u-rep2' }, 'reassign-not-allowed'],
    ['the CSR hands the customer to another CSR', 'tok-rep2', 'c-3', { csrId: 'u-key' }, 'reassign-not-allowed'],
    ['the AE hands the customer to an outsider', 'tok-rep', 'c-1', { aeId: 'u-pool' }, 'reassign-not-allowed'],
    ['the AE empties the AE by an edit', 'tok-rep', 'c-1', { aeId: null, name: 'Renamed' }, 'reassign-not-allowed'],
    ["the AE's manager empties the AE by an edit", 'tok-manager', 'c-1', { aeId: null }, 'return-to-pool-required'],
    ['a user the customer is shared with makes themselves CSR', 'tok-rep', 'c-shared', { csrId: 'u-rep' }, 'edit-required'],
  ])('refuses: %s', async (_sentence, token, id, body, rule) => {
    const before = (await crm.call('tok-admin', 'GET', `/customers/${id}`)).body;
    const reply = await patch(token, id, body);
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ code: 'forbidden', rule });
    expect(reply.body.error.message).toMatch(new RegExp(`^Refused by rule "${rule}": \\S`));
    expect((await crm.call('tok-admin', 'GET', `/customers/${id}`)).body).toEqual(before);
  });

  it.each([
    ['the AE changes the CSR', 'tok-rep', 'c-1', { csrId: 'u-rep2' }],
    ["the AE's manager moves the customer to another rep", 'tok-manager', 'c-1', { aeId: 'u-rep2' }],
    ['a permission group with edit rights makes its member the CSR', 'tok-key', 'c-key', { csrId: 'u-key' }],
    ['the CSR edits the details and sends the AE unchanged', 'tok-rep2', 'c-3', { aeId: 'u-rep', name: 'Cao' }],
  ])('allows: %s', async (_sentence, token, id, body) => {
    const reply = await patch(token, id, body);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject(body);
  });
});

describe('no existence oracle', () => {
  // u-rep2 sees c-2 (AE), c-3 (CSR) and c-shared (her department's parent); c-1 exists but is hidden from her.
  type Probe = [what: string, method: string, path: (id: string) => string, body?: (id: string) => unknown, headers?: Record<string, string>];
  const PROBES: Probe[] = [
    ['read', 'GET', (id) => `/customers/${id}`],
    ['read the log', 'GET', (id) => `/customers/${id}/logs`],
    ['edit', 'PATCH', (id) => `/customers/${id}`, () => ({ name: 'Mine now' }), { 'if-match': '"1"' }],
    ['delete', 'DELETE', (id) => `/customers/${id}`],
    ['restore', 'POST', (id) => `/customers/${id}/restore`],
    ['return to the pool', 'POST', (id) => `/customers/${id}/return-to-pool`, () => ({ reason: 'mine' })],
    ['share', 'POST', (id) => `/customers/${id}/share`, () => ({ userIds: ['u-rep2'] })],
    ['follow', 'PUT', (id) => `/follows/${id}`],
    ['unfollow', 'DELETE', (id) => `/follows/${id}`],
    ['batch share', 'POST', () => '/batch/share', (id) => ({ customerIds: [id], targets: { userIds: ['u-rep2'] } })],
    ['batch cancel share', 'POST', () => '/batch/cancel-share', (id) => ({ customerIds: [id], all: true })],
    ['batch labels', 'POST', () => '/batch/labels', (id) => ({ customerIds: [id], mode: 'add', tags: ['x'] })],
    ['batch follow', 'POST', () => '/batch/follow', (id) => ({ customerIds: [id], follow: true })],
    ['batch unfollow', 'POST', () => '/batch/follow', (id) => ({ customerIds: [id], follow: false })],
    ['batch delete', 'POST', () => '/batch/delete', (id) => ({ customerIds: [id] })],
  ];
  const answer = async (probe: Probe, id: string) => {
    const [, method, path, body, headers] = probe;
    const reply = await crm.call('tok-rep2', method, path(id), body?.(id), headers);
    return { status: reply.status, body: JSON.stringify(reply.body).replaceAll(id, 'ID') };
  };

  it.each(PROBES.map((p) => [p[0], p] as const))('%s: a hidden customer is answered exactly as a missing one', async (_what, probe) => {
    const missing = await answer(probe, 'c-nope');
    expect(missing.status === 404 || missing.body.includes('not_found')).toBe(true);
    expect(await answer(probe, 'c-1')).toEqual(missing);
    expect(await answer(probe, 'c-gone')).toEqual(missing); // deleted and never hers
  });

  it('a customer she had and that was deleted is still named as deleted (she may know of it)', async () => {
    const reply = await crm.call('tok-rep', 'PATCH', '/customers/c-gone', { name: 'x' }, { 'if-match': '"1"' });
    expect([reply.status, reply.body.error.rule]).toEqual([403, 'deleted']);
  });

  it("delete by phone matches no customer the caller may not know of, and an ambiguous answer lists only the caller's", async () => {
    const hidden = await crm.call('tok-rep2', 'POST', '/batch/delete-by-phone', { phones: ['0912 345 678', '0977 000 000', '0900 999 999'] });
    for (const result of hidden.body.results) {
      expect(result).toEqual({ phone: result.phone, ok: false, error: { code: 'not_found', message: `no customer has the number ${result.phone}` } });
    }
    // The manager sees c-1 and c-2 (his reps'), not the administrator's twins: give all four one number.
    for (const id of ['c-1', 'c-2']) {
      expect((await crm.call('tok-manager', 'PATCH', `/customers/${id}`, { phone: '0977 000 000' }, { 'if-match': '"1"' })).status).toBe(200);
    }
    const mine = await crm.call('tok-manager', 'POST', '/batch/delete-by-phone', { phones: ['0977 000 000'] });
    expect(mine.body.results[0]).toMatchObject({ ok: false, ids: ['c-1', 'c-2'], error: { code: 'ambiguous' } });
    expect(mine.body.results[0].error.message).toMatch(/^2 customers/);
    const admin = await crm.call('tok-admin', 'POST', '/batch/delete-by-phone', { phones: ['0977 000 000'] });
    expect(admin.body.results[0].ids).toEqual(['c-1', 'c-2', 'c-twin', 'c-twin2']);
  });

  it('sync removes only customers the user could see at the cursor', async () => {
    const first = await crm.call('tok-rep2', 'GET', '/sync/customers?since=0');
    expect(first.body.removed).toEqual([]);
    const cursor = (await crm.call('tok-rep2', 'GET', '/sync/customers')).body.next;
    // c-3 leaves her list (its AE hands the CSR role on); c-1, never hers, changes too.
    expect((await crm.call('tok-rep', 'PATCH', '/customers/c-3', { csrId: 'u-key' }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await crm.call('tok-rep', 'PATCH', '/customers/c-1', { name: 'Renamed' }, { 'if-match': '"1"' })).status).toBe(200);
    const later = await crm.call('tok-rep2', 'GET', `/sync/customers?since=${cursor}`);
    expect(later.body).toMatchObject({ changed: [], removed: ['c-3'] });
  });

  it('a log entry of a hidden customer is answered as a missing entry, naming no customer', async () => {
    expect((await crm.call('tok-rep', 'PATCH', '/customers/c-1', { name: 'Renamed' }, { 'if-match': '"1"' })).status).toBe(200);
    const entry = (await crm.call('tok-rep', 'GET', '/customers/c-1/logs')).body.items[0].seq;
    const hidden = await crm.call('tok-rep2', 'GET', `/logs/${entry}/changes`);
    const missing = await crm.call('tok-rep2', 'GET', '/logs/999999/changes');
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body).replace(String(entry), 'N')).toBe(JSON.stringify(missing.body).replace('999999', 'N'));
  });

  it('lists only tags of customers the user sees', async () => {
    expect((await crm.call('tok-rep2', 'GET', '/tags')).body.tags).toEqual([]);
    expect((await crm.call('tok-rep', 'GET', '/tags')).body.tags).toEqual(['vip']);
  });

  it('a pool administrator returning a customer outside their list gets an acknowledgement, not the record', async () => {
    const reply = await crm.call('tok-pool', 'POST', '/customers/c-1/return-to-pool', { reason: 'Left the region' });
    expect(reply).toMatchObject({ status: 200, body: { ok: true, id: 'c-1', version: 2 } });
    expect(Object.keys(reply.body).sort()).toEqual(['id', 'ok', 'version']);
    const own = await crm.call('tok-rep', 'POST', '/customers/c-3/return-to-pool', { reason: 'Moved' });
    expect(own.body).toMatchObject({ id: 'c-3', aeId: null, name: 'Cao Nguyen' });
  });
});
