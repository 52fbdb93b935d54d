// fast-check generators of small random orgs with customers, for property tests.
import fc from 'fast-check';
import type { Customer, Org, ShareTargets } from '../domain/types';
import { makeCustomer, makeUser } from './test-org';

export interface OrgWithCustomers {
  org: Org;
  customers: Customer[];
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length];
const picks = <T>(items: readonly T[], ns: readonly number[]): T[] => [...new Set(ns.map((n) => pick(items, n)))];
const indexes = (max: number) => fc.array(fc.nat(), { maxLength: max });

const rawShares = fc.record({ departments: indexes(3), roles: indexes(2), users: indexes(3) });

function buildShares(org: Org, raw: { departments: number[]; roles: number[]; users: number[] }): ShareTargets {
  return {
    departmentIds: picks(org.departments.map((d) => d.id), raw.departments),
    roleIds: picks(org.roles.map((r) => r.id), raw.roles),
    userIds: picks(org.users.map((u) => u.id), raw.users),
  };
}

const rawOrg = fc.record({
  departmentParents: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  adminRoles: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  users: fc.array(fc.record({ department: fc.nat(), role: fc.nat(), manager: fc.option(fc.nat()) }), { minLength: 1, maxLength: 6 }),
  groups: fc.array(fc.record({ roles: indexes(2), canEdit: fc.boolean(), customers: indexes(4) }), { maxLength: 3 }),
  pools: fc.array(fc.record({ admins: indexes(2), members: fc.option(indexes(2)) }), { maxLength: 2 }),
  customers: fc.array(
    fc.record({ ae: fc.option(fc.nat()), csr: fc.option(fc.nat()), pool: fc.option(fc.nat()), shares: rawShares, deleted: fc.boolean() }),
    { minLength: 1, maxLength: 6 },
  ),
});

/** A random org of up to 6 users, 4 departments (a tree), 3 roles, 3 permission groups, 2 pools, and up to 6 customers. */
export const orgWithCustomers: fc.Arbitrary<OrgWithCustomers> = rawOrg.map((raw) => {
  const departments = raw.departmentParents.map((p, i) => ({ id: `d${i}`, name: `D${i}`, parentId: i === 0 ? null : `d${p % i}` }));
  const roles = raw.adminRoles.map((admin, i) => ({ id: `r${i}`, name: `R${i}`, admin }));
  const userIds = raw.users.map((_, i) => `u${i}`);
  const customerIds = raw.customers.map((_, i) => `c${i}`);
  const users = raw.users.map((u, i) => {
    const manager = u.manager === null ? null : pick(userIds, u.manager);
    return makeUser(userIds[i], {
      departmentId: pick(departments, u.department).id,
      roleId: pick(roles, u.role).id,
      managerId: manager === userIds[i] ? null : manager,
    });
  });
  const permissionGroups = raw.groups.map((g, i) => ({
    id: `g${i}`, name: `G${i}`, canEdit: g.canEdit,
    roleIds: picks(roles.map((r) => r.id), g.roles), customerIds: picks(customerIds, g.customers),
  }));
  // members null: the pool is open to everyone (no memberDepartmentIds), as in orgs seeded before pools had members.
  const pools = raw.pools.map((p, i) => ({
    id: `p${i}`, name: `P${i}`, adminUserIds: picks(userIds, p.admins),
    ...(p.members === null ? {} : { memberDepartmentIds: picks(departments.map((d) => d.id), p.members) }),
  }));
  const org: Org = { users, departments, roles, permissionGroups, pools };
  const customers = raw.customers.map((c, i) => makeCustomer({
    id: customerIds[i],
    aeId: c.ae === null ? null : pick(userIds, c.ae),
    csrId: c.csr === null ? null : pick(userIds, c.csr),
    poolId: c.pool === null || pools.length === 0 ? null : pick(pools, c.pool).id,
    shares: buildShares(org, c.shares),
    deletedAt: c.deleted ? '2024-06-01T00:00:00.000Z' : null,
  }));
  return { org, customers };
});

/** A random org with its customers and random share targets drawn from the same org. */
export const orgWithShareTargets = fc.tuple(orgWithCustomers, rawShares).map(([oc, raw]) => ({ ...oc, targets: buildShares(oc.org, raw) }));
