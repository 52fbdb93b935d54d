// The demo organisation: "Sao Việt Trading", a Vietnamese distributor with sales teams in the north and south.
import type { Department, Pool, Role, User } from '../../lib/domain/types';

export type DemoUser = User & { token: string };

export const DEPARTMENTS: Department[] = [
  { id: 'd-hq', name: 'Head office', parentId: null },
  { id: 'd-sales-north', name: 'Sales North (Hà Nội)', parentId: 'd-hq' },
  { id: 'd-sales-north-cg', name: 'Sales North – Cầu Giấy team', parentId: 'd-sales-north' },
  { id: 'd-sales-south', name: 'Sales South (TP. Hồ Chí Minh)', parentId: 'd-hq' },
  { id: 'd-sales-south-q7', name: 'Sales South – Quận 7 team', parentId: 'd-sales-south' },
  { id: 'd-cs', name: 'Customer Service', parentId: 'd-hq' },
  { id: 'd-key', name: 'Key Accounts', parentId: 'd-hq' },
];

export const ROLES: Role[] = [
  { id: 'r-admin', name: 'Administrator', admin: true },
  { id: 'r-sales-manager', name: 'Sales manager', admin: false },
  { id: 'r-sales-rep', name: 'Sales rep', admin: false },
  { id: 'r-csr', name: 'Customer service', admin: false },
  { id: 'r-pool-admin', name: 'Pool administrator', admin: false },
  { id: 'r-key-account', name: 'Key account manager', admin: false },
  { id: 'r-auditor', name: 'Auditor', admin: false },
];

const ORG_DOMAIN = 'saoviet.example';

function user(id: string, name: string, emailLocal: string, departmentId: string, roleId: string, managerId: string | null, token: string): DemoUser {
  return { id, name, email: `${emailLocal}@${ORG_DOMAIN}`, departmentId, roleId, managerId, token };
}

const NORTH_REPS = ['Phạm Minh Tuấn', 'Lê Thu Hà', 'Đỗ Quang Huy', 'Vũ Thị Lan', 'Bùi Đức Thắng', 'Ngô Thanh Hương', 'Đinh Văn Long', 'Trịnh Mai Anh'];
const SOUTH_REPS = ['Huỳnh Gia Bảo', 'Võ Thị Kim Ngân', 'Phan Hoài Nam', 'Dương Ngọc Trâm', 'Lý Quốc Cường', 'Mai Xuân Phúc', 'Tạ Thanh Tâm', 'Hồ Bảo Ngọc'];

function reps(names: string[], side: 'north' | 'south', managerId: string): DemoUser[] {
  return names.map((name, i) => {
    const n = i + 1;
    const dept = n > 5 ? `d-sales-${side}-${side === 'north' ? 'cg' : 'q7'}` : `d-sales-${side}`;
    // The first northern rep is the headline rep of the demo.
    const token = side === 'north' && n === 1 ? 'demo-rep' : `demo-rep-${side}-${n}`;
    return user(`u-rep-${side}-${n}`, name, `${side}.rep${n}`, dept, 'r-sales-rep', managerId, token);
  });
}

export const USERS: DemoUser[] = [
  user('u-admin', 'Nguyễn Văn An', 'admin', 'd-hq', 'r-admin', null, 'demo-admin'),
  user('u-manager-north', 'Trần Thị Bình', 'binh.tran', 'd-sales-north', 'r-sales-manager', 'u-admin', 'demo-manager'),
  user('u-manager-south', 'Lê Hoàng Sơn', 'son.le', 'd-sales-south', 'r-sales-manager', 'u-admin', 'demo-manager-south'),
  ...reps(NORTH_REPS, 'north', 'u-manager-north'),
  ...reps(SOUTH_REPS, 'south', 'u-manager-south'),
  user('u-cs-lead', 'Nguyễn Thị Mai', 'mai.nguyen', 'd-cs', 'r-csr', 'u-admin', 'demo-cs-lead'),
  user('u-csr-1', 'Phạm Thu Trang', 'trang.pham', 'd-cs', 'r-csr', 'u-cs-lead', 'demo-csr'),
  user('u-csr-2', 'Đặng Minh Khoa', 'khoa.dang', 'd-cs', 'r-csr', 'u-cs-lead', 'demo-csr-2'),
  user('u-csr-3', 'Emily Watson', 'emily.watson', 'd-cs', 'r-csr', 'u-cs-lead', 'demo-csr-3'),
  user('u-pool', 'Hoàng Văn Phúc', 'phuc.hoang', 'd-hq', 'r-pool-admin', 'u-admin', 'demo-pool'),
  user('u-key-lead', 'Trương Mỹ Linh', 'linh.truong', 'd-key', 'r-key-account', 'u-admin', 'demo-key'),
  user('u-key-2', 'David Nguyen', 'david.nguyen', 'd-key', 'r-key-account', 'u-key-lead', 'demo-key-2'),
  user('u-key-rep', 'Lưu Thế Vinh', 'vinh.luu', 'd-key', 'r-sales-rep', 'u-key-lead', 'demo-key-rep'),
  user('u-auditor', 'Sarah Mitchell', 'sarah.mitchell', 'd-hq', 'r-auditor', 'u-admin', 'demo-viewer'),
];

export const SALES_REP_IDS = USERS.filter((u) => u.roleId === 'r-sales-rep' && u.departmentId !== 'd-key').map((u) => u.id);
export const MANAGER_IDS = ['u-manager-north', 'u-manager-south'];
export const CSR_IDS = USERS.filter((u) => u.roleId === 'r-csr').map((u) => u.id);
export const KEY_ACCOUNT_AE_IDS = ['u-key-lead', 'u-key-2', 'u-key-rep'];

// The sales teams pick customers up from the pool (their sub-teams too); u-pool administers it.
export const POOLS: Pool[] = [{
  id: 'p-main', name: 'Kho khách hàng chung (the high seas)', adminUserIds: ['u-pool'],
  memberDepartmentIds: ['d-sales-north', 'd-sales-south'],
}];

export const EDIT_GROUP = { id: 'pg-key-accounts', name: 'Key accounts (edit)', roleIds: ['r-key-account'], canEdit: true };
export const VIEW_GROUP = { id: 'pg-audit', name: 'Quality audit (view only)', roleIds: ['r-auditor'], canEdit: false };

/** Share targets a customer may be shared with, as [kind, id]. */
export const SHARE_TARGETS: ['departmentIds' | 'roleIds' | 'userIds', string][] = [
  ['departmentIds', 'd-sales-north'],
  ['departmentIds', 'd-sales-south'],
  ['departmentIds', 'd-cs'],
  ['departmentIds', 'd-key'],
  ['roleIds', 'r-csr'],
  ['roleIds', 'r-sales-manager'],
  ['roleIds', 'r-key-account'],
  ...USERS.filter((u) => u.roleId !== 'r-admin').map((u): ['userIds', string] => ['userIds', u.id]),
];
