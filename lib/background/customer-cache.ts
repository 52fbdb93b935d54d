// The background's cache of customers and follows: filled from the CRM on demand, served from Dexie
// when the CRM cannot be reached. One per worker (lib/background/services.ts): the core handlers, the
// outbox's and the jobs' pre-checks share its memory of the last listing read and the last large read.
import type { Customer, Id } from '../domain/types';
import type { CrmConnector } from '../crm-client/connector';
import { CrmError } from '../crm-client/errors';
import type { CrmxDb } from './store/db';
import { customersById } from './store/customers';
import type { CustomerRow } from './store/derived';
import { followsFetchedAt, replaceFollows } from './store/session';
import { isTransient } from './transient';

const FETCH_CONCURRENCY = 6;
/** More unknown customers than this are read from the listing (1,000 a page) rather than one by one. */
const FEW = 20;
const LISTING_PAGE_SIZE = 1000;
const LISTING_MAX_AGE_MS = 60_000;
/** Reads of this many ids or more are kept (up to RECENT_MAX): a batch job's chunks read what its pre-check just read. */
const RECENT_MIN = 200;
const RECENT_MAX = 20_000;

/**
 * `syncSettled`: waits for the customers phase of a sync under way (false: none was). A sync that is
 * already reading the user's customers fills the cache with them: reading the listing beside it would
 * fetch and write the same rows twice, against the same CRM and IndexedDB.
 */
export function createCustomerCache(db: CrmxDb, now: () => Date, syncSettled: () => Promise<boolean> = async () => false) {
  let listing: { at: number; done: Promise<void> } | null = null;
  let recent: { writes: number; rows: Map<Id, CustomerRow | undefined> } | null = null;

  /**
   * Cached rows by id. The last large read is kept while no customer has been written since: the batch
   * dialog's pre-check reads every selected customer, then the job reads them again a chunk at a time,
   * on the same cores the CRM also needs.
   */
  async function cachedRows(ids: Id[]): Promise<(CustomerRow | undefined)[]> {
    const writes = db.customerWrites;
    const kept = recent?.writes === writes ? recent.rows : null;
    if (kept && ids.every((id) => kept.has(id))) return ids.map((id) => kept.get(id));
    const rows = await customersById(db, ids);
    if (ids.length >= RECENT_MIN && ids.length <= RECENT_MAX) recent = { writes, rows: new Map(ids.map((id, i) => [id, rows[i]])) };
    return rows;
  }

  /** Reads every customer listed for the user into the cache (once a minute at most). */
  function fillFromListing(crm: CrmConnector): Promise<void> {
    if (listing && now().getTime() - listing.at < LISTING_MAX_AGE_MS) return listing.done;
    const done = (async () => {
      for (let page = 1; ; page++) {
        const answer = await crm.customers({ page, pageSize: LISTING_PAGE_SIZE, sort: 'name' });
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

  /** The customers by id: from the CRM when asked fresh or not cached; null = not listed for the user. */
  async function customers(crm: CrmConnector, ids: Id[], fresh: boolean): Promise<Map<Id, Customer | null>> {
    const found = new Map<Id, Customer | null>();
    let cached = await cachedRows(ids);
    const missing = () => ids.filter((_id, i) => fresh || !cached[i]);
    if (!fresh && missing().length > FEW && (await syncSettled())) cached = await cachedRows(ids);
    const toFetch = missing();
    ids.forEach((id, i) => {
      if (cached[i] && !fresh) found.set(id, cached[i]);
    });
    if (toFetch.length > FEW && !fresh) {
      try {
        await fillFromListing(crm);
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
          const customer = await crm.customer(id);
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

  /** customers(), or when the CRM cannot be reached, what the cache has (those it lacks are left out). */
  async function customersOrCached(crm: CrmConnector, ids: Id[]): Promise<Map<Id, Customer | null>> {
    try {
      return await customers(crm, ids, false);
    } catch (error) {
      if (!isTransient(error)) throw error;
      return new Map((await db.customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    }
  }

  async function ensureFollows(crm: CrmConnector): Promise<void> {
    if (await followsFetchedAt(db)) return;
    try {
      await replaceFollows(db, await crm.follows(), now());
    } catch (error) {
      if (!(error instanceof CrmError && error.unreachable)) throw error;
    }
  }

  /** Sign-out: what this worker remembers of the last listing and the last large read goes. */
  function forget(): void {
    listing = null;
    recent = null;
  }

  return { customers, customersOrCached, ensureFollows, forget };
}

export type CustomerCache = ReturnType<typeof createCustomerCache>;
