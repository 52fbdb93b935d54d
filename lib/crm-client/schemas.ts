// valibot schemas for what the CRM answers: every response is checked here, at the boundary.
import * as v from 'valibot';
import { LOG_TYPES } from '../domain/log-types';

const id = v.string();
const nullableId = v.nullable(v.string());

export const DepartmentSchema = v.object({ id, name: v.string(), parentId: nullableId });
export const RoleSchema = v.object({ id, name: v.string(), admin: v.boolean() });
export const UserSchema = v.object({
  id,
  name: v.string(),
  email: v.string(),
  departmentId: id,
  roleId: id,
  managerId: nullableId,
});
export const PermissionGroupSchema = v.object({
  id,
  name: v.string(),
  roleIds: v.array(id),
  canEdit: v.boolean(),
  customerIds: v.array(id),
});
export const PoolSchema = v.object({ id, name: v.string(), adminUserIds: v.array(id), memberDepartmentIds: v.optional(v.array(id)) });

export const OrgSchema = v.object({
  users: v.array(UserSchema),
  departments: v.array(DepartmentSchema),
  roles: v.array(RoleSchema),
  permissionGroups: v.array(PermissionGroupSchema),
  pools: v.array(PoolSchema),
});

export const ShareTargetsSchema = v.object({
  departmentIds: v.array(id),
  roleIds: v.array(id),
  userIds: v.array(id),
});

export const CustomerSchema = v.object({
  id,
  code: v.string(),
  name: v.string(),
  email: v.string(),
  phone: v.string(),
  source: v.string(),
  businessField: v.string(),
  aeId: nullableId,
  csrId: nullableId,
  poolId: nullableId,
  shares: ShareTargetsSchema,
  tags: v.array(v.string()),
  version: v.number(),
  createdAt: v.string(),
  updatedAt: v.string(),
  deletedAt: v.nullable(v.string()),
});

export const MeSchema = v.object({
  user: UserSchema,
  role: RoleSchema,
  department: DepartmentSchema,
  isAdmin: v.boolean(),
});

export const CustomerPageSchema = v.object({
  items: v.array(CustomerSchema),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
});

export const FollowsSchema = v.object({ customerIds: v.array(id) });
export const OkSchema = v.object({ ok: v.literal(true) });

export const LogEntrySchema = v.object({
  id,
  seq: v.number(),
  customerId: id,
  type: v.picklist(LOG_TYPES),
  at: v.string(),
  actorId: nullableId,
  details: v.string(),
  changes: v.array(v.object({ field: v.string(), before: v.unknown(), after: v.unknown() })),
});

const AskSchema = v.object({ kind: v.picklist(['manager', 'pool-admin', 'administrator']), userIds: v.array(id) });

/** The CRM's error envelope; only `code` and `message` are required. */
export const ErrorEnvelopeSchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    rule: v.optional(v.string()),
    ask: v.optional(v.array(AskSchema)),
    current: v.optional(CustomerSchema),
  }),
});

export type Me = v.InferOutput<typeof MeSchema>;
/** A page of customers; `serverTime`: when the CRM answered by its own clock (a scan's window starts there). */
export type CustomerPage = v.InferOutput<typeof CustomerPageSchema> & { serverTime?: string };

export const CustomerIdsSchema = v.object({ ids: v.array(id), total: v.number() });
export const LogPageSchema = v.object({ items: v.array(LogEntrySchema), nextBefore: v.nullable(v.number()) });
export const ChangesSchema = v.object({
  changes: v.array(v.object({ field: v.string(), before: v.unknown(), after: v.unknown() })),
});
export const TagsSchema = v.object({ tags: v.array(v.string()) });

const ItemErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  rule: v.optional(v.string()),
  ask: v.optional(v.array(AskSchema)),
  /** 'ambiguous' (a file delete): the customers the CRM knows with that number. */
  matches: v.optional(v.array(v.object({ id, name: v.string(), code: v.string() }))),
});
/** Per customer, in the order asked; a file delete's answers carry the number asked for. */
export const BatchResultsSchema = v.object({
  results: v.array(v.variant('ok', [
    v.object({ id, ok: v.literal(true), phone: v.optional(v.string()) }),
    v.object({ id, ok: v.literal(false), phone: v.optional(v.string()), error: ItemErrorSchema }),
  ])),
});
export const SyncCustomersSchema = v.object({
  changed: v.array(CustomerSchema),
  removed: v.array(id),
  next: v.string(),
  hasMore: v.boolean(),
});
export const SyncLogsSchema = v.object({ items: v.array(LogEntrySchema), next: v.string(), hasMore: v.boolean() });
export const AuditSchema = v.object({ items: v.array(LogEntrySchema) });

/** One customer waiting in the pool, as the CRM shows it to those who may pick it up. */
export const PoolCustomerSchema = v.object({
  id,
  code: v.string(),
  name: v.string(),
  phone: v.string(),
  poolId: nullableId,
  poolName: v.nullable(v.string()),
  version: v.number(),
  returnedAt: v.nullable(v.string()),
  returnReason: v.nullable(v.string()),
});
export const PoolPageSchema = v.object({
  items: v.array(PoolCustomerSchema),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
  /** The pools the user may pick up from. */
  pools: v.array(v.object({ id, name: v.string() })),
});

export type LogPage = v.InferOutput<typeof LogPageSchema>;
export type BatchResults = v.InferOutput<typeof BatchResultsSchema>;
export type SyncCustomersPage = v.InferOutput<typeof SyncCustomersSchema>;
export type SyncLogsPage = v.InferOutput<typeof SyncLogsSchema>;
export type PoolCustomer = v.InferOutput<typeof PoolCustomerSchema>;
export type PoolPage = v.InferOutput<typeof PoolPageSchema>;
