// What the background answers to each request of the protocol. The router (./router.ts) has already
// checked the sender and the payload's shape when these run.
import type { Customer, Id } from '../domain/types';
import { CrmClient } from '../crm-client/client';
import { CrmError } from '../crm-client/errors';
import { decide, decideAll } from '../rules';
import { normalizeCrmUrl } from '../settings';
import type { CrmxDb } from '../store/db';
import {
  clearSession, followedAmong, followsFetchedAt, readToken, replaceFollows, setFollowed, writeToken,
} from '../store/session';
import { createConnection, type Acting } from './connection';
import type { Change, RowState, SessionView } from './protocol';
import type { Handlers } from './router';
import { decisionsView, detailsView, orgNames } from './views';

export interface HandlerDeps {
  db: CrmxDb;
  getCrmOrigin(): Promise<string | null>;
  setCrmOrigin(origin: string): Promise<void>;
  makeClient(baseUrl: string, token: string): CrmClient;
  /** Tells every open UI that something changed. */
  push(change: Change): void;
  now?: () => Date;
}

const FETCH_CONCURRENCY = 6;
/** More unknown customers than this are read from the listing (1,000 a page) rather than one by one. */
const FEW = 20;
const LISTING_PAGE_SIZE = 1000;
const LISTING_MAX_AGE_MS = 60_000;

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db } = deps;
  const connection = createConnection(deps);
  const now = () => deps.now?.() ?? new Date();
  let listing: { at: number; done: Promise<void> } | null = null;

  /** Reads every customer listed for the user into the cache (once a minute at most). */
  function fillFromListing(client: CrmClient): Promise<void> {
    if (listing && now().getTime() - listing.at < LISTING_MAX_AGE_MS) return listing.done;
    const done = (async () => {
      for (let page = 1; ; page++) {
        const answer = await client.customers({ page, pageSize: LISTING_PAGE_SIZE, sort: 'name' });
        await db.customers.bulkPut(answer.items);
        if (answer.items.length === 0 || page * LISTING_PAGE_SIZE >= answer.total) return;
      }
    })();
    listing = { at: now().getTime(), done };
    done.catch(() => {
      listing = null;
    });
    return done;
  }

  async function test(origin: string, client: CrmClient): Promise<SessionView> {
    const { me, offline } = await connection.me(client);
    if (!offline) {
      await connection.org(client, true);
      await replaceFollows(db, await client.follows(), now());
    }
    return { crmOrigin: origin, me, offline };
  }

  /** The customers by id: from the CRM when asked fresh or not cached; null = not listed for the user. */
  async function customers(client: CrmClient, ids: Id[], fresh: boolean): Promise<Map<Id, Customer | null>> {
    const found = new Map<Id, Customer | null>();
    const cached = await db.customers.bulkGet(ids);
    const toFetch: Id[] = [];
    ids.forEach((id, i) => {
      const hit = cached[i];
      if (hit && !fresh) found.set(id, hit);
      else toFetch.push(id);
    });
    if (toFetch.length > FEW && !fresh) {
      try {
        await fillFromListing(client);
      } catch (error) {
        toFetch.forEach((id) => cached[ids.indexOf(id)] && found.set(id, cached[ids.indexOf(id)]!));
        if (found.size === 0) throw error;
        return found;
      }
      const listed = await db.customers.bulkGet(toFetch);
      toFetch.forEach((id, i) => found.set(id, listed[i] ?? null));
      return found;
    }
    let failure: unknown = null;
    let next = 0;
    const worker = async () => {
      while (next < toFetch.length) {
        const id = toFetch[next++];
        const hit = cached[ids.indexOf(id)];
        try {
          const customer = await client.customer(id);
          await db.customers.put(customer);
          found.set(id, customer);
        } catch (error) {
          if (error instanceof CrmError && error.code === 'not_found') {
            await db.customers.delete(id);
            found.set(id, null);
          } else if (hit) {
            found.set(id, hit);
          } else {
            failure ??= error;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, toFetch.length) }, worker));
    if (found.size === 0 && failure) throw failure;
    return found;
  }

  async function ensureFollows(client: CrmClient): Promise<void> {
    if (await followsFetchedAt(db)) return;
    try {
      await replaceFollows(db, await client.follows(), now());
    } catch (error) {
      if (!(error instanceof CrmError && error.unreachable)) throw error;
    }
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
      const acting = await connection.acting(client);
      const customer = (await customers(client, [id], false)).get(id);
      const decision = customer ? decide(acting.ctx, customer, 'follow', deps.now?.()) : null;
      if (!decision?.allowed) {
        throw new CrmError({
          code: 'forbidden',
          message: decision?.reason ?? 'The customer is not in your list',
          rule: decision?.rule ?? 'not-listed',
          ask: decision?.ask ?? [],
        });
      }
      await ensureFollows(client);
      const followed = (await followedAmong(db, [id])).has(id);
      if (followed) await client.unfollow(id);
      else await client.follow(id);
      await setFollowed(db, id, !followed);
      deps.push({ kind: 'follows', ids: [id] });
      return { followed: !followed };
    },
  };
}
