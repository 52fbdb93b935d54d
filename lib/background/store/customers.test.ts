import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrmxDb } from './db';
import { applyCustomerDelta, customersById, customersByPhoneKey, searchCustomers } from './customers';
import { readCursor } from './meta';
import { sampleCustomer } from '../../crm-client/test-data';

let db: CrmxDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

describe('customer cache', () => {
  it('applies a delta: changed written, removed dropped with their follow, cursor stored', async () => {
    db = new CrmxDb(`crmx-customers-${++n}`);
    await applyCustomerDelta(db, [sampleCustomer({ id: 'c-1' }), sampleCustomer({ id: 'c-2' })], [], '2');
    await db.follows.put({ customerId: 'c-1' });
    const { removed } = await applyCustomerDelta(db, [sampleCustomer({ id: 'c-3' })], ['c-1', 'c-never-seen'], '5');
    expect(removed).toEqual(['c-1']);
    expect((await db.customers.toCollection().primaryKeys()).sort()).toEqual(['c-2', 'c-3']);
    expect(await db.follows.count()).toBe(0);
    expect(await readCursor(db, 'customers')).toBe('5');
  });

  it.each([
    ['name without accents', 'duc thang', ['c-2']],
    ['code (not read as a phone number)', 'kh0003', ['c-3']],
    ['email', 'MAI@', ['c-1']],
    ['phone written another way', '+84 912 345', ['c-1']],
    ['nothing', '', ['c-2', 'c-3', 'c-1']],
  ])('searches by %s', async (_name, q, ids) => {
    db = new CrmxDb(`crmx-customers-${++n}`);
    await db.customers.bulkPut([
      sampleCustomer({ id: 'c-1', name: 'Trần Thị Mai', code: 'KH0001', email: 'mai@x.vn', phone: '0912 345 678' }),
      sampleCustomer({ id: 'c-2', name: 'Hoàng Đức Thắng', code: 'KH0002', email: 'h@x.vn', phone: '0915000377' }),
      sampleCustomer({ id: 'c-3', name: 'Lê Hoàng Long', code: 'KH0003', email: 'l@x.vn', phone: '84-913-222-333' }),
      sampleCustomer({ id: 'c-4', name: 'Deleted', code: 'KH0004', deletedAt: '2024-01-01T00:00:00.000Z' }),
    ]);
    const found = await searchCustomers(db, { q });
    expect(found.items.map((c) => c.id)).toEqual(ids);
    expect(found.items[0]).not.toHaveProperty('phoneKey');
  });

  it('searches followed customers only, and finds by phone key', async () => {
    db = new CrmxDb(`crmx-customers-${++n}`);
    await db.customers.bulkPut([sampleCustomer({ id: 'c-1', phone: '0912345678' }), sampleCustomer({ id: 'c-2' })]);
    await db.follows.put({ customerId: 'c-2' });
    expect((await searchCustomers(db, { followedOnly: true })).items.map((c) => c.id)).toEqual(['c-2']);
    expect((await customersByPhoneKey(db, '0912345678')).map((c) => c.id)).toEqual(['c-1']);
  });

  it('reads many ids in a dense key range with one range read, a get each otherwise, in the order asked', async () => {
    db = new CrmxDb(`crmx-customers-${++n}`);
    let rangeReads = 0;
    db.use({ stack: 'dbcore', name: 'count-range-reads', create: (down) => ({ ...down, table: (name) => {
      const table = down.table(name);
      return { ...table, query: (req) => (req.values ? rangeReads++ : 0, table.query(req)) };
    } }) });
    const id = (i: number) => `c-${String(i).padStart(4, '0')}`;
    await db.customers.bulkPut(Array.from({ length: 1000 }, (_, i) => sampleCustomer({ id: id(i) })));
    const gets = vi.spyOn(db.customers, 'bulkGet');
    const dense = [...Array.from({ length: 300 }, (_, i) => id(299 - i)), 'c-0299-gone'];
    expect((await customersById(db, dense)).map((c) => c?.id)).toEqual([...dense.slice(0, 300), undefined]);
    expect(gets).not.toHaveBeenCalled();
    expect(rangeReads).toBe(1);
    const sparse = Array.from({ length: 250 }, (_, i) => id(i * 4));
    expect((await customersById(db, sparse)).map((c) => c?.id)).toEqual(sparse);
    expect(gets).toHaveBeenCalledTimes(1);
    // Told sparse by its keys: no row of the range was read for nothing.
    expect(rangeReads).toBe(1);
  });
});
