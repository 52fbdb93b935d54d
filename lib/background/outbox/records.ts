// What the outbox writes to Dexie when an action is answered: each in one transaction.
import type { Customer } from '../../domain/types';
import type { UserContext } from '../../rules/types';
import type { CrmxDb } from '../store/db';
import { applyAnswer, type OutboxEntry } from './actions';

/** Actions still to send, in creation order (ids sort by time). */
export async function openEntries(db: CrmxDb): Promise<OutboxEntry[]> {
  return (await db.outbox.where('status').anyOf(['pending', 'sending']).sortBy('id')) as OutboxEntry[];
}

export async function pendingCounts(db: CrmxDb): Promise<{ count: number; conflicts: number }> {
  const [count, conflicts] = await Promise.all([db.outbox.where('status').anyOf(['pending', 'sending']).count(), db.conflicts.count()]);
  return { count, conflicts };
}

/** The CRM did it: its answer goes to the cache and the action leaves the outbox. */
export async function recordApplied(db: CrmxDb, entry: OutboxEntry, answer: unknown, ctx: UserContext | null): Promise<Customer | null> {
  return db.transaction('rw', db.outbox, db.customers, db.follows, async () => {
    const customer = await applyAnswer(db, entry, answer, ctx);
    await db.outbox.delete(entry.id);
    if (entry.action === 'edit' && customer) await rebaseLaterEdits(db, entry, customer);
    return customer;
  });
}

/**
 * My later edits of the same customer were made against the version this edit replaced (offline, the
 * UI only knew that one): they follow from mine, so they go against the version the CRM just answered
 * instead of conflicting with myself. Not sent yet (the outbox sends in order), so nothing is replayed.
 */
async function rebaseLaterEdits(db: CrmxDb, entry: OutboxEntry, answered: Customer): Promise<void> {
  await db.outbox.where('status').equals('pending')
    .filter((row) => {
      const later = row as OutboxEntry;
      return later.customerId === entry.customerId && later.action === 'edit' && later.ifMatch === entry.ifMatch && later.id > entry.id;
    })
    .modify({ ifMatch: String(answered.version) });
}

/** A stale edit (412): mine and theirs side by side for the user; their version goes to the cache. */
export async function recordConflict(db: CrmxDb, entry: OutboxEntry, current: Customer, at: Date): Promise<string> {
  const conflictId = `cf-${entry.id}`;
  await db.transaction('rw', db.outbox, db.conflicts, db.customers, async () => {
    await db.conflicts.put({ id: conflictId, customerId: entry.customerId, createdAt: at.toISOString(), mine: entry.body as Record<string, unknown>, current });
    await db.customers.put(current);
    await db.outbox.delete(entry.id);
  });
  return conflictId;
}
