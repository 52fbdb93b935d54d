import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmxDb, SCHEMA_V1, SCHEMA_V2 } from './db';
import { sampleCustomer, sampleOrg } from '../../crm-client/test-data';

const NAME = 'crmx-migration-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema v1 → v2', () => {
  it('keeps every row and adds the new index keys and org tables', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('customers').bulkPut([
      sampleCustomer({ id: 'c-1', phone: '+84 912 345 678', name: 'Hoàng Đức Thắng' }),
      sampleCustomer({ id: 'c-2', phone: '0913.222.333' }),
    ]);
    await v1.table('org').put({ key: 'current', org: sampleOrg(), fetchedAt: '2024-05-01T00:00:00.000Z' });
    await v1.table('outbox').put({ id: 'o-1', idempotencyKey: 'k', method: 'PUT', path: '/follows/c-1', body: null, status: 'pending', createdAt: 'x', attempts: 0 });
    await v1.table('meta').put({ key: 'token', value: 'secret' });
    await v1.table('logs').put({ id: '7', seq: 7, customerId: 'c-1', type: 'Edit customer', at: '2024-01-01T00:00:00.000Z', actorId: null, details: '', changes: [] });
    v1.close();

    const db = new CrmxDb(NAME);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.customers.where('phoneKey').equals('0912345678').primaryKeys()).toEqual(['c-1']);
    expect(await db.customers.where('phoneKey').equals('0913222333').primaryKeys()).toEqual(['c-2']);
    expect(await db.customers.where('nameKey').startsWith('hoang duc').primaryKeys()).toEqual(['c-1']);
    expect(await db.customers.where('shareKeys').equals('d:d-sales').count()).toBe(2);
    expect(await db.users.count()).toBe(sampleOrg().users.length);
    expect(await db.outbox.get('o-1')).toMatchObject({ idempotencyKey: 'k', op: { op: 'follow', customerId: 'c-1' } });
    expect((await db.meta.get('token'))?.value).toBe('secret');
    expect(await db.logs.where('[customerId+type+at]').equals(['c-1', 'Edit customer', '2024-01-01T00:00:00.000Z']).count()).toBe(1);
    db.close();
  });

  it('gives customers written after the upgrade their keys too, whoever writes them', async () => {
    const db = new CrmxDb(NAME);
    await db.customers.put(sampleCustomer({ id: 'c-9', phone: '84-913-222-333' }));
    expect((await db.customers.get('c-9'))?.phoneKey).toBe('0913222333');
    db.close();
  });
});

describe('schema v2 → v3: operations, not requests', () => {
  const TARGETS = { departmentIds: [], roleIds: ['r-1'], userIds: [] };

  /** A database as version 2 of the extension left it, with actions and a job under way. */
  async function writtenByV2(): Promise<void> {
    const v2 = new Dexie(NAME);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const row = { status: 'pending', createdAt: '2026-12-01T00:00:00.000Z', attempts: 1, actor: 'http://crm|u-ae' };
    await v2.table('outbox').bulkPut([
      { ...row, id: 'ob-1', idempotencyKey: 'k1', method: 'PATCH', path: '/customers/c-1', body: { phone: '0912' }, ifMatch: '7', customerId: 'c-1', action: 'edit' },
      { ...row, id: 'ob-2', idempotencyKey: 'k2', method: 'POST', path: '/customers/c-2/share', body: TARGETS, customerId: 'c-2', action: 'share' },
      { ...row, id: 'ob-3', idempotencyKey: 'k3', method: 'POST', path: '/customers/c-3/return-to-pool', body: { reason: 'Đã chuyển' }, customerId: 'c-3', action: 'returnToPool' },
      { ...row, id: 'ob-4', idempotencyKey: 'k4', method: 'DELETE', path: '/follows/c-4', body: undefined, customerId: 'c-4', action: 'unfollow' },
    ]);
    await v2.table('jobs').bulkPut([
      { id: 'job-1', kind: 'cancelShare', status: 'running', createdAt: 'a', updatedAt: 'a', state: { chunkSize: 100, nextChunk: 1, total: 3, done: 1, succeeded: 1, errors: [] } },
      { id: 'job-2', kind: 'setLabels', status: 'done', createdAt: 'b', updatedAt: 'b', state: { ops: [{ path: '/batch/labels', body: { mode: 'set', tags: ['vip'] }, ids: ['c-9'] }], chunkSize: 100, nextChunk: 1, total: 1, done: 1, succeeded: 1, errors: [] } },
      { id: 'job-3', kind: 'share', status: 'queued', createdAt: 'c', updatedAt: 'c', state: { chunkSize: 100, nextChunk: 0, total: 1, done: 0, succeeded: 0, errors: [] } },
    ]);
    await v2.table('meta').bulkPut([
      { key: 'job-plan:job-1', value: { ops: [{ path: '/batch/cancel-share', body: { all: false, targets: TARGETS }, ids: [] }], input: ['c-1', 'c-2', 'c-3'] } },
      { key: 'job-plan:job-1:0', value: { ids: ['c-1'], refused: [] } },
      { key: 'job-plan:job-3', value: { ops: [{ path: '/batch/archive', body: {}, ids: ['c-1'] }] } },
    ]);
    v2.close();
  }

  it('turns stored requests into the operations they were, keeping keys, attempts and who made them', async () => {
    await writtenByV2();
    const db = new CrmxDb(NAME);
    await db.open();
    const rows = await db.outbox.orderBy('id').toArray();
    expect(rows.map((r) => r.op)).toEqual([
      { op: 'edit', customerId: 'c-1', version: 7, changes: { phone: '0912' } },
      { op: 'share', customerId: 'c-2', targets: TARGETS },
      { op: 'returnToPool', customerId: 'c-3', reason: 'Đã chuyển' },
      { op: 'unfollow', customerId: 'c-4' },
    ]);
    expect(rows[0]).toEqual({
      id: 'ob-1', idempotencyKey: 'k1', op: rows[0].op, status: 'pending', createdAt: '2026-12-01T00:00:00.000Z', attempts: 1, actor: 'http://crm|u-ae',
    });
    db.close();
  });

  it('turns job plans into operations, keeps a running job running, and stops a job whose step it cannot read', async () => {
    await writtenByV2();
    const db = new CrmxDb(NAME);
    await db.open();
    expect((await db.meta.get('job-plan:job-1'))?.value).toEqual({
      ops: [{ operation: { op: 'cancelShare', all: false, targets: TARGETS }, ids: [] }], input: ['c-1', 'c-2', 'c-3'],
    });
    expect((await db.meta.get('job-plan:job-1:0'))?.value).toEqual({ ids: ['c-1'], refused: [] });
    expect((await db.jobs.get('job-2'))?.state).toMatchObject({ ops: [{ operation: { op: 'labels', mode: 'set', tags: ['vip'] }, ids: ['c-9'] }] });
    expect((await db.jobs.get('job-1'))?.status).toBe('running');
    expect((await db.jobs.get('job-3'))?.status).toBe('failed');
    db.close();
  });
});
