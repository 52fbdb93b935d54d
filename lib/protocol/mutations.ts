// Protocol area: single-customer actions through the outbox, pending actions and conflicts.
// Handlers: lib/background/handlers/mutations.ts.
import * as v from 'valibot';
import { EDITABLE_FIELDS, type Customer, type CustomerEdit, type Id, type ShareTargets } from '../domain/types';
import type { RuleId } from '../rules/types';
import type { CustomerLabel } from './jobs';
import type { Reply, SenderKind } from './messages';

/** applied: the CRM did it; queued: the CRM can't be reached, it waits in the outbox; conflict: 412. */
export type MutationOutcome =
  | { outcome: 'applied'; customer: Customer | null }
  | { outcome: 'queued'; outboxId: string }
  | { outcome: 'conflict'; conflictId: string; current: Customer };

export interface PendingAction {
  id: string;
  customerId: Id | null;
  /** 'edit' | 'delete' | 'restore' | 'returnToPool' | 'share' | 'follow' | 'unfollow' */
  action: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  /** pending/sending: waits for the CRM; failed: the CRM refused it on replay (lastError says why). */
  status?: 'pending' | 'sending' | 'failed';
  /** Who the customer is, from the cache (null: not cached), so the list names them. */
  customer?: CustomerLabel | null;
  /** Why it was not sent, as the UI words it (lastError is for developers, never shown). */
  error?: { code: string; rule?: RuleId } | null;
}

export interface ConflictView {
  id: string;
  customerId: Id;
  createdAt: string;
  mine: CustomerEdit;
  theirs: Customer;
}

export interface MutationProtocol {
  editCustomer(request: { id: Id; version: number; changes: CustomerEdit }): Reply<MutationOutcome>;
  deleteCustomer(request: { id: Id }): Reply<MutationOutcome>;
  restoreCustomer(request: { id: Id }): Reply<MutationOutcome>;
  returnToPool(request: { id: Id; reason: string }): Reply<MutationOutcome>;
  shareCustomer(request: { id: Id; targets: ShareTargets }): Reply<MutationOutcome>;
  getPending(): Reply<{ actions: PendingAction[]; conflicts: ConflictView[] }>;
  /** mine: re-apply my changes over theirs (new version); theirs: drop mine. */
  resolveConflict(request: { id: string; keep: 'mine' | 'theirs' }): Reply<MutationOutcome | null>;
  /** Removes a failed action from the list (a pending one cannot be dismissed). */
  dismissPending(request: { id: string }): Reply<null>;
}

export const MUTATION_SENDER_KINDS: Record<keyof MutationProtocol, SenderKind> = {
  editCustomer: 'crm-page',
  deleteCustomer: 'crm-page',
  restoreCustomer: 'crm-page',
  returnToPool: 'crm-page',
  shareCustomer: 'crm-page',
  getPending: 'crm-page',
  resolveConflict: 'crm-page',
  dismissPending: 'crm-page',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));
const Ids = v.pipe(v.array(Id), v.maxLength(1000, 'at most 1000 ids'));
export const ShareTargetsSchema = v.object({ departmentIds: Ids, roleIds: Ids, userIds: Ids });
const EditSchema = v.pipe(
  v.record(v.picklist(EDITABLE_FIELDS, 'not an editable field'), v.nullable(v.pipe(v.string(), v.maxLength(500)))),
  v.check((changes) => Object.keys(changes).length > 0, 'no changes'),
) as v.GenericSchema<unknown, CustomerEdit>;

export const MUTATION_SCHEMAS: { [K in keyof MutationProtocol]: v.GenericSchema<unknown, Parameters<MutationProtocol[K]>[0]> } = {
  editCustomer: v.object({ id: Id, version: v.pipe(v.number(), v.integer(), v.minValue(0)), changes: EditSchema }),
  deleteCustomer: v.object({ id: Id }),
  restoreCustomer: v.object({ id: Id }),
  returnToPool: v.object({ id: Id, reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'a reason is required'), v.maxLength(1000)) }),
  shareCustomer: v.object({ id: Id, targets: ShareTargetsSchema }),
  getPending: v.undefined(),
  resolveConflict: v.object({ id: Id, keep: v.picklist(['mine', 'theirs']) }),
  dismissPending: v.object({ id: Id }),
};
