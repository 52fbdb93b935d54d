import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

describe('batch actions', () => {
  it('answers one result per requested id, in order, with refusals naming the rule', async () => {
    const { status, body } = await crm.call('tok-manager', 'POST', '/batch/labels', {
      customerIds: ['c-2', 'c-shared', 'c-nope', 'c-1', 'c-2'],
      mode: 'add',
      tags: ['hot', 'vip'],
    });
    expect(status).toBe(200);
    expect(body.results.map((r: { id: string; ok: boolean; error?: { code: string; rule?: string } }) => [r.id, r.ok, r.error?.code, r.error?.rule])).toEqual([
      ['c-2', true, undefined, undefined],
      ['c-shared', false, 'forbidden', 'edit-required'],
      ['c-nope', false, 'not_found', undefined],
      ['c-1', true, undefined, undefined],
      ['c-2', false, 'duplicate', undefined],
    ]);
    expect((await crm.call('tok-manager', 'GET', '/customers/c-1')).body.tags).toEqual(['vip', 'hot']);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Add%20Labels%20customer')).body.items;
    expect(logs.map((l: { customerId: string }) => l.customerId).sort()).toEqual(['c-1', 'c-2']);
    expect((await crm.call('tok-rep', 'GET', '/tags')).body.tags).toEqual(['hot', 'vip']);
  });

  it('sets labels, overwriting', async () => {
    await crm.call('tok-rep', 'POST', '/batch/labels', { customerIds: ['c-1'], mode: 'set', tags: ['new'] });
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).body.tags).toEqual(['new']);
  });

  it('cancels shares: chosen targets or all, and the shared user loses the customer', async () => {
    await crm.call('tok-admin', 'POST', '/batch/share', { customerIds: ['c-shared'], targets: { userIds: ['u-key'], roleIds: ['r-rep'] } });
    expect((await crm.call('tok-key', 'GET', '/customers/ids')).body.ids).toContain('c-shared');
    const some = await crm.call('tok-admin', 'POST', '/batch/cancel-share', { customerIds: ['c-shared'], all: false, targets: { userIds: ['u-key'] } });
    expect(some.body.results).toEqual([{ id: 'c-shared', ok: true }]);
    expect((await crm.call('tok-key', 'GET', '/customers/ids')).body.ids).not.toContain('c-shared');
    await crm.call('tok-admin', 'POST', '/batch/cancel-share', { customerIds: ['c-shared'], all: true });
    expect((await crm.call('tok-admin', 'GET', '/customers/c-shared')).body.shares).toEqual({ departmentIds: [], roleIds: [], userIds: [] });
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Cancel%20Share%20customer')).body.items;
    expect(logs.map((l: { details: string }) => l.details)).toEqual(['All', 'Users: Kai Key']);
  });

  it('deletes as administrator only, per item', async () => {
    const rep = await crm.call('tok-rep', 'POST', '/batch/delete', { customerIds: ['c-1'] });
    expect(rep.body.results[0].error.rule).toBe('administrator-only');
    const admin = await crm.call('tok-admin', 'POST', '/batch/delete', { customerIds: ['c-1', 'c-gone'] });
    expect(admin.body.results).toMatchObject([{ id: 'c-1', ok: true }, { id: 'c-gone', ok: false, error: { rule: 'deleted' } }]);
    expect((await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Delete%20customer')).body.items).toHaveLength(1);
  });

  it('follows and unfollows in batch', async () => {
    const res = await crm.call('tok-rep', 'POST', '/batch/follow', { customerIds: ['c-3', 'c-2'], follow: true });
    expect(res.body.results).toMatchObject([{ id: 'c-3', ok: true }, { id: 'c-2', ok: false, error: { code: 'not_found' } }]);
    await crm.call('tok-rep', 'POST', '/batch/follow', { customerIds: ['c-1'], follow: false });
    expect((await crm.call('tok-rep', 'GET', '/follows')).body.customerIds).toEqual(['c-3']);
  });

  it.each([
    [{ customerIds: Array.from({ length: 1001 }, (_, i) => `c-${i}`), mode: 'add', tags: ['x'] }, 'customerIds: at most 1000'],
    [{ customerIds: 'c-1', mode: 'add', tags: ['x'] }, 'customerIds: must be an array'],
    [{ customerIds: ['c-1'], mode: 'merge', tags: ['x'] }, 'mode:'],
    [{ customerIds: ['c-1'], mode: 'add', tags: [''] }, 'tags[0]:'],
  ])('refuses a bad body with 400 naming the field (%#)', async (body, message) => {
    const res = await crm.call('tok-admin', 'POST', '/batch/labels', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});

describe('delete by phone', () => {
  it('matches however the number is written and says why each row was not deleted', async () => {
    const phones = ['0912 345 678', '+84912345678', '0903 000 002', '0977000000', '0900 999 999', 'n/a', '84-903-000-003'];
    const rep = await crm.call('tok-rep', 'POST', '/batch/delete-by-phone', { phones: ['912345678'] });
    expect(rep.body.results).toMatchObject([{ phone: '912345678', ok: false, id: 'c-1', error: { code: 'forbidden', rule: 'administrator-only' } }]);

    const { body } = await crm.call('tok-admin', 'POST', '/batch/delete-by-phone', { phones });
    expect(body.results.map((r: { phone: string; ok: boolean; id?: string; error?: { code: string } }) => [r.phone, r.ok, r.id ?? r.error?.code])).toEqual([
      ['0912 345 678', true, 'c-1'],
      ['+84912345678', false, 'duplicate_in_request'],
      ['0903 000 002', true, 'c-2'],
      ['0977000000', false, 'ambiguous'],
      ['0900 999 999', false, 'not_found'],
      ['n/a', false, 'invalid'],
      ['84-903-000-003', true, 'c-3'],
    ]);
    expect(body.results[3].ids).toEqual(['c-twin', 'c-twin2']);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Delete%20customer')).body.items;
    expect(logs.map((l: { customerId: string }) => l.customerId).sort()).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it('does not find an already deleted customer', async () => {
    const { body } = await crm.call('tok-admin', 'POST', '/batch/delete-by-phone', { phones: ['0966 000 000'] });
    expect(body.results[0].error.code).toBe('not_found');
  });
});
