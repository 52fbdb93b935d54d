import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, decideAll, userContext, type Action, type RuleId } from './index';
import { makeCustomer, sampleOrg, shares } from './test-org';
import type { Customer } from '../domain/types';

const org = sampleOrg();
const NOW = new Date('2024-06-30T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

type Row = [sentence: string, userId: string, action: Action, customer: Partial<Customer>, allowed: boolean, rule: RuleId];

const ROWS: Row[] = [
  // Edit
  ['Edit: a customer who has the current user as account executive', 'rex', 'edit', { aeId: 'rex' }, true, 'account-executive'],
  ['Edit: a customer who has the current user as customer service representative', 'cal', 'edit', { csrId: 'cal' }, true, 'customer-service'],
  ["Edit: the current user's direct subordinate is the customer's account executive", 'mia', 'edit', { aeId: 'rex' }, true, 'subordinate-ae'],
  ['Edit: according to permission settings (a permission group with edit rights)', 'eve', 'edit', { id: 'c-group-edit' }, true, 'permission-group-edit'],
  ['Edit: a permission group without edit rights gives view only', 'vic', 'edit', { id: 'c-group' }, false, 'edit-required'],
  ['Edit: sharing lets others view, not edit', 'rex', 'edit', { shares: shares({ userIds: ['rex'] }) }, false, 'edit-required'],
  ['Edit: administrators see every customer but edit only through the edit rules', 'ada', 'edit', { aeId: 'rex' }, false, 'edit-required'],
  ['Edit: a member of an edit group no longer edits the customers of subordinates who are AE', 'eve', 'edit', { aeId: 'sam' }, false, 'edit-required'],
  ['Edit: a deleted customer cannot be edited', 'rex', 'edit', { aeId: 'rex', deletedAt: daysAgo(1) }, false, 'deleted'],
  // View
  ['View: any listed customer can be viewed, named by the rule that lists it', 'ria', 'view', { shares: shares({ roleIds: ['rep'] }) }, true, 'shared-role'],
  ['View: a customer outside the list cannot be viewed', 'ria', 'view', {}, false, 'not-listed'],
  // Delete
  ['Only the administrator can delete a customer (administrator)', 'ada', 'delete', { aeId: 'rex' }, true, 'administrator'],
  ['Only the administrator can delete a customer (not even its AE)', 'rex', 'delete', { aeId: 'rex' }, false, 'administrator-only'],
  ['Only the administrator can delete a customer (not a manager)', 'mia', 'delete', { aeId: 'rex' }, false, 'administrator-only'],
  ['Delete: an already deleted customer', 'ada', 'delete', { deletedAt: daysAgo(1) }, false, 'deleted'],
  // Restore
  ['Restore: administrators restore a customer deleted less than 30 days ago', 'ada', 'restore', { deletedAt: daysAgo(29) }, true, 'administrator'],
  ['Restore: exactly 30 days after deletion is still allowed', 'ada', 'restore', { deletedAt: daysAgo(30) }, true, 'administrator'],
  ['Restore: more than 30 days after deletion is too late', 'ada', 'restore', { deletedAt: daysAgo(31) }, false, 'restore-expired'],
  ['Restore: administrators only', 'rex', 'restore', { aeId: 'rex', deletedAt: daysAgo(1) }, false, 'administrator-only'],
  ['Restore: a live customer has nothing to restore', 'ada', 'restore', {}, false, 'not-deleted'],
  // Return to the pool
  ["Only the customer's account executive can return it to the pool", 'rex', 'returnToPool', { aeId: 'rex' }, true, 'account-executive'],
  ["Only the pool's administrator can return it to the pool", 'pat', 'returnToPool', { aeId: 'rex', poolId: 'pool-1' }, true, 'pool-admin'],
  ["… the administrator of another pool cannot", 'ada', 'returnToPool', { aeId: 'rex', poolId: 'pool-1' }, false, 'pool-admin-or-ae-only'],
  ['… the manager of the AE cannot, though they may edit it', 'mia', 'returnToPool', { aeId: 'rex' }, false, 'pool-admin-or-ae-only'],
  ['… the CSR cannot', 'cal', 'returnToPool', { aeId: 'rex', csrId: 'cal' }, false, 'pool-admin-or-ae-only'],
  ['Return to the pool: a customer with no AE is already in the pool', 'pat', 'returnToPool', { aeId: null }, false, 'already-in-pool'],
  ['Return to the pool: a deleted customer', 'rex', 'returnToPool', { aeId: 'rex', deletedAt: daysAgo(1) }, false, 'deleted'],
  // Share, cancel share, labels
  ['Share needs edit rights (AE may share)', 'rex', 'share', { aeId: 'rex' }, true, 'account-executive'],
  ['Share needs edit rights (a user it is shared with may not re-share)', 'ria', 'share', { shares: shares({ userIds: ['ria'] }) }, false, 'edit-required'],
  ['Cancel sharing applies to customers in the list for which you have editing permission', 'mia', 'cancelShare', { aeId: 'rex' }, true, 'subordinate-ae'],
  ['Cancel sharing is refused on customers you may only view', 'vic', 'cancelShare', { id: 'c-group' }, false, 'edit-required'],
  ['Set labels needs edit rights (edit group)', 'eve', 'setLabels', { id: 'c-group-edit' }, true, 'permission-group-edit'],
  ['Set labels is refused to the administrator without edit rights', 'ada', 'setLabels', {}, false, 'edit-required'],
  ['Add labels needs edit rights (CSR)', 'cal', 'addLabels', { csrId: 'cal' }, true, 'customer-service'],
  ['Add labels is refused to a viewer', 'vic', 'addLabels', { id: 'c-group' }, false, 'edit-required'],
  // Follow
  ['All customers on the customer list can be followed (shared)', 'ria', 'follow', { shares: shares({ departmentIds: ['sales'] }) }, true, 'listed'],
  ['All customers on the customer list can be followed (administrator)', 'ada', 'follow', {}, true, 'listed'],
  ['A customer not on the list cannot be followed', 'ria', 'follow', {}, false, 'not-listed'],
  ['A deleted customer cannot be followed', 'rex', 'follow', { aeId: 'rex', deletedAt: daysAgo(1) }, false, 'deleted'],
  // Pick up from the pool ("for other member to pick up (become the account executive of this customer)")
  ["A member of the pool's department picks up a customer without an AE", 'sam', 'pickUp', { aeId: null, poolId: 'pool-1' }, true, 'pool-member'],
  ['… a member of a sub-department of a member department too', 'rex', 'pickUp', { aeId: null, poolId: 'pool-1' }, true, 'pool-member'],
  ['… though the customer is not in their list', 'ria', 'pickUp', { aeId: null, poolId: 'pool-1', csrId: null }, true, 'pool-member'],
  ["… a department outside the pool's members may not", 'cal', 'pickUp', { aeId: null, poolId: 'pool-1' }, false, 'not-pool-member'],
  ['… not even as the customer\'s CSR', 'cal', 'pickUp', { aeId: null, poolId: 'pool-1', csrId: 'cal' }, false, 'not-pool-member'],
  ["The pool's administrator picks up from their pool", 'pat', 'pickUp', { aeId: null, poolId: 'pool-1' }, true, 'pool-admin'],
  ['Administrators pick up from any pool', 'ada', 'pickUp', { aeId: null, poolId: 'pool-1' }, true, 'administrator'],
  ['A pool without member departments is open to everyone', 'vic', 'pickUp', { aeId: null, poolId: 'pool-2' }, true, 'pool-member'],
  ['A customer outside every pool is picked up by administrators only', 'rex', 'pickUp', { aeId: null, poolId: null }, false, 'not-pool-member'],
  ['Pick up: a customer that has an AE is not in the pool (someone picked it up first)', 'rex', 'pickUp', { aeId: 'ria', poolId: 'pool-1' }, false, 'has-account-executive'],
  ['… not even for its own AE', 'rex', 'pickUp', { aeId: 'rex', poolId: 'pool-1' }, false, 'has-account-executive'],
  ['Pick up: a deleted customer', 'rex', 'pickUp', { aeId: null, poolId: 'pool-1', deletedAt: daysAgo(1) }, false, 'deleted'],
];

describe('decide', () => {
  it.each(ROWS)('%s', (_sentence, userId, action, partial, allowed, rule) => {
    const d = decide(userContext(org, userId), makeCustomer(partial), action, NOW);
    expect({ allowed: d.allowed, rule: d.rule }).toEqual({ allowed, rule });
    expect(d.reason).toMatch(/^[A-Z].*\.$/);
    if (allowed) expect(d.ask).toEqual([]);
  });

  it('An unknown user is refused every action with unknown-user', () => {
    const ctx = userContext(org, 'ghost');
    for (const action of ACTIONS) {
      expect(decide(ctx, makeCustomer({ aeId: 'ghost' }), action, NOW)).toMatchObject({ allowed: false, rule: 'unknown-user' });
    }
  });

  it('A deleted customer refuses every action except restore with deleted', () => {
    const all = decideAll(userContext(org, 'ada'), makeCustomer({ deletedAt: daysAgo(2) }), NOW);
    for (const action of ACTIONS) {
      expect(all[action].rule).toBe(action === 'restore' ? 'administrator' : 'deleted');
    }
  });

  it('decideAll answers every action exactly as decide does', () => {
    for (const userId of ['rex', 'mia', 'eve', 'ada', 'pat']) {
      const ctx = userContext(org, userId);
      const customer = makeCustomer({ aeId: 'rex', csrId: 'cal', shares: shares({ roleIds: ['manager'] }) });
      const all = decideAll(ctx, customer, NOW);
      expect(Object.keys(all).sort()).toEqual([...ACTIONS].sort());
      for (const action of ACTIONS) expect(all[action]).toEqual(decide(ctx, customer, action, NOW));
    }
  });

  it('rejects an unknown action and a malformed deletedAt with errors naming them', () => {
    const ctx = userContext(org, 'ada');
    expect(() => decide(ctx, makeCustomer(), 'fly' as Action)).toThrow(/unknown action "fly"/);
    expect(() => decide(ctx, makeCustomer({ deletedAt: 'yesterday' }), 'restore', NOW)).toThrow(/deletedAt is not an ISO time/);
  });
});
