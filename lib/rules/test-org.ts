// Tiny org/customer factories for tests (no test-framework imports, so any test may reuse them).
import type { Customer, Department, Id, Org, PermissionGroup, Pool, Role, ShareTargets, User } from '../domain/types';

export function shares(partial: Partial<ShareTargets> = {}): ShareTargets {
  return { departmentIds: [], roleIds: [], userIds: [], ...partial };
}

export function makeUser(id: Id, partial: Partial<User> = {}): User {
  return { id, name: id, email: `${id}@example.test`, departmentId: 'hq', roleId: 'rep', managerId: null, ...partial };
}

let customerSeq = 0;

export function makeCustomer(partial: Partial<Customer> = {}): Customer {
  customerSeq += 1;
  const id = partial.id ?? `c-${customerSeq}`;
  return {
    id, code: id.toUpperCase(), name: `Customer ${id}`, email: `${id}@customer.test`, phone: '+84900000000',
    source: 'web', businessField: 'retail', aeId: null, csrId: null, poolId: 'pool-1', shares: shares(),
    tags: [], version: 1, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    deletedAt: null, ...partial,
  };
}

export function makeOrg(partial: Partial<Org> = {}): Org {
  return { users: [], departments: [{ id: 'hq', name: 'HQ', parentId: null }], roles: [], permissionGroups: [], pools: [], ...partial };
}

/**
 * A small org covering every rule:
 *   departments hq > sales > sales-north, hq > support
 *   ada (admin) manages tom, cal, eve, vic, pat; tom manages mia; mia manages rex and ria; eve (editor) manages sam
 *   group g-view (role viewer, view) covers c-group; group g-edit (role editor, edit) covers c-group-edit
 *   pool-1 is administered by pat, its member department is sales (so sales-north too); pool-2 is administered
 *   by ada and pat and open to everyone (no member departments)
 */
export function sampleOrg(): Org {
  const departments: Department[] = [
    { id: 'hq', name: 'HQ', parentId: null },
    { id: 'sales', name: 'Sales', parentId: 'hq' },
    { id: 'sales-north', name: 'Sales North', parentId: 'sales' },
    { id: 'support', name: 'Support', parentId: 'hq' },
  ];
  const roles: Role[] = [
    { id: 'admin', name: 'Administrator', admin: true },
    { id: 'manager', name: 'Manager', admin: false },
    { id: 'rep', name: 'Sales rep', admin: false },
    { id: 'support-agent', name: 'Support agent', admin: false },
    { id: 'editor', name: 'Editor', admin: false },
    { id: 'viewer', name: 'Viewer', admin: false },
  ];
  const users: User[] = [
    makeUser('ada', { roleId: 'admin', departmentId: 'hq' }),
    makeUser('tom', { roleId: 'manager', departmentId: 'sales', managerId: 'ada' }),
    makeUser('mia', { roleId: 'manager', departmentId: 'sales', managerId: 'tom' }),
    makeUser('rex', { roleId: 'rep', departmentId: 'sales-north', managerId: 'mia' }),
    makeUser('ria', { roleId: 'rep', departmentId: 'sales-north', managerId: 'mia' }),
    makeUser('cal', { roleId: 'support-agent', departmentId: 'support', managerId: 'ada' }),
    makeUser('eve', { roleId: 'editor', departmentId: 'sales', managerId: 'ada' }),
    makeUser('sam', { roleId: 'rep', departmentId: 'sales', managerId: 'eve' }),
    makeUser('vic', { roleId: 'viewer', departmentId: 'support', managerId: 'ada' }),
    makeUser('pat', { roleId: 'manager', departmentId: 'hq', managerId: 'ada' }),
  ];
  const permissionGroups: PermissionGroup[] = [
    { id: 'g-view', name: 'Viewers', roleIds: ['viewer'], canEdit: false, customerIds: ['c-group'] },
    { id: 'g-edit', name: 'Editors', roleIds: ['editor'], canEdit: true, customerIds: ['c-group-edit'] },
  ];
  const pools: Pool[] = [
    { id: 'pool-1', name: 'High seas', adminUserIds: ['pat'], memberDepartmentIds: ['sales'] },
    { id: 'pool-2', name: 'Second pool', adminUserIds: ['ada', 'pat'] },
  ];
  return { users, departments, roles, permissionGroups, pools };
}
