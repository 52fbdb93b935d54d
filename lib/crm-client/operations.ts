// Stored operations carried out through any connector, and how to tell from a read-back whether one
// already took effect (for a CRM without idempotency keys, where resending would do it twice). Pure.
import type { Customer, Id, ShareTargets } from '../domain/types';
import type { BatchOp, CrmConnector, CustomerOp, MutationOptions } from './connector';
import { CrmError } from './errors';
import type { BatchResults } from './schemas';

/** Carries out one single-customer operation; answers the customer as the CRM has it now, or null. */
export async function perform(crm: CrmConnector, op: CustomerOp, o: MutationOptions): Promise<Customer | null> {
  const id = op.customerId;
  switch (op.op) {
    case 'edit': return crm.editCustomer(id, op.changes, op.version, o);
    case 'delete': await crm.deleteCustomer(id, o); return null;
    case 'restore': return crm.restoreCustomer(id, o);
    case 'returnToPool': return crm.returnToPool(id, op.reason, o);
    case 'pickUp': return crm.pickUp(id, o);
    case 'share': return crm.share(id, op.targets, o);
    case 'follow': await crm.follow(id, o); return null;
    case 'unfollow': await crm.unfollow(id, o); return null;
  }
}

/** Carries out a batch operation over some customers (at most the connector's maxBatch); answered per customer. */
export function performBatch(crm: CrmConnector, op: BatchOp, ids: Id[], o: MutationOptions): Promise<BatchResults> {
  switch (op.op) {
    case 'share': return crm.batchShare(ids, op.targets, o);
    case 'cancelShare': return crm.batchCancelShare(ids, op.all, op.targets, o);
    case 'labels': return crm.batchLabels(ids, op.mode, op.tags, o);
    case 'follow': return crm.batchFollow(ids, op.follow, o);
    case 'delete': return crm.batchDelete(ids, o);
    case 'deleteByPhone': return crm.batchDeleteByPhone(ids.map((id) => ({ id, ...op.rows[id] })), op.file, o);
    case 'restore': return crm.batchRestore(ids, o);
    case 'reassign': return crm.batchReassign(ids, { field: op.field, to: op.to, ...(op.from !== undefined ? { from: op.from } : {}) }, o);
  }
}

/** The customer as the CRM shows it to the user now, or null when it shows it no more (deleted, or not theirs). */
export function customerOrNull(crm: Pick<CrmConnector, 'customer'>, id: Id): Promise<Customer | null> {
  return crm.customer(id).catch((error: unknown) => {
    if (error instanceof CrmError && error.code === 'not_found') return null;
    throw error;
  });
}

/** A customer as read back: null when the CRM no longer shows it to the user (deleted, or left their list). */
export interface ReadBack {
  customer: Customer | null;
  followed: boolean;
  /** Who acts: a pick up took effect when they are the account executive. */
  userId: Id;
}

const hasAll = (have: ShareTargets, want: ShareTargets) =>
  want.departmentIds.every((id) => have.departmentIds.includes(id))
  && want.roleIds.every((id) => have.roleIds.includes(id))
  && want.userIds.every((id) => have.userIds.includes(id));

const hasNone = (have: ShareTargets, gone: ShareTargets) =>
  !gone.departmentIds.some((id) => have.departmentIds.includes(id))
  && !gone.roleIds.some((id) => have.roleIds.includes(id))
  && !gone.userIds.some((id) => have.userIds.includes(id));

const gone = (c: Customer | null) => c === null || c.deletedAt !== null;

/** True when the customer as read back already shows the operation's effect. */
export function showsEffect(op: CustomerOp, now: ReadBack): boolean {
  const c = now.customer;
  switch (op.op) {
    case 'edit':
      // Versions are compared for equality only: some CRMs' versions are hashes of the content.
      return c !== null && c.version !== op.version
        && Object.entries(op.changes).every(([field, value]) => c[field as keyof Customer] === value);
    case 'delete': return gone(c);
    case 'restore': return !gone(c);
    // Returned: no account executive any more, or no longer in the user's list at all.
    case 'returnToPool': return c === null || c.aeId === null;
    case 'pickUp': return c !== null && c.aeId === now.userId;
    case 'share': return c !== null && hasAll(c.shares, op.targets);
    case 'follow': return now.followed;
    case 'unfollow': return !now.followed;
  }
}

/** True when one customer of a batch operation already shows its effect. */
export function batchShowsEffect(op: BatchOp, now: Omit<ReadBack, 'userId'>): boolean {
  const c = now.customer;
  switch (op.op) {
    case 'share': return c !== null && hasAll(c.shares, op.targets);
    case 'cancelShare':
      if (c === null) return false;
      return op.all
        ? c.shares.departmentIds.length + c.shares.roleIds.length + c.shares.userIds.length === 0
        : op.targets !== undefined && hasNone(c.shares, op.targets);
    case 'labels':
      if (c === null) return false;
      return op.mode === 'add'
        ? op.tags.every((tag) => c.tags.includes(tag))
        : c.tags.length === new Set(op.tags).size && op.tags.every((tag) => c.tags.includes(tag));
    case 'follow': return now.followed === op.follow;
    case 'delete':
    case 'deleteByPhone': return gone(c);
    case 'restore': return !gone(c);
    case 'reassign': return c !== null && c[op.field] === op.to;
  }
}
