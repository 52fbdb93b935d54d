import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Customer, Id } from '../../lib/domain/types';
import { decide, type Action, type UserContext } from '../../lib/rules';
import type { Caller } from '../auth';
import { forbidden, notFound } from '../http/errors';
import type { CrmStore } from '../store';

export type AppEnv = { Bindings: Partial<HttpBindings>; Variables: { caller: Caller } };
export type AppContext = Context<AppEnv>;

export interface Deps {
  store: CrmStore;
  now: () => Date;
}

export function callerId(c: AppContext): Id {
  return c.get('caller').user.id;
}

export function callerContext(c: AppContext, deps: Deps): UserContext {
  return deps.store.context(callerId(c));
}

/** The customer the caller may view, or 404 (403 is not used for reads). */
export function viewable(c: AppContext, deps: Deps, id: Id): Customer {
  const customer = deps.store.customer(id);
  if (!customer || !decide(callerContext(c, deps), customer, 'view', deps.now()).allowed) {
    throw notFound(`customer ${id}: not found`);
  }
  return customer;
}

/**
 * Whether the caller may learn that the customer exists: it is in their list, or would be were it not
 * deleted (so whoever had it is told it is deleted), or — for a return to the pool only — they administer
 * its pool. Anyone else is answered exactly as for an id that does not exist.
 */
export function known(ctx: UserContext, customer: Customer, action: Action | null, now: Date): boolean {
  const live = customer.deletedAt ? { ...customer, deletedAt: null } : customer;
  if (decide(ctx, live, 'view', now).allowed) return true;
  return action === 'returnToPool' && customer.poolId !== null && ctx.administeredPoolIds.has(customer.poolId);
}

export const NOT_FOUND = (id: Id) => `customer ${id}: not found`;

/** The customer the caller may act on: 404 when it does not exist or the caller may not know of it, 403 naming the rule when refused. */
export function permitted(c: AppContext, deps: Deps, id: Id, action: Action): Customer {
  const customer = deps.store.customer(id);
  const ctx = callerContext(c, deps);
  const now = deps.now();
  if (!customer || !known(ctx, customer, action, now)) throw notFound(NOT_FOUND(id));
  const decision = decide(ctx, customer, action, now);
  if (!decision.allowed) throw forbidden(decision);
  return customer;
}

/** The customer after a change: version + 1, updatedAt now. */
export function bumped(c: Customer, patch: Partial<Customer>, now: Date): Customer {
  return { ...c, ...patch, version: c.version + 1, updatedAt: now.toISOString() };
}
