// The single-customer operations that go through the outbox: which rule gates each, and what the CRM's
// answer does to the cache.
import type { Customer } from '../../domain/types';
import type { CustomerOp, CustomerOpName } from '../../crm-client/connector';
import { listedIds } from '../../rules/index';
import type { Action, UserContext } from '../../rules/types';
import type { CrmxDb, OutboxRow } from '../store/db';
import { setFollowed } from '../store/session';

export type { CustomerOp };

/** The rules action that must allow it. Unfollow needs no right (a star can always be removed). */
export function ruleActionOf(op: CustomerOpName): Action | null {
  switch (op) {
    case 'unfollow': return null;
    default: return op;
  }
}

/**
 * Writes the CRM's answer to the cache (inside the caller's transaction) and returns the customer it
 * answered, or null. A customer that left the user's list leaves the cache.
 */
export async function applyAnswer(db: CrmxDb, entry: OutboxRow, answer: Customer | null, ctx: UserContext | null): Promise<Customer | null> {
  const { op } = entry;
  switch (op.op) {
    case 'delete':
      await db.customers.delete(op.customerId);
      return null;
    case 'follow':
    case 'unfollow':
      await setFollowed(db, op.customerId, op.op === 'follow');
      return null;
    default: {
      if (!answer) {
        // Read back from a CRM that no longer shows it to the user (a return to the pool).
        await db.customers.delete(op.customerId);
        return null;
      }
      const stillListed = ctx === null || answer.deletedAt === null && listedIds(ctx, [answer]).length === 1;
      if (stillListed) await db.customers.put(answer);
      else await db.customers.delete(answer.id);
      return answer;
    }
  }
}
