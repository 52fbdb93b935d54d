import { describe, expect, it } from 'vitest';
import { decide, listedIds, userContext, type RuleId } from './index';
import { RULE_PRECEDENCE } from './scope';
import { makeCustomer, sampleOrg, shares } from './test-org';
import type { Customer } from '../domain/types';

const org = sampleOrg();
const DELETED = '2024-05-01T00:00:00.000Z';

type Row = [sentence: string, userId: string, customer: Partial<Customer>, expected: RuleId | null];

const LIST_SCOPE: Row[] = [
  ['A user sees customers where they are account executive (AE)', 'rex', { aeId: 'rex' }, 'account-executive'],
  ['A user sees customers where they are customer service representative (CSR)', 'cal', { csrId: 'cal' }, 'customer-service'],
  ['A user sees customers whose AE is one of their direct subordinates', 'mia', { aeId: 'rex' }, 'subordinate-ae'],
  ['… direct subordinates only: the manager of a manager does not see the AE customers two levels down', 'tom', { aeId: 'rex' }, null],
  ['… a peer of the AE does not see the customer', 'ria', { aeId: 'rex' }, null],
  ['A user sees customers of permission groups their role belongs to', 'vic', { id: 'c-group' }, 'permission-group'],
  ['… customers of a permission group the role does not belong to stay hidden', 'rex', { id: 'c-group' }, null],
  ['A user sees customers shared with them', 'rex', { shares: shares({ userIds: ['rex'] }) }, 'shared-user'],
  ['A user sees customers shared with their department', 'ria', { shares: shares({ departmentIds: ['sales-north'] }) }, 'shared-department'],
  ['Sharing with a department covers its sub-departments', 'rex', { shares: shares({ departmentIds: ['sales'] }) }, 'shared-department'],
  ['Sharing with the root department covers everyone below it', 'cal', { shares: shares({ departmentIds: ['hq'] }) }, 'shared-department'],
  ['… a share to a sub-department is not seen from the department above it', 'mia', { shares: shares({ departmentIds: ['sales-north'] }) }, null],
  ['… a share to a sibling department is not seen', 'rex', { shares: shares({ departmentIds: ['support'] }) }, null],
  ['A user sees customers shared with their role', 'ria', { shares: shares({ roleIds: ['rep'] }) }, 'shared-role'],
  ['… a share to another role is not seen', 'ria', { shares: shares({ roleIds: ['viewer'] }) }, null],
  ['Administrators list every live customer', 'ada', { aeId: 'rex' }, 'administrator'],
  ['A customer nobody relates to is listed for no ordinary user', 'rex', {}, null],
  ['A user whose role is in a permission group with edit rights edits (and lists) that group\'s customers too', 'eve', { id: 'c-group-edit' }, 'permission-group-edit'],
  ['… and then no longer sees the customers of direct subordinates for whom those subordinates are AE', 'eve', { aeId: 'sam' }, null],
  ['… unless another rule covers the customer (shared with them)', 'eve', { aeId: 'sam', shares: shares({ userIds: ['eve'] }) }, 'shared-user'],
  ['… unless another rule covers the customer (they are its CSR)', 'eve', { aeId: 'sam', csrId: 'eve' }, 'customer-service'],
  ['Deleted customers are listed for no one (not even their AE)', 'rex', { aeId: 'rex', deletedAt: DELETED }, null],
  ['Deleted customers are listed for no one (not even administrators)', 'ada', { deletedAt: DELETED }, null],
  ['A user who is not in the org lists nothing', 'ghost', { aeId: 'ghost', shares: shares({ userIds: ['ghost'] }) }, null],
];

describe('list scope', () => {
  it.each(LIST_SCOPE)('%s', (_sentence, userId, partial, expected) => {
    const customer = makeCustomer(partial);
    const ctx = userContext(org, userId);
    expect(listedIds(ctx, [customer])).toEqual(expected ? [customer.id] : []);
    const decision = decide(ctx, customer, 'list');
    expect(decision.allowed).toBe(expected !== null);
    if (expected) expect(decision.rule).toBe(expected);
  });

  it('refuses an unlisted customer with the not-listed rule, a deleted one with deleted, an unknown user with unknown-user', () => {
    expect(decide(userContext(org, 'rex'), makeCustomer(), 'list').rule).toBe('not-listed');
    expect(decide(userContext(org, 'rex'), makeCustomer({ aeId: 'rex', deletedAt: DELETED }), 'list').rule).toBe('deleted');
    expect(decide(userContext(org, 'ghost'), makeCustomer(), 'list').rule).toBe('unknown-user');
  });

  it('listedIds keeps input order and accepts any iterable', () => {
    const cs = [makeCustomer({ aeId: 'rex' }), makeCustomer(), makeCustomer({ csrId: 'rex' })];
    function* gen() { yield* cs; }
    expect(listedIds(userContext(org, 'rex'), gen())).toEqual([cs[0].id, cs[2].id]);
  });
});

const PRECEDENCE: Row[] = [
  ['AE beats a share to the same user', 'rex', { aeId: 'rex', shares: shares({ userIds: ['rex'] }) }, 'account-executive'],
  ['AE beats CSR', 'rex', { aeId: 'rex', csrId: 'rex' }, 'account-executive'],
  ['CSR beats the administrator\'s see-everything', 'ada', { csrId: 'ada' }, 'customer-service'],
  ['subordinate-AE beats a share to the role', 'mia', { aeId: 'rex', shares: shares({ roleIds: ['manager'] }) }, 'subordinate-ae'],
  ['a permission group beats a share', 'vic', { id: 'c-group', shares: shares({ userIds: ['vic'] }) }, 'permission-group'],
  ['a user share beats a role share', 'rex', { shares: shares({ userIds: ['rex'], roleIds: ['rep'] }) }, 'shared-user'],
  ['a role share beats a department share', 'rex', { shares: shares({ roleIds: ['rep'], departmentIds: ['hq'] }) }, 'shared-role'],
];

describe('precedence when several rules allow: the most direct one names the decision', () => {
  it('is documented in one place, in this order', () => {
    expect(RULE_PRECEDENCE).toEqual([
      'account-executive', 'customer-service', 'subordinate-ae', 'permission-group-edit', 'permission-group',
      'shared-user', 'shared-role', 'shared-department', 'administrator',
    ]);
  });
  it.each(PRECEDENCE)('%s', (_sentence, userId, partial, expected) => {
    expect(decide(userContext(org, userId), makeCustomer(partial), 'list').rule).toBe(expected);
  });
});
