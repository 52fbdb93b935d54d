// The low-level call the outbox and the job runner make: the client's `send` (a method, a path, a body,
// the caller's idempotency key on every try, If-Match for edits), and what counts as "try again later".
import type { CrmClient, SendOptions } from '../../crm-client/client';
import { CrmError } from '../../crm-client/errors';
import { isRetryable } from '../../crm-client/retry';

export type { SendOptions };
export type MutationMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Send = (method: MutationMethod, path: string, body: unknown, options: SendOptions) => Promise<unknown>;

/**
 * `attempts`: tries per call inside the client (backoff with jitter, 429 honours Retry-After) before the
 * caller keeps the work for its own replay with the same key.
 */
export function sendVia(client: CrmClient, attempts: number): Send {
  return (method, path, body, options) => client.send(method, path, body, { attempts, ...options });
}

/** True when the CRM gave no usable answer (unreachable, 5xx, 429) or there is no connection yet: try later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof CrmError && error.code === 'not_connected') return true;
  return isRetryable(error);
}
