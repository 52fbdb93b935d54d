// The pool: which customers a user may pick up (become the account executive of). decide(…, 'pickUp') names
// the rule; pickableIds() is the same answer over many customers, for the pool view's list.
import type { Customer, Id } from '../domain/types';
import type { UserContext } from './types';

/**
 * Ids of the live customers without an account executive that the user may pick up, in input order: those of
 * pools the user is a member or an administrator of; every pool's for administrators.
 * properties.test.ts checks it agrees with decide(…, 'pickUp').
 */
export function pickableIds(ctx: UserContext, customers: Iterable<Customer>): Id[] {
  const ids: Id[] = [];
  if (!ctx.known) return ids;
  for (const c of customers) {
    if (c.deletedAt || c.aeId !== null) continue;
    const poolId = c.poolId;
    if (ctx.isAdmin || (poolId !== null && (ctx.memberPoolIds.has(poolId) || ctx.administeredPoolIds.has(poolId)))) ids.push(c.id);
  }
  return ids;
}

/** Ids of the pools the user may pick up from, in the org's order (every pool for administrators). */
export function pickUpPoolIds(ctx: UserContext, poolIds: readonly Id[]): Id[] {
  if (!ctx.known) return [];
  return poolIds.filter((id) => ctx.isAdmin || ctx.memberPoolIds.has(id) || ctx.administeredPoolIds.has(id));
}
