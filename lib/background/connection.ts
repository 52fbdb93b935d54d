// The background's one connection: the connector for the configured CRM and token (one per origin and
// token, observed so a successful call can wake the outbox and the jobs), the signed-in user and the org,
// refreshed from the CRM and served from Dexie when it cannot be reached.
import type { Org } from '../domain/types';
import type { CrmConnector } from '../crm-client/connector';
import { CrmError } from '../crm-client/errors';
import type { Me } from '../crm-client/schemas';
import { userContext, type UserContext } from '../rules/index';
import type { CrmxDb } from './store/db';
import { clearSession, readMe, readOrg, readToken, writeMe, writeOrg, writeToken } from './store/session';

export const ORG_MAX_AGE_MS = 10 * 60_000;

export interface ConnectionDeps {
  db: CrmxDb;
  getCrmOrigin(): Promise<string | null>;
  setCrmOrigin(origin: string): Promise<void>;
  /** The connector for the CRM at `baseUrl`, acting with `token`. */
  makeConnector(baseUrl: string, token: string): CrmConnector;
  /** After any call to the CRM that got an answer (it answers again). */
  onAnswered?(): void;
  now?: () => Date;
}

export interface Connection {
  origin: string;
  crm: CrmConnector;
}

export interface Acting {
  me: Me;
  org: Org;
  ctx: UserContext;
  /** True when the CRM could not be reached and cached data was used. */
  offline: boolean;
}

/**
 * A connector that runs `onAnswering` (without waiting for it) when a call gets an answer after the CRM
 * could not be reached, or for the first time: the moment waiting work can go. Not on every answer: a job
 * makes a call per customer on a CRM without batch calls.
 */
function observed(crm: CrmConnector, onAnswering: () => void): CrmConnector {
  let answering = false;
  return new Proxy(crm, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) {
          result.then(() => {
            if (answering) return;
            answering = true;
            onAnswering();
          }, (error: unknown) => {
            if (error instanceof CrmError && error.unreachable) answering = false;
          });
        }
        return result;
      };
    },
  });
}

/**
 * A connector whose answers count only while `current()` holds: a call answered after a sign-out (or a
 * connect as someone else) rejects as not connected, so nothing of the previous user is written after it.
 */
function bound(crm: CrmConnector, current: () => boolean): CrmConnector {
  const gone = () => new CrmError({ code: 'not_connected', message: 'Signed out while the CRM was answering' });
  return new Proxy(crm, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!current()) return Promise.reject(gone());
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then((answer: unknown) => {
          if (!current()) throw gone();
          return answer;
        });
      };
    },
  });
}

export function createConnection(deps: ConnectionDeps) {
  const now = deps.now ?? (() => new Date());
  let memo: { key: string; ctx: UserContext } | null = null;
  let made: { key: string; crm: CrmConnector } | null = null;
  /** Bumped when the user goes (sign-out, another user): connectors made before stop counting. */
  let generation = 0;

  /** The connector for this origin and token: made once, while they stay the configured ones. */
  function connectorFor(origin: string, token: string): CrmConnector {
    const key = `${origin}\n${token}`;
    if (made?.key !== key) {
      const mine = generation;
      const crm = bound(deps.makeConnector(origin, token), () => generation === mine);
      made = { key, crm: deps.onAnswered ? observed(crm, deps.onAnswered) : crm };
    }
    return made.crm;
  }

  /** Forgets the connector and who acts: every call still under way answers "not connected". */
  function forget(): void {
    generation += 1;
    made = null;
    memo = null;
  }

  async function current(): Promise<Connection> {
    const [origin, token] = await Promise.all([deps.getCrmOrigin(), readToken(deps.db)]);
    if (!origin || !token) {
      throw new CrmError({ code: 'not_connected', message: 'Not connected to a CRM yet: connect in the extension\'s options' });
    }
    return { origin, crm: connectorFor(origin, token) };
  }

  /** The configured CRM, or null before a connect. */
  async function configured(): Promise<Connection | null> {
    try {
      return await current();
    } catch (error) {
      if (error instanceof CrmError && error.code === 'not_connected') return null;
      throw error;
    }
  }

  /** Makes `origin` and `token` the configured ones; another CRM or token forgets what the previous one cached. */
  async function configure(origin: string, token: string): Promise<Connection> {
    if ((await deps.getCrmOrigin()) !== origin || (await readToken(deps.db)) !== token) {
      forget();
      await clearSession(deps.db);
    }
    await writeToken(deps.db, token);
    await deps.setCrmOrigin(origin);
    return { origin, crm: connectorFor(origin, token) };
  }

  /** Fetches `me` from the CRM (stored), or the stored one when the CRM cannot be reached. */
  async function me(crm: CrmConnector): Promise<{ me: Me; offline: boolean }> {
    try {
      const fresh = await crm.me();
      await writeMe(deps.db, fresh);
      return { me: fresh, offline: false };
    } catch (error) {
      const cached = error instanceof CrmError && error.unreachable ? await readMe(deps.db) : null;
      if (!cached) throw error;
      return { me: cached, offline: true };
    }
  }

  async function org(crm: CrmConnector, force = false): Promise<{ org: Org; fetchedAt: string; offline: boolean }> {
    const cached = await readOrg(deps.db);
    const fresh = cached && now().getTime() - Date.parse(cached.fetchedAt) < ORG_MAX_AGE_MS;
    if (cached && fresh && !force) return { org: cached.org, fetchedAt: cached.fetchedAt, offline: false };
    try {
      const fetched = await crm.org();
      const at = now();
      await writeOrg(deps.db, fetched, at);
      return { org: fetched, fetchedAt: at.toISOString(), offline: false };
    } catch (error) {
      if (cached && error instanceof CrmError && error.unreachable) return { org: cached.org, fetchedAt: cached.fetchedAt, offline: true };
      throw error;
    }
  }

  /** Who acts and what the rules say they may do; the stored user is trusted until the next connect. */
  async function acting(crm: CrmConnector): Promise<Acting> {
    const stored = await readMe(deps.db);
    const who = stored ? { me: stored, offline: false } : await me(crm);
    const o = await org(crm);
    const key = `${o.fetchedAt}|${who.me.user.id}`;
    if (memo?.key !== key) memo = { key, ctx: userContext(o.org, who.me.user.id) };
    return { me: who.me, org: o.org, ctx: memo.ctx, offline: who.offline || o.offline };
  }

  return { current, configured, configure, me, org, acting, forget };
}

export type ConnectionService = ReturnType<typeof createConnection>;
