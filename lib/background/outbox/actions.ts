// The single-customer actions that go through the outbox: which rule gates each, the CRM call it
// becomes, and what its answer does to the cache.
import type { Customer, CustomerEdit, Id, ShareTargets } from '../../domain/types';
import { listedIds } from '../../rules/index';
import type { Action, UserContext } from '../../rules/types';
import type { CrmxDb, OutboxRow } from '../store/db';
import { setFollowed } from '../store/session';
import type { MutationMethod } from './send';

export type OutboxAction =
  | { action: 'edit'; id: Id; version: number; changes: CustomerEdit }
  | { action: 'delete'; id: Id }
  | { action: 'restore'; id: Id }
  | { action: 'returnToPool'; id: Id; reason: string }
  | { action: 'pickUp'; id: Id }
  | { action: 'share'; id: Id; targets: ShareTargets }
  | { action: 'follow' | 'unfollow'; id: Id };

export type OutboxActionName = OutboxAction['action'];

/**
 * An outbox row with what it is about (stored beside the store's OutboxRow fields). `actor` is
 * "<CRM origin>|<user id>" of whoever made it: it is never sent as anyone else.
 */
export type OutboxEntry = OutboxRow & { customerId: Id; action: OutboxActionName; actor?: string };

/** The rules action that must allow it. Unfollow needs no right (a star can always be removed). */
export function ruleActionOf(action: OutboxActionName): Action | null {
  switch (action) {
    case 'unfollow': return null;
    default: return action;
  }
}

export interface OutboxRequest {
  method: MutationMethod;
  path: string;
  body: unknown;
  ifMatch?: string;
}

export function requestOf(a: OutboxAction): OutboxRequest {
  const at = `/customers/${encodeURIComponent(a.id)}`;
  switch (a.action) {
    case 'edit': return { method: 'PATCH', path: at, body: a.changes, ifMatch: String(a.version) };
    case 'delete': return { method: 'DELETE', path: at, body: undefined };
    case 'restore': return { method: 'POST', path: `${at}/restore`, body: {} };
    case 'returnToPool': return { method: 'POST', path: `${at}/return-to-pool`, body: { reason: a.reason } };
    case 'pickUp': return { method: 'POST', path: `${at}/pick-up`, body: {} };
    case 'share': return { method: 'POST', path: `${at}/share`, body: a.targets };
    case 'follow': return { method: 'PUT', path: `/follows/${encodeURIComponent(a.id)}`, body: undefined };
    case 'unfollow': return { method: 'DELETE', path: `/follows/${encodeURIComponent(a.id)}`, body: undefined };
  }
}

function isCustomer(answer: unknown): answer is Customer {
  return typeof answer === 'object' && answer !== null && typeof (answer as Customer).id === 'string'
    && typeof (answer as Customer).version === 'number';
}

/**
 * Writes the CRM's answer to the cache (inside the caller's transaction) and returns the customer it
 * answered, or null. A customer that left the user's list leaves the cache.
 */
export async function applyAnswer(db: CrmxDb, entry: OutboxEntry, answer: unknown, ctx: UserContext | null): Promise<Customer | null> {
  switch (entry.action) {
    case 'delete':
      await db.customers.delete(entry.customerId);
      return null;
    case 'follow':
    case 'unfollow':
      await setFollowed(db, entry.customerId, entry.action === 'follow');
      return null;
    default: {
      if (!isCustomer(answer)) return null;
      const stillListed = ctx === null || answer.deletedAt === null && listedIds(ctx, [answer]).length === 1;
      if (stillListed) await db.customers.put(answer);
      else await db.customers.delete(answer.id);
      return answer;
    }
  }
}
