// What every SuiteCRM test file uses: the seeded org, a token per user (signed in once per file, after the
// reset), and calls to the package's routes and to V8.
import { inject } from 'vitest';
import { SuiteCrmConnector } from '../../lib/crm-client/suitecrm/connector';
import type { TokenSource } from '../../lib/crm-client/suitecrm/v8';
import { call, token, ROUTES, type Answer } from './client';
import type { SeedAccount, UserKey } from './seed';

export const env = inject('suitecrm');
export const seed = env.seed;
export const client = seed.client;

const tokens = new Map<string, Promise<string>>();
/** An access token for a seeded user ('admin' = the site's administrator). */
export function tokenOf(who: UserKey | 'admin'): Promise<string> {
  const u = who === 'admin' ? seed.admin : seed.users[who];
  let t = tokens.get(who);
  if (!t) {
    t = token(client, u.userName, u.password);
    tokens.set(who, t);
  }
  return t;
}

/** The overlay's SuiteCRM connector acting as a seeded user, on that user's test token (it never expires here). */
export function connectorAs(who: UserKey | 'admin'): SuiteCrmConnector {
  const tokens: TokenSource = {
    access: () => tokenOf(who),
    refresh: () => Promise.reject(new Error('a test token does not expire')),
  };
  return new SuiteCrmConnector({ baseUrl: client.url, tokens });
}

/** A call to /Api/V8/custom/crm-overlay/<path> as `who` (null: without a token). */
export async function route<T = any>(who: UserKey | 'admin' | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  return call<T>(client, who ? await tokenOf(who) : null, method, ROUTES + path, body);
}

/** A call to SuiteCRM's own V8 API as `who`. */
export async function v8<T = any>(who: UserKey | 'admin', method: string, path: string, body?: unknown): Promise<Answer<T>> {
  return call<T>(client, await tokenOf(who), method, path, body);
}

/** Seeded accounts matching a test's needs; `skip` lets files pick different ones. */
export function accountsWhere(pred: (a: SeedAccount) => boolean): SeedAccount[] {
  return seed.accounts.filter(pred);
}

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
