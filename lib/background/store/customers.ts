// Customers in the cache: delta sync writes and cached search.
import type { Customer, Id } from '../../domain/types';
import type { CrmxDb } from './db';
import { foldText, phoneKey, stripDerivedKeys, type CustomerRow } from './derived';
import { writeCursor, type CursorName } from './meta';

/**
 * One page of /sync/customers in one transaction: changed rows written in bulk, removed ids (left the
 * user's scope, or deleted) dropped when present, and the cursor stored with them — a crash between
 * pages resumes from the last page that was fully written.
 */
export async function applyCustomerDelta(
  db: CrmxDb, changed: Customer[], removed: Id[], cursor: string, cursorName: CursorName = 'customers',
): Promise<{ removed: Id[] }> {
  return db.transaction('rw', db.customers, db.follows, db.meta, async () => {
    const present = removed.length ? (await db.customers.bulkGet(removed)).flatMap((c) => (c ? [c.id] : [])) : [];
    if (present.length) {
      await db.customers.bulkDelete(present);
      await db.follows.bulkDelete(present);
    }
    if (changed.length) await db.customers.bulkPut(changed);
    await writeCursor(db, cursorName, cursor);
    return { removed: present };
  });
}

/** Fewer ids than this are read one get each. */
const FEW_FOR_RANGE = 200;

/**
 * Cached rows by id, in the order asked. Many ids whose key range holds few others are read with one
 * range read: a get per row costs each row a round trip into IndexedDB, a range read one for them all.
 * Whether the range holds few others is told by its keys alone, read at most to twice the ids asked
 * (a page sorted by name has its ids spread over the whole table: then each id is read alone).
 */
export async function customersById(db: CrmxDb, ids: Id[]): Promise<(CustomerRow | undefined)[]> {
  if (ids.length < FEW_FOR_RANGE) return db.customers.bulkGet(ids);
  let [min, max] = [ids[0], ids[0]];
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return db.transaction('r', db.customers, async () => {
    const range = () => db.customers.where(':id').between(min, max, true, true);
    const most = 2 * ids.length;
    if ((await range().limit(most + 1).primaryKeys()).length > most) return db.customers.bulkGet(ids);
    const byId = new Map((await range().toArray()).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id));
  });
}

export interface CustomerSearch {
  q?: string;
  followedOnly?: boolean;
  offset?: number;
  limit?: number;
}

/** Live cached customers whose name, code, phone or email contains `q` (accents and case ignored), by name. */
export async function searchCustomers(db: CrmxDb, search: CustomerSearch): Promise<{ items: Customer[]; total: number }> {
  const needle = foldText((search.q ?? '').trim());
  // Phone matching only for what looks like a phone number, not for a code such as "KH0001".
  const digits = /^[\d\s+().-]+$/.test(needle) && /\d{3}/.test(needle.replace(/\D/g, '')) ? phoneKey(needle) : '';
  const matches = (c: CustomerRow) =>
    c.deletedAt === null && (needle === ''
      || (c.nameKey ?? foldText(c.name)).includes(needle)
      || c.code.toLowerCase().includes(needle)
      || c.email.toLowerCase().includes(needle)
      || (digits !== '' && (c.phoneKey ?? '').includes(digits.replace(/^0/, ''))));
  let rows: CustomerRow[];
  if (search.followedOnly) {
    const ids = (await db.follows.toCollection().primaryKeys()) as Id[];
    rows = (await db.customers.bulkGet(ids)).filter((c): c is CustomerRow => c !== undefined && matches(c));
    rows.sort((a, b) => (a.nameKey ?? '').localeCompare(b.nameKey ?? ''));
  } else {
    rows = await db.customers.orderBy('nameKey').filter(matches).toArray();
  }
  const offset = search.offset ?? 0;
  const limit = search.limit ?? 50;
  return { items: rows.slice(offset, offset + limit).map(stripDerivedKeys), total: rows.length };
}

/** Cached live customers whose phone has this digits-only national key (bulk delete by phone). */
export async function customersByPhoneKey(db: CrmxDb, key: string): Promise<Customer[]> {
  const rows = await db.customers.where('phoneKey').equals(key).toArray();
  return rows.filter((c) => c.deletedAt === null).map(stripDerivedKeys);
}
