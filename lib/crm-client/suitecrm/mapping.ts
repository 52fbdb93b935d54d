// SuiteCRM's records as the overlay's domain, and back. Pure.
//
// Customers are Accounts. The account executive is the assigned user; code, source, customer service
// representative, labels and pool are the package's custom fields (scripts/suitecrm/package). The org:
// users are SuiteCRM's active users (manager = "reports to"); roles are its ACL roles (a user's first
// one) plus "Administrator" for its administrators; departments are its Security Groups of kind
// department (flat: SuiteCRM's groups have no parent; a user's department is the first one they belong
// to); pools are Security Groups of kind pool, their members the pool's administrators. Sharing to a
// department, a role or a user relates the account to that department's group, the role's group or the
// user's personal group: SuiteCRM's own record-level access follows.
import type { Customer, CustomerEdit, Department, Id, Org, Pool, Role, ShareTargets, User } from '../../domain/types';
import { decodeEntities } from './v8';

/** The Account fields a customer is read from. */
export const ACCOUNT_FIELDS = [
  'name', 'crm_code_c', 'email1', 'phone_office', 'crm_source_c', 'industry', 'assigned_user_id', 'crm_csr_id_c',
  'crm_pool_id_c', 'crm_labels_c', 'date_entered', 'date_modified',
] as const;

/** Our editable fields as SuiteCRM's Account fields. */
export const FIELD_OF: Record<keyof CustomerEdit, string> = {
  code: 'crm_code_c', name: 'name', email: 'email1', phone: 'phone_office', source: 'crm_source_c',
  businessField: 'industry', aeId: 'assigned_user_id', csrId: 'crm_csr_id_c',
};

/** SuiteCRM's Account fields as ours (its change log names them so). */
export const FIELD_NAMED: Record<string, string> = {
  ...Object.fromEntries(Object.entries(FIELD_OF).map(([ours, theirs]) => [theirs, ours])),
  crm_labels_c: 'tags', crm_pool_id_c: 'poolId',
};

export const ADMIN_ROLE_ID = 'suitecrm-administrator';
export const NO_DEPARTMENT_ID = 'suitecrm-no-department';
export const NO_ROLE_ID = 'suitecrm-no-role';

const text = (value: unknown): string => (typeof value === 'string' ? decodeEntities(value) : '');
const idOrNull = (value: unknown): Id | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** SuiteCRM's answer times ("2026-12-03T22:25:00+00:00", or its DB form "2026-12-03 22:25:26") as ISO UTC. */
export function isoOf(value: unknown): string {
  if (typeof value !== 'string' || value === '') return new Date(0).toISOString();
  const dbForm = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const time = Date.parse(dbForm);
  return Number.isNaN(time) ? new Date(0).toISOString() : new Date(time).toISOString();
}

/** An instant as SuiteCRM's filters compare it: its DB form, UTC, to the second. */
export function dbTimeOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

export function labelsOf(value: unknown): string[] {
  const raw = text(value).trim();
  if (raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))] : [];
  } catch {
    // Typed in SuiteCRM's own edit view as plain text: one label per comma.
    return [...new Set(raw.split(',').map((t) => t.trim()).filter(Boolean))];
  }
}

/**
 * A customer's version: SuiteCRM keeps none, and answers modification times to the minute only, so the
 * version is a hash of what the overlay shows. Any change to it is a new version (the outbox compares
 * versions for equality only).
 */
export function versionOf(c: Omit<Customer, 'version'>): number {
  const content = JSON.stringify([c.code, c.name, c.email, c.phone, c.source, c.businessField, c.aeId, c.csrId, c.poolId,
    c.shares.departmentIds, c.shares.roleIds, c.shares.userIds, c.tags, c.deletedAt]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    hash ^= content.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) + 1;
}

export const NO_SHARES: ShareTargets = { departmentIds: [], roleIds: [], userIds: [] };

/** An Account's attributes (and its shares, from the package) as a customer. */
export function customerOf(id: Id, a: Record<string, unknown>, shares: ShareTargets = NO_SHARES): Customer {
  const customer: Omit<Customer, 'version'> = {
    id,
    code: text(a.crm_code_c),
    name: text(a.name),
    email: text(a.email1),
    phone: text(a.phone_office),
    source: text(a.crm_source_c),
    businessField: text(a.industry),
    aeId: idOrNull(a.assigned_user_id),
    csrId: idOrNull(a.crm_csr_id_c),
    poolId: idOrNull(a.crm_pool_id_c),
    shares: { departmentIds: [...shares.departmentIds], roleIds: [...shares.roleIds], userIds: [...shares.userIds] },
    tags: labelsOf(a.crm_labels_c),
    createdAt: isoOf(a.date_entered),
    updatedAt: isoOf(a.date_modified),
    deletedAt: null,
  };
  return { ...customer, version: versionOf(customer) };
}

/** Our edit as Account attributes (never date_modified: SuiteCRM would store it as given). */
export function attributesOf(edit: CustomerEdit): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [field, value] of Object.entries(edit) as [keyof CustomerEdit, string | null | undefined][]) {
    if (value === undefined) continue;
    attributes[FIELD_OF[field]] = value ?? '';
  }
  return attributes;
}

export const labelsAttribute = (tags: string[]) => ({ crm_labels_c: JSON.stringify([...new Set(tags)]) });

/** The package's org answer (GET /custom/crm-overlay/org). */
export interface SuiteOrg {
  users: { id: Id; user_name: string; name: string; email: string; reports_to_id: Id | null; is_admin: boolean; status?: string }[];
  roles: { id: Id; name: string; user_ids: Id[] }[];
  groups: { id: Id; name: string; kind: 'department' | 'role' | 'user' | 'pool'; ref_id: Id | null; user_ids: Id[] }[];
}

/** SuiteCRM's users, roles and Security Groups as the org the rules decide from. */
export function orgOf(suite: SuiteOrg): Org {
  const departments: Department[] = suite.groups.filter((g) => g.kind === 'department')
    .map((g) => ({ id: g.id, name: decodeEntities(g.name), parentId: null }));
  const roles: Role[] = [
    { id: ADMIN_ROLE_ID, name: 'Administrator', admin: true },
    ...suite.roles.map((r) => ({ id: r.id, name: decodeEntities(r.name), admin: false })),
  ];
  const firstOf = (userId: Id, among: { id: Id; user_ids: Id[] }[]) => among.find((x) => x.user_ids.includes(userId))?.id;
  const departmentGroups = suite.groups.filter((g) => g.kind === 'department');
  const anyoneWithout = suite.users.some((u) => !firstOf(u.id, departmentGroups));
  const anyoneRoleless = suite.users.some((u) => !u.is_admin && !firstOf(u.id, suite.roles));
  if (anyoneWithout) departments.push({ id: NO_DEPARTMENT_ID, name: 'No department', parentId: null });
  if (anyoneRoleless) roles.push({ id: NO_ROLE_ID, name: 'No role', admin: false });
  const users: User[] = suite.users.map((u) => ({
    id: u.id,
    name: decodeEntities(u.name || u.user_name),
    email: decodeEntities(u.email ?? ''),
    departmentId: firstOf(u.id, departmentGroups) ?? NO_DEPARTMENT_ID,
    roleId: u.is_admin ? ADMIN_ROLE_ID : firstOf(u.id, suite.roles) ?? NO_ROLE_ID,
    managerId: u.reports_to_id || null,
  }));
  const pools: Pool[] = suite.groups.filter((g) => g.kind === 'pool')
    .map((g) => ({ id: g.id, name: decodeEntities(g.name), adminUserIds: [...g.user_ids] }));
  return { users, departments, roles, permissionGroups: [], pools };
}
