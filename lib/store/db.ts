// The extension's own IndexedDB, opened only by the background (and, read-only, by extension pages).
// Never open it from a content script: there it would belong to the host site's origin.
import Dexie, { type EntityTable } from 'dexie';
import type { ChangeRecord, Customer, Id, LogEntry, Org } from '../domain/types';

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

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'crmx';

export class CrmxDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  org!: EntityTable<OrgRow, 'key'>;
  follows!: EntityTable<FollowRow, 'customerId'>;
  logs!: EntityTable<LogEntry, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  jobs!: EntityTable<JobRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      customers: 'id, updatedAt, *tags, aeId',
      org: 'key',
      follows: 'customerId',
      logs: 'id, [customerId+at], type, seq',
      outbox: 'id, status, createdAt',
      jobs: 'id, status, createdAt',
      conflicts: 'id, customerId, createdAt',
      meta: 'key',
    });
  }
}

let shared: CrmxDb | undefined;

/** The one database instance of this JS context. */
export function getDb(): CrmxDb {
  shared ??= new CrmxDb();
  return shared;
}
