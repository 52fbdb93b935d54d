// Batch restore (the undo of a batch delete) and batch reassignment of the AE or the CSR: the rules are
// enforced per customer, exactly as for one customer, and a replay with the same key changes nothing more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

type Result = { id: string; ok: boolean; error?: { code: string; rule?: string } };
const summary = (results: Result[]) => results.map((r) => [r.id, r.ok, r.error?.code, r.error?.rule]);
const DAY = 24 * 60 * 60 * 1000;

describe('POST /batch/restore', () => {
  it('restores deleted customers within the restore window, administrators only, per item', async () => {
    await crm.call('tok-admin', 'POST', '/batch/delete', { customerIds: ['c-1', 'c-3'] });
    const rep = await crm.call('tok-rep', 'POST', '/batch/restore', { customerIds: ['c-1'] });
    expect(summary(rep.body.results)).toEqual([['c-1', false, 'forbidden', 'administrator-only']]);
    const admin = await crm.call('tok-admin', 'POST', '/batch/restore', { customerIds: ['c-1', 'c-3', 'c-2'] }, { 'Idempotency-Key': 'r-1' });
    expect(summary(admin.body.results)).toEqual([
      ['c-1', true, undefined, undefined], ['c-3', true, undefined, undefined], ['c-2', false, 'forbidden', 'not-deleted'],
    ]);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).status).toBe(200);
    const replay = await crm.call('tok-admin', 'POST', '/batch/restore', { customerIds: ['c-1', 'c-3', 'c-2'] }, { 'Idempotency-Key': 'r-1' });
    expect(replay.body).toEqual(admin.body);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Restore%20customer')).body.items;
    expect(logs.map((l: { customerId: string }) => l.customerId).sort()).toEqual(['c-1', 'c-3']);
  });

  it('refuses a customer deleted more than 30 days ago: restore-expired', async () => {
    crm.clock.now = new Date(NOW.getTime() + 31 * DAY);
    const answer = await crm.call('tok-admin', 'POST', '/batch/restore', { customerIds: ['c-gone'] });
    expect(summary(answer.body.results)).toEqual([['c-gone', false, 'forbidden', 'restore-expired']]);
  });
});

describe('POST /batch/reassign', () => {
  it('lets the AE change the CSR only, the AE\'s manager both, and logs before and after', async () => {
    const rep = await crm.call('tok-rep', 'POST', '/batch/reassign', { customerIds: ['c-1', 'c-3'], field: 'aeId', to: 'u-rep2' });
    expect(summary(rep.body.results)).toEqual([
      ['c-1', false, 'forbidden', 'reassign-not-allowed'], ['c-3', false, 'forbidden', 'reassign-not-allowed'],
    ]);
    const csr = await crm.call('tok-rep', 'POST', '/batch/reassign', { customerIds: ['c-1', 'c-2'], field: 'csrId', to: 'u-rep2' });
    // c-2 is not his: he may not even know it exists.
    expect(summary(csr.body.results)).toEqual([['c-1', true, undefined, undefined], ['c-2', false, 'not_found', undefined]]);
    const manager = await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-1', 'c-3', 'c-shared'], field: 'aeId', to: 'u-rep2' });
    expect(summary(manager.body.results)).toEqual([
      ['c-1', true, undefined, undefined], ['c-3', true, undefined, undefined], ['c-shared', false, 'forbidden', 'edit-required'],
    ]);
    expect((await crm.call('tok-admin', 'GET', '/customers/c-1')).body).toMatchObject({ aeId: 'u-rep2', csrId: 'u-rep2' });
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Edit%20customer')).body.items as { id: string; customerId: string }[];
    expect(logs.map((l) => l.customerId).sort()).toEqual(['c-1', 'c-1', 'c-3']);
    const aeLog = logs.find((l) => l.customerId === 'c-3')!;
    expect((await crm.call('tok-admin', 'GET', `/logs/${aeLog.id}/changes`)).body.changes).toEqual([{ field: 'aeId', before: 'u-rep', after: 'u-rep2' }]);
  });

  it('never empties the AE, and refuses unknown people and fields', async () => {
    const empty = await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-1'], field: 'aeId', to: null });
    expect(summary(empty.body.results)).toEqual([['c-1', false, 'forbidden', 'return-to-pool-required']]);
    expect((await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-1'], field: 'aeId', to: 'u-nobody' })).status).toBe(400);
    expect((await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-1'], field: 'name', to: 'u-rep' })).status).toBe(400);
  });

  it('with `from`, leaves a customer someone changed since as it is (changed_since), and is replayed once', async () => {
    await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-1', 'c-3'], field: 'aeId', to: 'u-rep2' });
    // Someone moves c-3 on meanwhile.
    await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-3'], field: 'aeId', to: 'u-rep' });
    await crm.call('tok-manager', 'POST', '/batch/reassign', { customerIds: ['c-3'], field: 'aeId', to: 'u-rep2' });
    await crm.call('tok-rep2', 'POST', '/batch/reassign', { customerIds: ['c-3'], field: 'csrId', to: null });
    const body = { customerIds: ['c-1', 'c-3'], field: 'aeId', to: 'u-rep', from: 'u-rep2' };
    const undo = await crm.call('tok-manager', 'POST', '/batch/reassign', body, { 'Idempotency-Key': 'u-1' });
    expect(summary(undo.body.results)).toEqual([['c-1', true, undefined, undefined], ['c-3', true, undefined, undefined]]);
    const conflict = await crm.call('tok-manager', 'POST', '/batch/reassign', { ...body, customerIds: ['c-2'], from: 'u-rep' });
    expect(summary(conflict.body.results)).toEqual([['c-2', false, 'changed_since', undefined]]);
    expect((await crm.call('tok-admin', 'GET', '/customers/c-2')).body.aeId).toBe('u-rep2');
    const before = (await crm.call('tok-admin', 'GET', '/audit?type=Edit%20customer')).body.items.length;
    const replay = await crm.call('tok-manager', 'POST', '/batch/reassign', body, { 'Idempotency-Key': 'u-1' });
    expect(replay.body).toEqual(undo.body);
    expect((await crm.call('tok-admin', 'GET', '/audit?type=Edit%20customer')).body.items.length).toBe(before);
  });
});
