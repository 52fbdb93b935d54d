import { afterEach, describe, expect, it } from 'vitest';
import type { CrmConnector, CustomerQuery } from '../../crm-client/connector';
import { sampleCustomer } from '../../crm-client/test-data';
import type { Customer } from '../../domain/types';
import { CrmxDb } from '../store/db';
import { scanCustomers } from './scan';

const at = (s: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + s * 1000).toISOString();
let db: CrmxDb;
afterEach(() => db.delete());

/** A CRM whose list is read by modification time and id only; `during` runs after each page it serves. */
function listOnly(customers: Customer[], during: (page: number) => void = () => undefined) {
  const rows = new Map(customers.map((c) => [c.id, c]));
  let clock = 1000;
  let served = 0;
  const crm = {
    rows,
    tick: () => at(++clock),
    capabilities: { maxBatch: 1, idempotencyKeys: false, conditionalUpdates: false, changeCursor: false, restore: false, serverRules: false },
    async customers(q: CustomerQuery = {}) {
      const items = [...rows.values()]
        .filter((c) => (!q.updatedSince || c.updatedAt >= q.updatedSince) && (!q.afterId || c.id > q.afterId))
        .sort((a, b) => a.id.localeCompare(b.id)).slice(0, q.pageSize);
      const answer = { items, total: items.length, page: 1, pageSize: q.pageSize ?? 50, serverTime: at(clock) };
      during(++served);
      return answer;
    },
    async customerIds() {
      return { ids: [...rows.keys()], total: rows.size };
    },
  };
  return crm;
}

const scan = (crm: ReturnType<typeof listOnly>) =>
  scanCustomers(db, crm as unknown as CrmConnector, 2, () => undefined, async (x) => x);

describe('scanCustomers (a CRM with no change cursor)', () => {
  it.each([
    ['distinct times', [0, 1, 2, 3, 4]],
    ['more customers of one time than a page holds', [0, 0, 0, 1, 2]],
    ['every customer of one time', [5, 5, 5, 5, 5]],
  ])('reads every customer: %s', async (_label, times) => {
    db = new CrmxDb(`scan-${Math.random()}`);
    await scan(listOnly(times.map((s, i) => sampleCustomer({ id: `c-${i}`, updatedAt: at(s) }))));
    expect((await db.customers.toCollection().primaryKeys()).sort()).toEqual(times.map((_, i) => `c-${i}`));
  });

  it('misses no customer when others change while it reads, and reads the changed ones next time', async () => {
    db = new CrmxDb(`scan-${Math.random()}`);
    const crm = listOnly(Array.from({ length: 7 }, (_, i) => sampleCustomer({ id: `c-${i}`, name: `v1 ${i}`, updatedAt: at(i) })), (page) => {
      // After the first page: the first customer read changes (its time moves past everyone's).
      if (page === 1) crm.rows.set('c-0', { ...crm.rows.get('c-0')!, name: 'v2 0', updatedAt: crm.tick() });
    });
    await scan(crm);
    expect((await db.customers.toCollection().primaryKeys()).sort()).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6']);
    expect((await db.customers.get('c-0'))?.name).toBe('v1 0');
    await scan(crm);
    expect((await db.customers.get('c-0'))?.name).toBe('v2 0');
  });

  it('drops what the CRM shows but our rules do not list, and what it no longer shows', async () => {
    db = new CrmxDb(`scan-${Math.random()}`);
    const crm = listOnly([0, 1, 2].map((i) => sampleCustomer({ id: `c-${i}`, updatedAt: at(i) })));
    const notC2 = (cs: Customer[]) => cs.filter((c) => c.id !== 'c-2');
    await scanCustomers(db, crm as unknown as CrmConnector, 2, () => undefined, async (x) => x, notC2);
    expect(await db.customers.toCollection().primaryKeys()).toEqual(['c-0', 'c-1']);
    crm.rows.delete('c-1');
    await scanCustomers(db, crm as unknown as CrmConnector, 2, () => undefined, async (x) => x, notC2);
    expect(await db.customers.toCollection().primaryKeys()).toEqual(['c-0']);
  });

  it('resumes after the last page written when the worker died mid-scan', async () => {
    db = new CrmxDb(`scan-${Math.random()}`);
    const crm = listOnly(Array.from({ length: 6 }, (_, i) => sampleCustomer({ id: `c-${i}`, updatedAt: at(i) })), (page) => {
      if (page === 2) throw new Error('the worker died');
    });
    await expect(scan(crm)).rejects.toThrow('the worker died');
    expect(await db.customers.toCollection().primaryKeys()).toEqual(['c-0', 'c-1']);
    const asked: CustomerQuery[] = [];
    const customers = crm.customers.bind(crm);
    crm.customers = async (q = {}) => (asked.push(q), customers(q));
    await scan(crm);
    expect(asked[0].afterId).toBe('c-1');
    expect((await db.customers.toCollection().primaryKeys()).sort()).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
  });
});
