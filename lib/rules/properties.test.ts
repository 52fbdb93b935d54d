import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, applyCancelShare, applyShare, decide, decideAll, listedIds, pickableIds, userContext } from './index';
import { orgWithCustomers, orgWithShareTargets } from './test-arbitraries';
import type { Customer, Org } from '../domain/types';

const NOW = new Date('2024-06-10T00:00:00.000Z');
const RUNS = { numRuns: 300 };

const listed = (org: Org, userId: string, c: Customer) => listedIds(userContext(org, userId), [c]).length === 1;

/** Naive re-statement of every non-share rule, straight from the org (no context, no precedence). */
function listedWithoutShares(org: Org, userId: string, c: Customer): boolean {
  if (c.deletedAt) return false;
  const user = org.users.find((u) => u.id === userId)!;
  const groups = org.permissionGroups.filter((g) => g.roleIds.includes(user.roleId));
  const inEditGroup = groups.some((g) => g.canEdit);
  const aeIsSubordinate = org.users.some((u) => u.id === c.aeId && u.managerId === userId && u.id !== userId);
  return c.aeId === userId || c.csrId === userId || (aeIsSubordinate && !inEditGroup)
    || groups.some((g) => g.customerIds.includes(c.id))
    || org.roles.some((r) => r.id === user.roleId && r.admin);
}

describe('properties over random small orgs', () => {
  it('sharing never removes access for anyone (list or edit)', () => {
    fc.assert(fc.property(orgWithShareTargets, ({ org, customers, targets }) => {
      for (const c of customers) {
        const shared = { ...c, shares: applyShare(c, targets) };
        for (const u of org.users) {
          const ctx = userContext(org, u.id);
          if (listed(org, u.id, c)) expect(listed(org, u.id, shared)).toBe(true);
          if (decide(ctx, c, 'edit', NOW).allowed) expect(decide(ctx, shared, 'edit', NOW).allowed).toBe(true);
        }
      }
    }), RUNS);
  });

  it('cancel-all leaves exactly the AE/CSR/hierarchy/group/administrator access', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      for (const c of customers) {
        const cleared = { ...c, shares: applyCancelShare(c, true) };
        for (const u of org.users) expect(listed(org, u.id, cleared)).toBe(listedWithoutShares(org, u.id, c));
      }
    }), RUNS);
  });

  it('a deleted customer is listed for no one and refuses every action but restore', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      for (const c of customers) {
        const deleted = { ...c, deletedAt: '2024-06-01T00:00:00.000Z' };
        for (const u of org.users) {
          const ctx = userContext(org, u.id);
          expect(listedIds(ctx, [deleted])).toEqual([]);
          const all = decideAll(ctx, deleted, NOW);
          for (const action of ACTIONS) if (action !== 'restore') expect(all[action].rule).toBe('deleted');
        }
      }
    }), RUNS);
  });

  it('edit allowed implies list allowed, and share/cancel/labels follow edit exactly', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      for (const c of customers) {
        for (const u of org.users) {
          const all = decideAll(userContext(org, u.id), c, NOW);
          if (all.edit.allowed) expect(all.list.allowed).toBe(true);
          for (const action of ['share', 'cancelShare', 'setLabels', 'addLabels'] as const) {
            expect(all[action].allowed).toBe(all.edit.allowed);
          }
          expect(all.follow.allowed).toBe(all.list.allowed);
          expect(all.view).toEqual(all.list);
        }
      }
    }), RUNS);
  });

  it('pickableIds agrees with decide(…, "pickUp"); a pick up makes the user the AE, who then lists and edits it', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      for (const u of org.users) {
        const ctx = userContext(org, u.id);
        expect(pickableIds(ctx, customers)).toEqual(customers.filter((c) => decide(ctx, c, 'pickUp', NOW).allowed).map((c) => c.id));
        for (const c of customers) {
          const d = decide(ctx, c, 'pickUp', NOW);
          if (!d.allowed) continue;
          expect(c.aeId).toBeNull();
          const picked = { ...c, aeId: u.id };
          expect(decide(ctx, picked, 'list', NOW)).toMatchObject({ allowed: true, rule: 'account-executive' });
          expect(decide(ctx, picked, 'edit', NOW).allowed).toBe(true);
          // Nobody picks it up a second time, the picker included.
          for (const other of org.users) expect(decide(userContext(org, other.id), picked, 'pickUp', NOW).rule).toBe('has-account-executive');
        }
      }
    }), RUNS);
  });

  it('a customer returned to the pool can be picked up by its pool\'s administrators and by administrators', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      for (const c of customers) {
        if (c.deletedAt || c.aeId === null) continue;
        const returned = { ...c, aeId: null };
        for (const u of org.users) {
          const ctx = userContext(org, u.id);
          const administers = c.poolId !== null && ctx.administeredPoolIds.has(c.poolId);
          if (administers || ctx.isAdmin) expect(decide(ctx, returned, 'pickUp', NOW).allowed).toBe(true);
        }
      }
    }), RUNS);
  });

  it('listedIds agrees with decide(…, "list") and refusals always name people of the org', () => {
    fc.assert(fc.property(orgWithCustomers, ({ org, customers }) => {
      const userIds = new Set(org.users.map((u) => u.id));
      for (const u of org.users) {
        const ctx = userContext(org, u.id);
        expect(listedIds(ctx, customers)).toEqual(customers.filter((c) => decide(ctx, c, 'list', NOW).allowed).map((c) => c.id));
        for (const c of customers) {
          for (const d of Object.values(decideAll(ctx, c, NOW))) {
            for (const a of d.ask) for (const id of a.userIds) expect(userIds.has(id)).toBe(true);
          }
        }
      }
    }), RUNS);
  });
});
