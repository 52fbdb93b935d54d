// The background's view of the connection: the client for the configured CRM and token, the signed-in
// user and the org, refreshed from the CRM and served from Dexie when it cannot be reached.
import type { Org } from '../domain/types';
import { CrmClient } from '../crm-client/client';
import { CrmError } from '../crm-client/errors';
import type { Me } from '../crm-client/schemas';
import { userContext, type UserContext } from '../rules/index';
import type { CrmxDb } from './store/db';
import { readMe, readOrg, readToken, writeMe, writeOrg } from './store/session';

export const ORG_MAX_AGE_MS = 10 * 60_000;

export interface ConnectionDeps {
  db: CrmxDb;
  getCrmOrigin(): Promise<string | null>;
  makeClient(baseUrl: string, token: string): CrmClient;
  now?: () => Date;
}

export interface Connection {
  origin: string;
  client: CrmClient;
}

export interface Acting {
  me: Me;
  org: Org;
  ctx: UserContext;
  /** True when the CRM could not be reached and cached data was used. */
  offline: boolean;
}

export function createConnection(deps: ConnectionDeps) {
  const now = deps.now ?? (() => new Date());
  let memo: { key: string; ctx: UserContext } | null = null;

  async function current(): Promise<Connection> {
    const [origin, token] = await Promise.all([deps.getCrmOrigin(), readToken(deps.db)]);
    if (!origin || !token) {
      throw new CrmError({ code: 'not_connected', message: 'Not connected to a CRM yet: connect in the extension\'s options' });
    }
    return { origin, client: deps.makeClient(origin, token) };
  }

  /** Fetches `me` from the CRM (stored), or the stored one when the CRM cannot be reached. */
  async function me(client: CrmClient): Promise<{ me: Me; offline: boolean }> {
    try {
      const fresh = await client.me();
      await writeMe(deps.db, fresh);
      return { me: fresh, offline: false };
    } catch (error) {
      const cached = error instanceof CrmError && error.unreachable ? await readMe(deps.db) : null;
      if (!cached) throw error;
      return { me: cached, offline: true };
    }
  }

  async function org(client: CrmClient, force = false): Promise<{ org: Org; fetchedAt: string; offline: boolean }> {
    const cached = await readOrg(deps.db);
    const fresh = cached && now().getTime() - Date.parse(cached.fetchedAt) < ORG_MAX_AGE_MS;
    if (cached && fresh && !force) return { org: cached.org, fetchedAt: cached.fetchedAt, offline: false };
    try {
      const fetched = await client.org();
      const at = now();
      await writeOrg(deps.db, fetched, at);
      return { org: fetched, fetchedAt: at.toISOString(), offline: false };
    } catch (error) {
      if (cached && error instanceof CrmError && error.unreachable) return { org: cached.org, fetchedAt: cached.fetchedAt, offline: true };
      throw error;
    }
  }

  /** Who acts and what the rules say they may do; the stored user is trusted until the next connect. */
  async function acting(client: CrmClient): Promise<Acting> {
    const stored = await readMe(deps.db);
    const who = stored ? { me: stored, offline: false } : await me(client);
    const o = await org(client);
    const key = `${o.fetchedAt}|${who.me.user.id}`;
    if (memo?.key !== key) memo = { key, ctx: userContext(o.org, who.me.user.id) };
    return { me: who.me, org: o.org, ctx: memo.ctx, offline: who.offline || o.offline };
  }

  return { current, me, org, acting };
}

export type ConnectionService = ReturnType<typeof createConnection>;
