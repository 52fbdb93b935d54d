// Checks a structurally valid seed for ids that point nowhere, duplicates and cycles.
import type { Id } from '../../lib/domain/types';
import type { SeedFile } from './types';

export function crossReferenceIssues(seed: SeedFile): string[] {
  const issues: string[] = [];
  const index = (name: string, items: { id: Id }[]) => {
    const set = new Set<Id>();
    items.forEach((item, i) => {
      if (set.has(item.id)) issues.push(`${name}[${i}].id: duplicate id ${item.id}`);
      set.add(item.id);
    });
    return set;
  };
  const departments = index('departments', seed.departments);
  const roles = index('roles', seed.roles);
  const users = index('users', seed.users);
  index('permissionGroups', seed.permissionGroups);
  const pools = index('pools', seed.pools);
  const customers = index('customers', seed.customers);

  const ref = (path: string, set: Set<Id>, kind: string, value: Id | null) => {
    if (value !== null && !set.has(value)) issues.push(`${path}: unknown ${kind} ${value}`);
  };
  const refs = (path: string, set: Set<Id>, kind: string, values: Id[]) =>
    values.forEach((value, i) => ref(`${path}[${i}]`, set, kind, value));

  seed.departments.forEach((d, i) => ref(`departments[${i}].parentId`, departments, 'department', d.parentId));
  const tokens = new Set<string>();
  seed.users.forEach((u, i) => {
    ref(`users[${i}].departmentId`, departments, 'department', u.departmentId);
    ref(`users[${i}].roleId`, roles, 'role', u.roleId);
    ref(`users[${i}].managerId`, users, 'user', u.managerId);
    if (tokens.has(u.token)) issues.push(`users[${i}].token: duplicate token`);
    tokens.add(u.token);
  });
  seed.permissionGroups.forEach((g, i) => {
    refs(`permissionGroups[${i}].roleIds`, roles, 'role', g.roleIds);
    refs(`permissionGroups[${i}].customerIds`, customers, 'customer', g.customerIds);
  });
  seed.pools.forEach((p, i) => {
    refs(`pools[${i}].adminUserIds`, users, 'user', p.adminUserIds);
    refs(`pools[${i}].memberDepartmentIds`, departments, 'department', p.memberDepartmentIds ?? []);
  });
  seed.customers.forEach((c, i) => {
    ref(`customers[${i}].aeId`, users, 'user', c.aeId);
    ref(`customers[${i}].csrId`, users, 'user', c.csrId);
    ref(`customers[${i}].poolId`, pools, 'pool', c.poolId);
    refs(`customers[${i}].shares.departmentIds`, departments, 'department', c.shares.departmentIds);
    refs(`customers[${i}].shares.roleIds`, roles, 'role', c.shares.roleIds);
    refs(`customers[${i}].shares.userIds`, users, 'user', c.shares.userIds);
  });
  (seed.follows ?? []).forEach((f, i) => {
    ref(`follows[${i}].userId`, users, 'user', f.userId);
    ref(`follows[${i}].customerId`, customers, 'customer', f.customerId);
  });
  (seed.logs ?? []).forEach((l, i) => {
    ref(`logs[${i}].customerId`, customers, 'customer', l.customerId);
    ref(`logs[${i}].actorId`, users, 'user', l.actorId);
  });
  issues.push(...cycleIssues('departments', 'parentId', seed.departments.map((d) => [d.id, d.parentId])));
  issues.push(...cycleIssues('users', 'managerId', seed.users.map((u) => [u.id, u.managerId])));
  return issues;
}

function cycleIssues(name: string, field: string, links: [Id, Id | null][]): string[] {
  const parent = new Map(links);
  const issues: string[] = [];
  links.forEach(([start], i) => {
    const seen = new Set<Id>([start]);
    for (let at = parent.get(start); at != null; at = parent.get(at)) {
      if (at === start) {
        issues.push(`${name}[${i}].${field}: cycle through ${start}`);
        break;
      }
      if (seen.has(at)) break;
      seen.add(at);
    }
  });
  return issues;
}
