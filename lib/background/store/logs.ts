// The log cache: written in bulk by sync, read newest-first by the offline timeline through compound
// indexes ([customerId+at], or [customerId+type+at] per type) with a limit — never a table scan.
import Dexie from 'dexie';
import type { Id, LogEntry } from '../../domain/types';
import type { CrmConnector } from '../../crm-client/connector';
import type { CrmxDb } from './db';
import type { TimelineRequest } from '../../protocol/sync';
import { writeCursor } from './meta';

/** What the cache's timeline query takes: the protocol's request, answered from IndexedDB. */
export type TimelineQuery = TimelineRequest;

export interface TimelineResult {
  items: LogEntry[];
  next: { at: string; id: Id } | null;
}

/** One page of /sync/logs and its cursor, in one transaction. */
export async function putLogs(db: CrmxDb, items: LogEntry[], cursor: string): Promise<void> {
  await db.transaction('rw', db.logs, db.meta, async () => {
    if (items.length) await db.logs.bulkPut(items);
    await writeCursor(db, 'logs', cursor);
  });
}

/** A customer's newest entries as the CRM answers them now, kept for the timeline read offline. */
export async function keepCustomerLogs(db: CrmxDb, crm: Pick<CrmConnector, 'customerLogs'>, customerId: Id, limit = 100): Promise<void> {
  const { items } = await crm.customerLogs(customerId, { limit });
  if (items.length) await db.logs.bulkPut(items);
}

const iso = (time: string) => new Date(time).toISOString();
/** Index order: time, then primary key (string order, as IndexedDB compares them). */
const newerFirst = (a: LogEntry, b: LogEntry) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function timeline(db: CrmxDb, query: TimelineQuery): Promise<TimelineResult> {
  const limit = query.limit ?? 100;
  const lower = query.from ? iso(query.from) : '';
  let upper = query.to ? iso(query.to) : '\uffff';
  const before = query.before && query.before.at <= upper ? query.before : undefined;
  if (before) upper = before.at;
  const prefixes: string[][] = query.types?.length
    ? [...new Set(query.types)].map((type) => [query.customerId, type])
    : [[query.customerId]];
  const index = query.types?.length ? '[customerId+type+at]' : '[customerId+at]';

  const pages = await Promise.all(prefixes.map(async (prefix) => {
    const older = newestIn(db, index, [...prefix, lower], [...prefix, upper], !before, limit + 1);
    // Entries at exactly the `before` time but ordered before it: a handful at most.
    const sameTime = before && before.at >= lower
      ? db.logs.where(index).equals([...prefix, before.at]).reverse().toArray()
        .then((rows) => rows.filter((e) => e.id < before.id))
      : Promise.resolve<LogEntry[]>([]);
    return [...(await sameTime), ...(await older)];
  }));
  const merged = prefixes.length === 1 ? pages[0] : pages.flat().sort(newerFirst);
  const items = merged.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: merged.length > limit && last ? { at: last.at, id: last.id } : null };
}

/** True when the cache holds at least one entry for this customer. */
export async function hasCachedLogs(db: CrmxDb, customerId: Id): Promise<boolean> {
  const first = await db.logs.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).first();
  return first !== undefined;
}

type RecordsIndex = IDBIndex & { getAllRecords?(options: { query: IDBKeyRange; count: number; direction: 'prev' }): IDBRequest<{ value: LogEntry }[]> };

/**
 * The newest `count` entries of an index range. Where the browser reads records backwards in one call
 * (getAllRecords, Chromium 141+), that; Dexie's reverse().limit() steps a cursor, one round trip an
 * entry (2× slower on a million-entry cache, P3 in bench/).
 */
function newestIn(db: CrmxDb, index: string, lower: string[], upper: string[], includeUpper: boolean, count: number): Promise<LogEntry[]> {
  const viaDexie = () => db.logs.where(index).between(lower, upper, true, includeUpper).reverse().limit(count).toArray();
  if (!db.isOpen() || typeof IDBIndex === 'undefined' || !('getAllRecords' in IDBIndex.prototype)) return viaDexie();
  return new Promise<LogEntry[]>((resolve, reject) => {
    const store = db.backendDB().transaction('logs', 'readonly').objectStore('logs');
    const request = (store.index(index) as RecordsIndex).getAllRecords!({
      query: IDBKeyRange.bound(lower, upper, false, !includeUpper), count, direction: 'prev',
    });
    request.onsuccess = () => resolve(request.result.map((record) => record.value));
    request.onerror = () => reject(request.error);
  }).catch(viaDexie);
}
