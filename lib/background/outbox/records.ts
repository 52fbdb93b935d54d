// What the outbox writes to Dexie when an action is answered: each in one transaction.
import type { Customer } from '../../domain/types';
import type { UserContext } from '../../rules/types';
import type { CrmxDb, OutboxRow } from '../store/db';
import { applyAnswer } from './actions';

/** Actions still to send, in creation order (ids sort by time). */
export async function openEntries(db: CrmxDb): Promise<OutboxRow[]> {
  return db.outbox.where('status').anyOf(['pending', 'sending']).sortBy('id');
}

export async function pendingCounts(db: CrmxDb): Promise<{ count: number; conflicts: number }> {
  const [count, conflicts] = await Promise.all([db.outbox.where('status').anyOf(['pending', 'sending']).count(), db.conflicts.count()]);
  return { count, conflicts };
}

/** The CRM did it: its answer goes to the cache and the action leaves the outbox. */
export async function recordApplied(db: CrmxDb, entry: OutboxRow, answer: Customer | null, ctx: UserContext | null): Promise<Customer | null> {
  return db.transaction('rw', db.outbox, db.customers, db.follows, async () => {
    const customer = await applyAnswer(db, entry, answer, ctx);
    await db.outbox.delete(entry.id);
    if (entry.op.op === 'edit' && customer) await rebaseLaterEdits(db, entry.op.version, entry, customer);
    return customer;
  });
}

/**
 * My later edits of the same customer were made against the version this edit replaced (offline, the
 * UI only knew that one): they follow from mine, so they go against the version the CRM just answered
 * instead of conflicting with myself. Not sent yet (the outbox sends in order), so nothing is replayed.
 */
async function rebaseLaterEdits(db: CrmxDb, madeAgainst: number, entry: OutboxRow, answered: Customer): Promise<void> {
  await db.outbox.where('status').equals('pending')
    .filter((later) => later.op.op === 'edit' && later.op.customerId === entry.op.customerId
      && later.op.version === madeAgainst && later.id > entry.id)
    .modify((later) => {
      if (later.op.op === 'edit') later.op = { ...later.op, version: answered.version };
    });
}

/** A stale edit (412): mine and theirs side by side for the user; their version goes to the cache. */
export async function recordConflict(db: CrmxDb, entry: OutboxRow, current: Customer, at: Date): Promise<string> {
  const conflictId = `cf-${entry.id}`;
  const mine = entry.op.op === 'edit' ? entry.op.changes : {};
  await db.transaction('rw', db.outbox, db.conflicts, db.customers, async () => {
    await db.conflicts.put({ id: conflictId, customerId: entry.op.customerId, createdAt: at.toISOString(), mine, current });
    await db.customers.put(current);
    await db.outbox.delete(entry.id);
  });
  return conflictId;
}
