// lib/rules is the one definition of who lists what; the database filters with list-scope.ts. Over random orgs,
// customers and users, the database's list (and the pool's pickable customers) equals the rules module's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer, Org } from '../../lib/domain/types';
import { listedIds, pickableIds, userContext } from '../../lib/rules';
import { orgWithCustomers } from '../../lib/rules/test-arbitraries';
import { prepareDatabase } from '../prepare';
import { TEST_ENGINE, tempDbPath } from '../test/support';
import type { SeedFile } from '../seed/format';

function toSeed(org: Org, customers: Customer[]): SeedFile {
  // The CRM refuses manager cycles (a seed error); keep only managers listed before their subordinate.
  const index = new Map(org.users.map((u, i) => [u.id, i]));
  return {
    version: 1,
    departments: org.departments,
    roles: org.roles,
    users: org.users.map((u, i) => ({ ...u, managerId: u.managerId && index.get(u.managerId)! < i ? u.managerId : null, token: `tok-${u.id}` })),
    permissionGroups: org.permissionGroups,
    pools: org.pools,
    customers,
  };
}

const sorted = (ids: string[]) => [...ids].sort();

describe(`the database (${TEST_ENGINE}) lists what lib/rules lists`, () => {
  it('for random orgs, customers and users: the list and the pool', async () => {
    // One database, emptied and seeded again for each org (reset).
    const dbPath = tempDbPath();
    await fc.assert(
      fc.asyncProperty(orgWithCustomers, async ({ org: anyOrg, customers }) => {
        const seed = toSeed(anyOrg, customers);
        const { repo } = await prepareDatabase(dbPath, seed, true, new Date('2024-08-25T00:00:00.000Z'));
        try {
          const org = await repo.org();
          const stored = [...(await repo.customers(customers.map((c) => c.id))).values()];
          for (const user of [...org.users, { id: 'u-nobody' }]) {
            const ctx = userContext(org, user.id);
            expect(sorted(await repo.listIds(ctx, { sort: 'id' }))).toEqual(sorted(listedIds(ctx, stored)));
            // The pool route's page (poolPage), all of it in one page: its items and its total.
            const pool = await repo.poolPage(ctx, '', 0, stored.length + 1);
            expect(sorted(pool.items.map((p) => p.customer.id))).toEqual(sorted(pickableIds(ctx, stored)));
            expect(pool.total).toBe(pool.items.length);
          }
        } finally {
          await repo.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
