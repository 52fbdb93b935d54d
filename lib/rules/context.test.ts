import { describe, expect, it } from 'vitest';
import { userContext } from './index';
import { makeOrg, makeUser, sampleOrg } from './test-org';
import type { Org } from '../domain/types';

describe('userContext', () => {
  const org = sampleOrg();

  it.each([
    ['an administrator is flagged and listed among the administrators', 'ada', { isAdmin: true, managerId: null }],
    ['a manager knows their direct subordinates only', 'mia', { subordinateIds: new Set(['rex', 'ria']), managerId: 'tom' }],
    ['a department share is matched against the department and every one above it', 'rex', {
      departmentAndAncestorIds: new Set(['sales-north', 'sales', 'hq']),
    }],
    ['permission groups of the role are split into view and edit customers', 'eve', {
      inEditGroup: true, editGroupCustomerIds: new Set(['c-group-edit']), viewGroupCustomerIds: new Set(),
    }],
    ['a view-only group does not make the user an edit-group member', 'vic', {
      inEditGroup: false, viewGroupCustomerIds: new Set(['c-group']), editGroupCustomerIds: new Set(),
    }],
    ['the pools the user administers', 'pat', { administeredPoolIds: new Set(['pool-1', 'pool-2']) }],
  ] as const)('%s', (_sentence, userId, expected) => {
    const ctx = userContext(org, userId);
    expect(ctx).toMatchObject({ known: true, userId, ...expected });
    expect(ctx.adminUserIds).toEqual(['ada']);
  });

  it('an unknown user gets a context that is not known and holds nothing', () => {
    const ctx = userContext(org, 'ghost');
    expect(ctx).toMatchObject({ known: false, isAdmin: false, roleId: null });
    expect(ctx.subordinateIds.size).toBe(0);
  });

  it('a manager id that is not in the org is dropped', () => {
    const o = makeOrg({ users: [makeUser('x', { managerId: 'gone' })], roles: [{ id: 'rep', name: 'Rep', admin: false }] });
    expect(userContext(o, 'x').managerId).toBeNull();
  });

  it('rejects a malformed org and a department cycle with errors naming them', () => {
    expect(() => userContext({ ...org, users: undefined } as unknown as Org, 'ada')).toThrow(/org.users must be an array/);
    const cyclic = makeOrg({
      users: [makeUser('x', { departmentId: 'a' })],
      departments: [{ id: 'a', name: 'A', parentId: 'b' }, { id: 'b', name: 'B', parentId: 'a' }],
    });
    expect(() => userContext(cyclic, 'x')).toThrow(/department tree has a cycle/);
  });
});
