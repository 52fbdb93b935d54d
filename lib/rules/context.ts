import type { Department, Id, Org } from '../domain/types';
import type { UserContext } from './types';

const EMPTY_SET: ReadonlySet<Id> = new Set();

function requireArray(org: Org, field: keyof Org): void {
  if (!Array.isArray(org?.[field])) throw new TypeError(`userContext: org.${field} must be an array`);
}

/** The department and every department above it; throws on a cycle in the department tree. */
export function departmentAndAncestors(departments: readonly Department[], departmentId: Id): Set<Id> {
  const parentOf = new Map<Id, Id | null>();
  for (const d of departments) parentOf.set(d.id, d.parentId);
  const ids = new Set<Id>();
  let current: Id | null | undefined = departmentId;
  while (current != null) {
    if (ids.has(current)) throw new Error(`userContext: department tree has a cycle through department "${current}"`);
    ids.add(current);
    current = parentOf.get(current);
  }
  return ids;
}

/** Precomputes everything that depends on the user only, so decide() and listedIds() are Set look-ups. */
export function userContext(org: Org, userId: Id): UserContext {
  for (const field of ['users', 'departments', 'roles', 'permissionGroups', 'pools'] as const) requireArray(org, field);
  if (typeof userId !== 'string') throw new TypeError(`userContext: userId must be a string, got ${typeof userId}`);

  const adminRoleIds = new Set(org.roles.filter((r) => r.admin).map((r) => r.id));
  const adminUserIds = org.users.filter((u) => adminRoleIds.has(u.roleId)).map((u) => u.id);
  const poolAdminIds = new Map<Id, readonly Id[]>(org.pools.map((p) => [p.id, p.adminUserIds]));
  const user = org.users.find((u) => u.id === userId);

  if (!user) {
    return {
      userId, known: false, isAdmin: false, roleId: null, departmentId: null, managerId: null,
      subordinateIds: EMPTY_SET, inEditGroup: false, editGroupCustomerIds: EMPTY_SET,
      viewGroupCustomerIds: EMPTY_SET, departmentAndAncestorIds: EMPTY_SET, administeredPoolIds: EMPTY_SET,
      memberPoolIds: EMPTY_SET, poolAdminIds, adminUserIds,
    };
  }

  const editGroupCustomerIds = new Set<Id>();
  const viewGroupCustomerIds = new Set<Id>();
  let inEditGroup = false;
  for (const group of org.permissionGroups) {
    if (!group.roleIds.includes(user.roleId)) continue;
    if (group.canEdit) inEditGroup = true;
    const target = group.canEdit ? editGroupCustomerIds : viewGroupCustomerIds;
    for (const customerId of group.customerIds) target.add(customerId);
  }

  const departmentAndAncestorIds = departmentAndAncestors(org.departments, user.departmentId);
  // A pool without member departments is open to the whole organisation (see Pool.memberDepartmentIds).
  const memberPoolIds = new Set(org.pools
    .filter((p) => p.memberDepartmentIds === undefined || p.memberDepartmentIds.some((d) => departmentAndAncestorIds.has(d)))
    .map((p) => p.id));
  const managerKnown = user.managerId != null && org.users.some((u) => u.id === user.managerId);
  return {
    userId,
    known: true,
    isAdmin: adminRoleIds.has(user.roleId),
    roleId: user.roleId,
    departmentId: user.departmentId,
    managerId: managerKnown ? user.managerId : null,
    subordinateIds: new Set(org.users.filter((u) => u.managerId === userId && u.id !== userId).map((u) => u.id)),
    inEditGroup,
    editGroupCustomerIds,
    viewGroupCustomerIds,
    departmentAndAncestorIds,
    administeredPoolIds: new Set(org.pools.filter((p) => p.adminUserIds.includes(userId)).map((p) => p.id)),
    memberPoolIds,
    poolAdminIds,
    adminUserIds,
  };
}
