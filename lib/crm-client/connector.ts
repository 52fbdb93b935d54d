// The one way the background talks to a CRM: semantic operations (share this customer with these
// people), never requests. Each CRM has one implementation (./client.ts is the reference CRM's); the
// outbox, the jobs and undo store the operations below and hand them to `perform` / `performBatch`.
import type { ChangeRecord, Customer, CustomerEdit, Id, Org, ShareTargets } from '../domain/types';
import type { LogType } from '../domain/log-types';
import type { AssignmentField } from '../rules/reassignable';
import type { BatchResults, CustomerPage, LogPage, Me, PoolPage, SyncCustomersPage, SyncLogsPage } from './schemas';

/** What a CRM can and cannot do: the outbox, the jobs and sync adapt to it instead of assuming our API. */
export interface CrmCapabilities {
  /** Customers per batch call; 1 means the CRM has no batch calls and the connector sends one per customer. */
  maxBatch: number;
  /** A mutation replayed with the same key is applied once. Without: read back before resending. */
  idempotencyKeys: boolean;
  /** An edit names the version it was made against and a stale one is refused (a conflict for the user). */
  conditionalUpdates: boolean;
  /** `syncCustomers` / `syncLogs` read changes after a cursor. Without: a modified-since scan of the list. */
  changeCursor: boolean;
  /** Deleted customers can be restored. */
  restore: boolean;
  /** The CRM enforces the ownership and sharing rules itself (else only our pre-check does). */
  serverRules: boolean;
}

export interface CustomerQuery {
  q?: string;
  sort?: 'name' | '-name' | 'code' | 'updatedAt' | '-updatedAt' | 'id';
  page?: number;
  pageSize?: number;
  followed?: boolean;
  tag?: string;
  /** Only customers changed at or after this instant (ISO): the scan of a CRM with no change cursor. */
  updatedSince?: string;
  /** Only customers whose id sorts after this one (with sort 'id'): a scan's keyset, which no concurrent change shifts. */
  afterId?: string;
}

export interface LogQuery {
  types?: LogType[];
  from?: string;
  to?: string;
  /** seq: only entries older than this one. */
  before?: number;
  limit?: number;
}

export interface MutationOptions {
  /** The same key on every replay of one operation: a CRM with idempotency keys applies it once. */
  idempotencyKey?: string;
  /**
   * Tries in all inside the connector (backoff; Retry-After honoured). The outbox and the job runner
   * replay on their own schedule, so they ask for few here.
   */
  attempts?: number;
}

/** One single-customer operation as the outbox stores and replays it. */
export type CustomerOp =
  | { op: 'edit'; customerId: Id; version: number; changes: CustomerEdit }
  | { op: 'delete'; customerId: Id }
  | { op: 'restore'; customerId: Id }
  | { op: 'returnToPool'; customerId: Id; reason: string }
  | { op: 'pickUp'; customerId: Id }
  | { op: 'share'; customerId: Id; targets: ShareTargets }
  | { op: 'follow' | 'unfollow'; customerId: Id };

export type CustomerOpName = CustomerOp['op'];

/** One customer of a file delete as the CRM is asked: the row it came from, its number, chosen by the user. */
export interface PhoneOpRow {
  row: number;
  phone: string;
  chosen?: true;
}

/** One operation over many customers, as a job stores it; the customers come per chunk. */
export type BatchOp =
  | { op: 'share'; targets: ShareTargets }
  | { op: 'cancelShare'; all: boolean; targets?: ShareTargets }
  | { op: 'labels'; mode: 'set' | 'add'; tags: string[] }
  | { op: 'follow'; follow: boolean }
  | { op: 'delete' }
  /** Deleted customers back, within the CRM's restore window. */
  | { op: 'restore' }
  /**
   * The account executive or the customer service representative set to `to`; with `from`, only on a customer
   * whose field is still `from` (an undo never overwrites someone's later change).
   */
  | { op: 'reassign'; field: AssignmentField; to: Id | null; from?: Id | null }
  /** By id and number: deleted only while the customer still has the number (see the reference CRM). */
  | { op: 'deleteByPhone'; file?: string; rows: Record<Id, PhoneOpRow> };

export type BatchOpName = BatchOp['op'];

export interface CrmConnector {
  readonly capabilities: CrmCapabilities;

  // The user, the org directory (users, departments, roles, groups, pools: the rules' snapshot), tags
  me(): Promise<Me>;
  org(): Promise<Org>;
  tags(): Promise<string[]>;

  // Customers, logs and change records
  customer(id: Id): Promise<Customer>;
  customers(q?: CustomerQuery): Promise<CustomerPage>;
  customerIds(q?: Omit<CustomerQuery, 'page' | 'pageSize' | 'sort'>): Promise<{ ids: Id[]; total: number }>;
  customerLogs(id: Id, q?: LogQuery): Promise<LogPage>;
  logChanges(logId: Id): Promise<ChangeRecord[]>;
  follows(): Promise<Id[]>;
  pool(q?: { page?: number; pageSize?: number; q?: string }): Promise<PoolPage>;

  // Delta sync (when `capabilities.changeCursor`)
  syncCustomers(since: string, limit?: number): Promise<SyncCustomersPage>;
  syncLogs(since: string, limit?: number): Promise<SyncLogsPage>;

  // One customer
  editCustomer(id: Id, edit: CustomerEdit, version: number, o?: MutationOptions): Promise<Customer>;
  deleteCustomer(id: Id, o?: MutationOptions): Promise<void>;
  restoreCustomer(id: Id, o?: MutationOptions): Promise<Customer>;
  returnToPool(id: Id, reason: string, o?: MutationOptions): Promise<Customer>;
  pickUp(id: Id, o?: MutationOptions): Promise<Customer>;
  share(id: Id, targets: ShareTargets, o?: MutationOptions): Promise<Customer>;
  follow(id: Id, o?: MutationOptions): Promise<void>;
  unfollow(id: Id, o?: MutationOptions): Promise<void>;

  // Many customers (at most `capabilities.maxBatch` a call), answered per customer
  batchShare(ids: Id[], targets: ShareTargets, o?: MutationOptions): Promise<BatchResults>;
  batchCancelShare(ids: Id[], all: boolean, targets?: ShareTargets, o?: MutationOptions): Promise<BatchResults>;
  batchLabels(ids: Id[], mode: 'set' | 'add', tags: string[], o?: MutationOptions): Promise<BatchResults>;
  batchFollow(ids: Id[], follow: boolean, o?: MutationOptions): Promise<BatchResults>;
  batchDelete(ids: Id[], o?: MutationOptions): Promise<BatchResults>;
  batchDeleteByPhone(rows: ({ id: Id } & PhoneOpRow)[], file?: string, o?: MutationOptions): Promise<BatchResults>;
  batchRestore(ids: Id[], o?: MutationOptions): Promise<BatchResults>;
  /** A customer whose field is not `from` (when given) is answered 'changed_since' and left as it is. */
  batchReassign(ids: Id[], change: Reassignment, o?: MutationOptions): Promise<BatchResults>;

  /**
   * Sign-out: ends the session this connector acts in at the CRM, when the CRM has a way to (SuiteCRM: its
   * OAuth tokens are revoked). Absent: the CRM keeps the token (the reference CRM's API token is the user's own).
   */
  signOut?(): Promise<void>;
}

/** What a reassignment sets: the field, the person (null: nobody, for a CSR), and the value it must still have. */
export interface Reassignment {
  field: AssignmentField;
  to: Id | null;
  from?: Id | null;
}
