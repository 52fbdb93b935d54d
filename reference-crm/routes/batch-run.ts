// Runs one action over many customers in one transaction: one result per requested id, in request order.
import type { Customer, Id } from '../../lib/domain/types';
import { decide, type Action, type AskWhom, type RuleId } from '../../lib/rules';
import type { Repository } from '../db/repository';
import { refusalBody } from '../http/errors';
import { callerContext, known, NOT_FOUND, repoOf, type AppContext, type Deps } from './env';

export type BatchResult =
  | { id: Id; ok: true }
  | { id: Id; ok: false; error: { code: string; message: string; rule?: RuleId; ask?: AskWhom[] } };

/**
 * Checks each id (duplicate, unknown or not to be known by the caller, refused by the rules) and applies
 * `apply` to the allowed ones. `mayKnow` widens who may learn a customer exists (an unfollow of one that left the list).
 */
export function runBatch(
  c: AppContext,
  deps: Deps,
  ids: Id[],
  action: Action | null,
  apply: (tx: Repository, current: Customer, now: Date) => Promise<void>,
  mayKnow: (tx: Repository, current: Customer) => Promise<boolean> = async () => false,
): Promise<BatchResult[]> {
  const now = deps.now();
  return repoOf(c).transaction(async (direct) => {
    // The batch's customers and log entries are written together at the end, in request order.
    const { tx, flush } = direct.buffered();
    const ctx = await callerContext(c, tx);
    // Read (and in PostgreSQL lock) them all at once, in id order, so that two batches never wait on each other in a circle.
    const customers = await tx.customers(ids, true);
    const firstIndex = new Map<Id, number>();
    const results: BatchResult[] = [];
    for (const [index, id] of ids.entries()) {
      const first = firstIndex.get(id);
      if (first !== undefined) {
        results.push({ id, ok: false, error: { code: 'duplicate', message: `customer ${id} is already item ${first} of this request` } });
        continue;
      }
      firstIndex.set(id, index);
      const current = customers.get(id);
      if (!current || !(known(ctx, current, action, now) || (await mayKnow(tx, current)))) {
        results.push({ id, ok: false, error: { code: 'not_found', message: NOT_FOUND(id) } });
        continue;
      }
      if (action) {
        const decision = decide(ctx, current, action, now);
        if (!decision.allowed) {
          const { code, message, rule, ask } = refusalBody(decision);
          results.push({ id, ok: false, error: { code, message, rule, ask } });
          continue;
        }
      }
      await apply(tx, current, now);
      results.push({ id, ok: true });
    }
    await flush();
    return results;
  });
}
