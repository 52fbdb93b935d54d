import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmxDb, SCHEMA_V1 } from './db';
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
    expect(db.verno).toBe(2);
    expect(await db.customers.where('phoneKey').equals('0912345678').primaryKeys()).toEqual(['c-1']);
    expect(await db.customers.where('phoneKey').equals('0913222333').primaryKeys()).toEqual(['c-2']);
    expect(await db.customers.where('nameKey').startsWith('hoang duc').primaryKeys()).toEqual(['c-1']);
    expect(await db.customers.where('shareKeys').equals('d:d-sales').count()).toBe(2);
    expect(await db.users.count()).toBe(sampleOrg().users.length);
    expect((await db.outbox.get('o-1'))?.idempotencyKey).toBe('k');
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
