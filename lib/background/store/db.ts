// The extension's own IndexedDB, opened only by the background (and, read-only, by extension pages).
// Never open it from a content script: there it would belong to the host site's origin.
import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Transaction } from 'dexie';
import type {
  ChangeRecord, Customer, Department, Id, LogEntry, Org, PermissionGroup, Pool, Role, User,
} from '../../domain/types';
import type { CustomerOp } from '../../crm-client/connector';
import { withDerivedKeys, type CustomerRow } from './derived';
import { batchOpOfRequest, customerOpOfRequest, type JobOpV2, type OutboxRowV2 } from './operations-v3';

/** The org snapshot from GET /org; one row, key 'current'. */
export interface OrgRow {
  key: 'current';
  org: Org;
  fetchedAt: string;
}

export interface FollowRow {
  customerId: Id;
}

/** An operation waiting for (or being sent to) the CRM; replayed with the same idempotency key. */
export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  op: CustomerOp;
  status: 'pending' | 'sending' | 'failed';
  createdAt: string;
  /** Tries so far: one tried before may have been applied with its answer lost. */
  attempts: number;
  lastError?: string;
  /** Why, as the UI words it: the error's code and the rule that refused it (lastError is for developers). */
  lastErrorCode?: string;
  lastErrorRule?: string;
  /** "<CRM origin>|<user id>" of whoever made it: it is never sent as anyone else. */
  actor?: string;
}

/** A long operation done in chunks (batch share, bulk delete…), resumable after the worker dies. */
export interface JobRow {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  state: unknown;
}

/** A stale edit the CRM refused (412): ours and theirs, for the user to resolve. */
export interface ConflictRow {
  id: string;
  customerId: Id;
  createdAt: string;
  mine: Record<string, unknown>;
  current: Customer;
  changes?: ChangeRecord[];
}

export interface TagRow {
  name: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'crmx';

/** Version 1: the foundation's schema. Kept verbatim: Dexie needs it to upgrade databases created by it. */
export const SCHEMA_V1 = {
  customers: 'id, updatedAt, *tags, aeId',
  org: 'key',
  follows: 'customerId',
  logs: 'id, [customerId+at], type, seq',
  outbox: 'id, status, createdAt',
  jobs: 'id, status, createdAt',
  conflicts: 'id, customerId, createdAt',
  meta: 'key',
} as const;

/**
 * Version 2: search/sort keys on customers (phoneKey for bulk delete by phone, nameKey, code, shareKeys),
 * the org as tables beside its snapshot row, tags, and `[customerId+type+at]` so a type-filtered
 * timeline reads index ranges instead of filtering a cursor.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  customers: 'id, updatedAt, *tags, aeId, csrId, poolId, phoneKey, nameKey, code, *shareKeys',
  logs: 'id, [customerId+at], [customerId+type+at], type, seq',
  users: 'id, departmentId, roleId, managerId',
  departments: 'id, parentId',
  roles: 'id',
  permissionGroups: 'id, *roleIds',
  pools: 'id',
  tags: 'name',
} as const;

export class CrmxDb extends Dexie {
  customers!: EntityTable<CustomerRow, 'id'>;
  org!: EntityTable<OrgRow, 'key'>;
  users!: EntityTable<User, 'id'>;
  departments!: EntityTable<Department, 'id'>;
  roles!: EntityTable<Role, 'id'>;
  permissionGroups!: EntityTable<PermissionGroup, 'id'>;
  pools!: EntityTable<Pool, 'id'>;
  tags!: EntityTable<TagRow, 'name'>;
  follows!: EntityTable<FollowRow, 'customerId'>;
  logs!: EntityTable<LogEntry, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  jobs!: EntityTable<JobRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Writes to the customers table made through this instance: rows read earlier are current while it is unchanged. */
  customerWrites = 0;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // Version 3: the outbox and the jobs store operations, not requests (same indexes).
    this.version(3).stores(SCHEMA_V2).upgrade(upgradeToV3);
    this.use({ stack: 'dbcore', name: 'crmx-customer-keys', create: (down) => addCustomerKeys(down, () => this.customerWrites++) });
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table('customers').toCollection().modify((row: Customer) => {
    Object.assign(row, withDerivedKeys(row));
  });
  const snapshot = (await tx.table('org').get('current')) as OrgRow | undefined;
  if (snapshot) await putOrgTables(tx, snapshot.org);
}

async function upgradeToV3(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  for (const row of (await outbox.toArray()) as (OutboxRowV2 & Record<string, unknown>)[]) {
    if (row.op) continue;
    const op = customerOpOfRequest(row);
    const { method: _method, path: _path, body: _body, ifMatch: _ifMatch, customerId: _id, action: _action, ...rest } = row;
    // Every row was made by the outbox, so each is understood; one that is not could never be sent.
    if (op) await outbox.put({ ...rest, op });
    else await outbox.delete(row.id);
  }
  // Job plans (in meta, "job-plan:<id>"), and job rows written before plans moved there. A step no
  // version made would be carried out as something else: its job stops instead.
  const unreadable = new Set<string>();
  const rewrite = (jobId: string, state: { ops?: unknown[] } | undefined) => {
    if (!state?.ops) return;
    state.ops = state.ops.map((step) => {
      const old = step as JobOpV2 & { operation?: unknown };
      if (old.operation) return step;
      const operation = batchOpOfRequest(old);
      if (!operation) unreadable.add(jobId);
      return { operation: operation ?? { op: 'follow', follow: true }, ids: operation ? old.ids ?? [] : [] };
    });
  };
  await tx.table('meta').where('key').startsWith('job-plan:').modify((row: MetaRow) => {
    const [, jobId, chunk] = row.key.split(':');
    if (chunk === undefined) rewrite(jobId, row.value as { ops?: unknown[] });
  });
  await tx.table('jobs').toCollection().modify((row: JobRow) => {
    rewrite(row.id, row.state as { ops?: unknown[] });
  });
  if (unreadable.size > 0) await tx.table('jobs').where('id').anyOf([...unreadable]).modify({ status: 'failed' });
}

/** Fills the org tables from a snapshot (inside the caller's transaction). */
export async function putOrgTables(tx: Pick<Transaction, 'table'>, org: Org): Promise<void> {
  const kinds = [
    ['users', org.users], ['departments', org.departments], ['roles', org.roles],
    ['permissionGroups', org.permissionGroups], ['pools', org.pools],
  ] as const;
  for (const [name, rows] of kinds) {
    await tx.table(name).clear();
    await tx.table(name).bulkPut(rows as unknown[]);
  }
}

/** Every customer written, by anyone, gets its index keys; every write to the table is counted. */
function addCustomerKeys(down: DBCore, wrote: () => void): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'customers') return table;
      return {
        ...table,
        mutate(request: DBCoreMutateRequest) {
          wrote();
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
          return table.mutate({ ...request, values: request.values.map((c) => withDerivedKeys(c as Customer)) });
        },
      };
    },
  };
}

let shared: CrmxDb | undefined;

/** The one database instance of this JS context. */
export function getDb(): CrmxDb {
  shared ??= new CrmxDb();
  return shared;
}
