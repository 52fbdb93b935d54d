// Small, valid CRM answers for unit tests of the extension.
import type { Customer, Org } from '../domain/types';
import type { Me } from './schemas';

export function sampleCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'c-001',
    code: 'KH001',
    name: 'Công ty An Phát',
    email: 'contact@anphat.vn',
    phone: '+84901234567',
    source: 'Website',
    businessField: 'Logistics',
    aeId: 'u-ae',
    csrId: 'u-csr',
    poolId: 'p-1',
    shares: { departmentIds: ['d-sales'], roleIds: [], userIds: ['u-other'] },
    tags: ['vip', 'north'],
    version: 3,
    createdAt: '2024-01-02T03:04:05.000Z',
    updatedAt: '2024-06-07T08:09:10.000Z',
    deletedAt: null,
    ...overrides,
  };
}

export function sampleOrg(): Org {
  return {
    users: [
      { id: 'u-admin', name: 'Ada Admin', email: 'ada@x.test', departmentId: 'd-root', roleId: 'r-admin', managerId: null },
      { id: 'u-mgr', name: 'Minh Manager', email: 'minh@x.test', departmentId: 'd-sales', roleId: 'r-mgr', managerId: 'u-admin' },
      { id: 'u-ae', name: 'Anh AE', email: 'anh@x.test', departmentId: 'd-sales', roleId: 'r-rep', managerId: 'u-mgr' },
      { id: 'u-csr', name: 'Chi CSR', email: 'chi@x.test', departmentId: 'd-sales', roleId: 'r-rep', managerId: 'u-mgr' },
      { id: 'u-other', name: 'Oanh Other', email: 'oanh@x.test', departmentId: 'd-sales', roleId: 'r-rep', managerId: 'u-mgr' },
    ],
    departments: [
      { id: 'd-root', name: 'Head office', parentId: null },
      { id: 'd-sales', name: 'Sales', parentId: 'd-root' },
    ],
    roles: [
      { id: 'r-admin', name: 'Administrator', admin: true },
      { id: 'r-mgr', name: 'Sales manager', admin: false },
      { id: 'r-rep', name: 'Sales rep', admin: false },
    ],
    permissionGroups: [],
    pools: [{ id: 'p-1', name: 'North pool', adminUserIds: ['u-mgr'] }],
  };
}

export function sampleMe(userId = 'u-ae'): Me {
  const org = sampleOrg();
  const user = org.users.find((u) => u.id === userId)!;
  const role = org.roles.find((r) => r.id === user.roleId)!;
  const department = org.departments.find((d) => d.id === user.departmentId)!;
  return { user, role, department, isAdmin: role.admin };
}
