// What the background answers to each request of the protocol. The router (./router.ts) has already
// checked the sender and the payload's shape when these run.
import type { Customer, Id } from '../../domain/types';
import { CrmClient } from '../../crm-client/client';
import { CrmError } from '../../crm-client/errors';
import { decideAll } from '../../rules/index';
import { normalizeCrmUrl } from '../../settings';
import type { CrmxDb } from '../store/db';
import {
  clearSession, followedAmong, readToken, replaceFollows, setFollowed, writeToken,
} from '../store/session';
import { outboxService } from '../outbox/service';
import { createConnection, type Acting } from '../connection';
import { createCustomerCache } from '../customer-cache';
import type { Change, CoreProtocol, RowState, SessionView } from '../../protocol/messages';
import type { Handlers } from '../router';
import { decisionsView, detailsView, orgNames } from '../views';

export interface HandlerDeps {
  db: CrmxDb;
  getCrmOrigin(): Promise<string | null>;
  setCrmOrigin(origin: string): Promise<void>;
  makeClient(baseUrl: string, token: string): CrmClient;
  /** Tells every open UI that something changed. */
  push(change: Change): void;
  /** After a successful connect (the background starts a sync: entrypoints/background/sync-schedule.ts). */
  onConnected?(): void;
  now?: () => Date;
}

export function createHandlers(deps: HandlerDeps): Pick<Handlers, keyof CoreProtocol> {
  const { db } = deps;
  const connection = createConnection(deps);
  const now = () => deps.now?.() ?? new Date();
  const cache = createCustomerCache(db, now);
  const customers = cache.customers;
  const ensureFollows = cache.ensureFollows;
  async function test(origin: string, client: CrmClient): Promise<SessionView> {
    const { me, offline } = await connection.me(client);
    if (!offline) {
      await connection.org(client, true);
      await replaceFollows(db, await client.follows(), now());
    }
    return { crmOrigin: origin, me, offline };
  }

  function rowState(acting: Acting, customer: Customer, followed: boolean): RowState {
    const names = orgNames(acting.org);
    return { id: customer.id, followed, decisions: decisionsView(decideAll(acting.ctx, customer, deps.now?.()), names) };
  }

  return {
    async getSession() {
      const [origin, token] = await Promise.all([deps.getCrmOrigin(), readToken(db)]);
      if (!origin || !token) return null;
      const { client } = await connection.current();
      const { me, offline } = await connection.me(client);
      return { crmOrigin: origin, me, offline };
    },

    async connect({ url, token }) {
      let origin: string;
      try {
        origin = normalizeCrmUrl(url);
      } catch (error) {
        throw new CrmError({ code: 'invalid', message: (error as Error).message });
      }
      const trimmed = token.trim();
      if ((await deps.getCrmOrigin()) !== origin || (await readToken(db)) !== trimmed) await clearSession(db);
      await writeToken(db, trimmed);
      await deps.setCrmOrigin(origin);
      const session = await test(origin, deps.makeClient(origin, trimmed));
      deps.push({ kind: 'session' });
      if (!session.offline) deps.onConnected?.();
      return session;
    },

    async testConnection() {
      const { origin, client } = await connection.current();
      return test(origin, client);
    },

    async getCustomer(id) {
      const { client } = await connection.current();
      const acting = await connection.acting(client);
      let customer: Customer;
      let fromCache = false;
      try {
        customer = await client.customer(id);
        await db.customers.put(customer);
      } catch (error) {
        if (error instanceof CrmError && error.code === 'not_found') await db.customers.delete(id);
        const cached = error instanceof CrmError && error.unreachable ? await db.customers.get(id) : undefined;
        if (!cached) throw error;
        customer = cached;
        fromCache = true;
      }
      await ensureFollows(client);
      const followed = (await followedAmong(db, [id])).has(id);
      const names = orgNames(acting.org);
      return detailsView(customer, names, rowState(acting, customer, followed).decisions, followed, fromCache);
    },

    async getDecisions({ ids, fresh = false }) {
      const { client } = await connection.current();
      const acting = await connection.acting(client);
      const found = await customers(client, [...new Set(ids)], fresh);
      await ensureFollows(client);
      const followed = await followedAmong(db, [...found.keys()]);
      const result: Record<Id, RowState | null> = {};
      for (const [id, customer] of found) result[id] = customer ? rowState(acting, customer, followed.has(id)) : null;
      return result;
    },

    async toggleFollow(id) {
      const { client } = await connection.current();
      await ensureFollows(client);
      const followed = (await followedAmong(db, [id])).has(id);
      // Through the outbox: checked by the rules, applied once, and waiting there while offline.
      const outcome = await outboxService(deps).run({ action: followed ? 'unfollow' : 'follow', id });
      if (outcome.outcome === 'queued') {
        await setFollowed(db, id, !followed); // optimistic: the star shows at once, the outbox shows it pending
        deps.push({ kind: 'follows', ids: [id] });
      }
      return { followed: !followed };
    },
  };
}
