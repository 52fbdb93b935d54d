import { afterEach, describe, expect, it } from 'vitest';
import type { CrmClient } from '../crm-client/client';
import { sampleCustomer } from '../crm-client/test-data';
import { CrmxDb } from './store/db';
import { createCustomerCache } from './customer-cache';

let db: CrmxDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

const customers = Array.from({ length: 30 }, (_, i) => sampleCustomer({ id: `c-${i + 1}` }));

/** A client that counts listing pages and answers every customer on one page. */
function listingClient() {
  const pages: number[] = [];
  const client = {
    async customers({ page }: { page: number }) {
      pages.push(page);
      return { items: customers, total: customers.length, page, pageSize: 1000 };
    },
  } as unknown as CrmClient;
  return { client, pages };
}

describe('the customer cache, for many customers it does not hold yet', () => {
  it('waits for a sync that is reading them instead of reading the listing beside it', async () => {
    db = new CrmxDb(`crmx-cache-${++n}`);
    const { client, pages } = listingClient();
    // A sync under way: its customers phase writes them, then settles.
    const settled = async () => {
      await db.customers.bulkPut(customers);
      return true;
    };
    const found = await createCustomerCache(db, () => new Date(), settled).customers(client, customers.map((c) => c.id), false);
    expect(pages).toEqual([]);
    expect(found.size).toBe(30);
    expect(found.get('c-7')?.id).toBe('c-7');
  });

  it('reads them from the listing when no sync is under way', async () => {
    db = new CrmxDb(`crmx-cache-${++n}`);
    const { client, pages } = listingClient();
    const found = await createCustomerCache(db, () => new Date()).customers(client, customers.map((c) => c.id), false);
    expect(pages).toEqual([1]);
    expect(found.get('c-30')?.id).toBe('c-30');
  });
});

describe('the customer cache, read again for the same many customers', () => {
  const many = Array.from({ length: 300 }, (_, i) => sampleCustomer({ id: `m-${String(i).padStart(3, '0')}`, tags: [] }));
  const ids = many.map((c) => c.id);
  const noClient = {} as CrmClient;

  it('answers a part of the last large read without reading IndexedDB, until a customer is written', async () => {
    db = new CrmxDb(`crmx-cache-${++n}`);
    const reads = { count: 0 };
    db.use({ stack: 'dbcore', name: 'count-reads', create: (down) => ({ ...down, table: (name) => {
      const table = down.table(name);
      return { ...table, getMany: (r) => (reads.count++, table.getMany(r)), query: (r) => (reads.count++, table.query(r)) };
    } }) });
    await db.customers.bulkPut(many);
    const cache = createCustomerCache(db, () => new Date());
    expect((await cache.customers(noClient, ids, false)).size).toBe(300);
    expect(reads.count).toBeGreaterThan(0);
    reads.count = 0;
    const part = ids.slice(100, 200);
    expect([...(await cache.customers(noClient, part, false)).keys()]).toEqual(part);
    expect(reads.count).toBe(0);

    await db.customers.update('m-150', { tags: ['VIP'] });
    const again = await cache.customers(noClient, part, false);
    expect(reads.count).toBeGreaterThan(0);
    expect(again.get('m-150')?.tags).toEqual(['VIP']);
  });
});
