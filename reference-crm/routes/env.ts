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

/** The customer the caller may act on: 404 when it does not exist, 403 naming the rule when refused. */
export function permitted(c: AppContext, deps: Deps, id: Id, action: Action): Customer {
  const customer = deps.store.customer(id);
  if (!customer) throw notFound(`customer ${id}: not found`);
  const decision = decide(callerContext(c, deps), customer, action, deps.now());
  if (!decision.allowed) throw forbidden(decision);
  return customer;
}

/** The customer after a change: version + 1, updatedAt now. */
export function bumped(c: Customer, patch: Partial<Customer>, now: Date): Customer {
  return { ...c, ...patch, version: c.version + 1, updatedAt: now.toISOString() };
}
