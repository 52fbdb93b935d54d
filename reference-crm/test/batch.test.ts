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
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Delete%20customer')).body.items;
    expect(logs.map((l: { customerId: string; details: string }) => [l.customerId, l.details])).toEqual([['c-1', 'Batch delete']]);
    expect((await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Delete%20customer')).body.items).toHaveLength(0);
  });

  it.each([
    ['all, on a customer shared with no one', { all: true }],
    ['chosen targets it was not shared with', { all: false, targets: { userIds: ['u-key'] } }],
  ])('cancelling shares that change nothing (%s) logs nothing and keeps the version', async (_label, body) => {
    const before = (await crm.call('tok-admin', 'GET', '/customers/c-twin')).body;
    const res = await crm.call('tok-admin', 'POST', '/batch/cancel-share', { customerIds: ['c-twin', 'c-shared'], ...body });
    expect(res.body.results).toEqual([{ id: 'c-twin', ok: true }, { id: 'c-shared', ok: true }]);
    expect((await crm.call('tok-admin', 'GET', '/customers/c-twin')).body.version).toBe(before.version);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Cancel%20Share%20customer')).body.items;
    expect(logs.map((l: { customerId: string }) => l.customerId)).toEqual(body.all ? ['c-shared'] : []);
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
    expect(body.results[3].error.matches).toEqual([{ id: 'c-twin', name: 'Twin One', code: 'C-TWIN' }, { id: 'c-twin2', name: 'Twin Two', code: 'C-TWIN2' }]);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Delete%20customer')).body.items;
    expect(logs.map((l: { customerId: string }) => l.customerId).sort()).toEqual(['c-1', 'c-2', 'c-3']);
  });

  type Row = { id: string; phone: string; ok: boolean; error?: { code: string; matches?: { id: string; name: string }[] } };
  const rows = async (token: string, body: unknown) => {
    const res = await crm.call(token, 'POST', '/batch/delete-by-phone', body);
    return { status: res.status, results: res.body.results as Row[], body: res.body };
  };

  it('rows: deletes each confirmed customer while it still has the number, logging file, row and phone', async () => {
    const { version } = (await crm.call('tok-admin', 'GET', '/customers/c-3')).body;
    expect((await crm.call('tok-rep', 'PATCH', '/customers/c-3', { phone: '0903 999 999' }, { 'if-match': `"${version}"` })).status).toBe(200);
    const { results } = await rows('tok-admin', { file: 'xoa khach.xlsx', rows: [
      { id: 'c-1', row: 2, phone: '+84 912 345 678' },
      { id: 'c-3', row: 3, phone: '0903 000 003' },
      { id: 'c-gone', row: 4, phone: '0966 000 000' },
      { id: 'c-1', row: 5, phone: '0912345678' },
      { id: 'c-2', row: 6, phone: 'n/a' },
    ] });
    expect(results.map((r) => [r.id, r.ok, r.error?.code])).toEqual([
      ['c-1', true, undefined], ['c-3', false, 'not_found'], ['c-gone', false, 'not_found'], ['c-1', false, 'duplicate'], ['c-2', false, 'invalid'],
    ]);
    const logs = (await crm.call('tok-admin', 'GET', '/audit?type=Delete%20customer')).body.items;
    expect(logs.map((l: { customerId: string; details: string }) => [l.customerId, l.details])).toEqual([
      ['c-1', 'File "xoa khach.xlsx", row 2, phone +84 912 345 678'],
    ]);
  });

  it('rows: a number the CRM knows on several customers is ambiguous, naming them, unless the user chose the customer', async () => {
    const ambiguous = await rows('tok-admin', { file: 'f.csv', rows: [{ id: 'c-twin', row: 2, phone: '0977000000' }] });
    expect(ambiguous.results).toMatchObject([{ id: 'c-twin', ok: false, error: { code: 'ambiguous', matches: [{ id: 'c-twin', name: 'Twin One' }, { id: 'c-twin2', name: 'Twin Two' }] } }]);
    expect((await crm.call('tok-admin', 'GET', '/customers/ids')).body.ids).toEqual(expect.arrayContaining(['c-twin', 'c-twin2']));

    const chosen = await rows('tok-admin', { file: 'f.csv', rows: [{ id: 'c-twin2', row: 2, phone: '0977000000', chosen: true }] });
    expect(chosen.results).toEqual([{ id: 'c-twin2', phone: '0977000000', ok: true }]);
    const ids = (await crm.call('tok-admin', 'GET', '/customers/ids')).body.ids;
    expect(ids).toContain('c-twin');
    expect(ids).not.toContain('c-twin2');
  });

  it('rows: refuses a non-administrator per row, and malformed rows with 400', async () => {
    const rep = await rows('tok-rep', { rows: [{ id: 'c-1', row: 2, phone: '0912 345 678' }] });
    expect(rep.results).toMatchObject([{ id: 'c-1', ok: false, error: { code: 'forbidden' } }]);
    for (const [body, message] of [
      [{ rows: [{ id: 'c-1', row: 0, phone: '1' }] }, 'rows[0].row'],
      [{ rows: [{ id: 'c-1', row: 2, phone: '1', extra: 1 }] }, 'rows[0].extra: unknown field'],
      [{ rows: [{ id: 'c-1', row: 2, phone: '1', chosen: 'yes' }] }, 'rows[0].chosen'],
      [{ rows: [], phones: [] }, 'phones: not with rows'],
      [{ phones: ['1'], file: 'x' }, 'file: only with rows'],
    ] as const) {
      const res = await crm.call('tok-admin', 'POST', '/batch/delete-by-phone', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });

  it('does not find an already deleted customer', async () => {
    const { body } = await crm.call('tok-admin', 'POST', '/batch/delete-by-phone', { phones: ['0966 000 000'] });
    expect(body.results[0].error.code).toBe('not_found');
  });
});
