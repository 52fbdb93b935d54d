// Domain types shared by the extension, the rules module and the reference CRM.

export type Id = string;

export interface Department {
  id: Id;
  name: string;
  /** null for the root of the department tree. */
  parentId: Id | null;
}

export interface Role {
  id: Id;
  name: string;
  /** Administrators may delete and restore customers and see every customer. */
  admin: boolean;
}

export interface User {
  id: Id;
  name: string;
  email: string;
  departmentId: Id;
  roleId: Id;
  /** The user's direct manager; a user is a direct subordinate of their manager. */
  managerId: Id | null;
}

export interface PermissionGroup {
  id: Id;
  name: string;
  /** Users whose role is listed here belong to the group. */
  roleIds: Id[];
  /** With edit rights the group's members edit its customers (and lose subordinates' AE customers). */
  canEdit: boolean;
  /** The customers the group covers. */
  customerIds: Id[];
}

export interface Pool {
  id: Id;
  name: string;
  adminUserIds: Id[];
  /**
   * The pool's member departments: their people, and those of their sub-departments, may pick up its
   * customers (as may its administrators and the org's administrators). Absent: the pool is open to the
   * whole organisation. Empty: only the pool's and the org's administrators pick up.
   */
  memberDepartmentIds?: Id[];
}

export interface Org {
  users: User[];
  departments: Department[];
  roles: Role[];
  permissionGroups: PermissionGroup[];
  pools: Pool[];
}

export interface ShareTargets {
  departmentIds: Id[];
  roleIds: Id[];
  userIds: Id[];
}

export interface Customer {
  id: Id;
  code: string;
  name: string;
  email: string;
  phone: string;
  source: string;
  businessField: string;
  /** Account executive; null once returned to the pool. */
  aeId: Id | null;
  /** Customer service representative. */
  csrId: Id | null;
  /** The pool the customer belongs to and returns to. */
  poolId: Id | null;
  shares: ShareTargets;
  tags: string[];
  /** Incremented on every change; sent back as If-Match on edit. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** ISO time of a soft delete; null while live. */
  deletedAt: string | null;
}

/** Fields a user may change in the edit dialog. */
export const EDITABLE_FIELDS = ['code', 'name', 'email', 'phone', 'source', 'businessField', 'aeId', 'csrId'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type CustomerEdit = Partial<Pick<Customer, EditableField>>;

export interface ChangeRecord {
  field: string;
  before: unknown;
  after: unknown;
}

export interface LogEntry {
  id: Id;
  /** Monotonic sequence number over the whole log: the sync cursor. */
  seq: number;
  customerId: Id;
  type: import('./log-types').LogType;
  /** ISO time of the operation. */
  at: string;
  actorId: Id | null;
  /** Human-readable details (reason, targets, tags…). */
  details: string;
  changes: ChangeRecord[];
}
