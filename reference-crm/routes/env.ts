import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Customer, Id } from '../../lib/domain/types';
import { decide, type Action, type UserContext } from '../../lib/rules';
import type { Caller } from '../auth';
import { forbidden, notFound } from '../http/errors';
import type { Repository } from '../db/repository';

/** `repo`: the repository this request works with — inside the request's transaction when it has an Idempotency-Key. */
export type AppEnv = { Bindings: Partial<HttpBindings>; Variables: { caller: Caller; repo: Repository } };
export type AppContext = Context<AppEnv>;

export interface Deps {
  now: () => Date;
}

export function repoOf(c: AppContext): Repository {
  return c.get('repo');
}

export function callerId(c: AppContext): Id {
  return c.get('caller').user.id;
}

/** The rules' facts about the caller, read through `repo` (the transaction's, inside one). */
export function callerContext(c: AppContext, repo: Repository = repoOf(c)): Promise<UserContext> {
  return repo.context(callerId(c));
}

/** The customer the caller may view, or 404 (403 is not used for reads). */
export async function viewable(c: AppContext, deps: Deps, id: Id): Promise<Customer> {
  const customer = await repoOf(c).customer(id);
  if (!customer || !decide(await callerContext(c), customer, 'view', deps.now()).allowed) {
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

/**
 * The customer the caller may act on, read (and in PostgreSQL locked) in the transaction `tx`: 404 when it does not
 * exist or the caller may not know of it, 403 naming the rule when refused.
 */
export async function permitted(c: AppContext, deps: Deps, tx: Repository, id: Id, action: Action): Promise<Customer> {
  const customer = await tx.customer(id, true);
  const ctx = await callerContext(c, tx);
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
