// Runs one action over many customers in one transaction: one result per requested id, in request order.
import type { Customer, Id } from '../../lib/domain/types';
import { decide, type Action, type AskWhom, type Decision, type RuleId, type UserContext } from '../../lib/rules';
import { refusalBody } from '../http/errors';
import type { Tx } from '../store';
import { callerContext, known, NOT_FOUND, type AppContext, type Deps } from './env';

export type BatchResult =
  | { id: Id; ok: true }
  | { id: Id; ok: false; error: { code: string; message: string; rule?: RuleId; ask?: AskWhom[] } };

/** A customer `apply` leaves as it is, answered with this error (e.g. changed since the caller looked). */
export type ItemError = { code: string; message: string };

/**
 * Checks each id (duplicate, unknown or not to be known by the caller, refused by the rules) and applies
 * `apply` to the allowed ones. `mayKnow` widens who may learn a customer exists (an unfollow of one that left the list).
 * `decideOne` replaces the plain decision on `action` where the rules need more than the action (a reassignment).
 */
export function runBatch(
  c: AppContext,
  deps: Deps,
  ids: Id[],
  action: Action | null,
  apply: (tx: Tx, current: Customer, now: Date) => void | ItemError,
  mayKnow: (current: Customer) => boolean = () => false,
  decideOne: (ctx: UserContext, current: Customer, now: Date) => Decision = (ctx, current, now) => decide(ctx, current, action!, now),
): BatchResult[] {
  const ctx = callerContext(c, deps);
  const now = deps.now();
  const firstIndex = new Map<Id, number>();
  return deps.store.transact((tx) =>
    ids.map((id, index): BatchResult => {
      const first = firstIndex.get(id);
      if (first !== undefined) {
        return { id, ok: false, error: { code: 'duplicate', message: `customer ${id} is already item ${first} of this request` } };
      }
      firstIndex.set(id, index);
      const current = deps.store.customer(id);
      if (!current || !(known(ctx, current, action, now) || mayKnow(current))) {
        return { id, ok: false, error: { code: 'not_found', message: NOT_FOUND(id) } };
      }
      if (action) {
        const decision = decideOne(ctx, current, now);
        if (!decision.allowed) {
          const { code, message, rule, ask } = refusalBody(decision);
          return { id, ok: false, error: { code, message, rule, ask } };
        }
      }
      const refused = apply(tx, current, now);
      return refused ? { id, ok: false, error: refused } : { id, ok: true };
    }),
  );
}
