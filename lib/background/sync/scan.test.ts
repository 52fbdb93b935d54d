import { afterEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer } from '../../crm-client/test-data';
import { fakeCrm } from '../outbox/test-crm';
import { CrmxDb } from '../store/db';
import { readCursor } from '../store/meta';
import { scanCustomers } from './scan';

const at = (s: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + s * 1000).toISOString();
let db: CrmxDb;
afterEach(() => db.delete());

describe('scanCustomers (a CRM with no change cursor)', () => {
  it.each([
    ['distinct times', [0, 1, 2, 3, 4]],
    ['more customers of one time than a page holds', [0, 0, 0, 1, 2]],
    ['every customer of one time', [5, 5, 5, 5, 5]],
  ])('reads every customer page by page: %s', async (_label, times) => {
    db = new CrmxDb(`scan-${Math.random()}`);
    const crm = fakeCrm(times.map((s, i) => sampleCustomer({ id: `c-${i}`, updatedAt: at(s) })));
    const pages: number[] = [];
    await scanCustomers(db, new CrmClient({ baseUrl: 'http://crm', token: 't', fetch: crm.fetch }), 2, (p) => pages.push(p.written), async (x) => x);
    expect((await db.customers.toCollection().primaryKeys()).sort()).toEqual(times.map((_, i) => `c-${i}`));
    expect(await readCursor(db, 'customers')).toBe(at(Math.max(...times)));
    expect(pages.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(times.length);
  });
});
