import { afterEach, describe, expect, it } from 'vitest';
import type { CrmClient } from '../crm-client/client';
import { sampleCustomer } from '../crm-client/test-data';
import { CrmxDb } from '../store/db';
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
