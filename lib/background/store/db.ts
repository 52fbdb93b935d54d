// The extension's own IndexedDB, opened only by the background (and, read-only, by extension pages).
// Never open it from a content script: there it would belong to the host site's origin.
import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Transaction } from 'dexie';
import type {
  ChangeRecord, Customer, Department, Id, LogEntry, Org, PermissionGroup, Pool, Role, User,
} from '../../domain/types';
import { withDerivedKeys, type CustomerRow } from './derived';

/** The org snapshot from GET /org; one row, key 'current'. */
export interface OrgRow {
  key: 'current';
  org: Org;
  fetchedAt: string;
}

export interface FollowRow {
  customerId: Id;
}

/** A mutation waiting for (or being sent to) the CRM; replayed with the same idempotency key. */
export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body: unknown;
  ifMatch?: string;
  status: 'pending' | 'sending' | 'failed';
  createdAt: string;
  attempts: number;
  lastError?: string;
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
