// The customers' delta for a CRM with no change cursor: a scan of the user's list changed since the
// previous scan began, read in id order after the last id read (a keyset: no change made meanwhile
// shifts a customer out of the pages, as offset paging over modification times would). A customer
// changed while the scan runs is read again by the next scan, whose window starts where this one began
// by the CRM's clock, less a margin for its clock's precision and for transactions still committing.
// Then the ids the CRM still lists, so customers deleted or gone from the user's list leave the cache.
// Progress is written with each page, so a worker killed mid-scan resumes after the last page written.
import type { CrmConnector } from '../../crm-client/connector';
import type { Customer, Id } from '../../domain/types';
import { applyCustomerDelta } from '../store/customers';
import type { CrmxDb } from '../store/db';
import { readCursor } from '../store/meta';

export interface ScanPage {
  /** Customers written (changed or new) and removed by this page. */
  ids: Id[];
  written: number;
}

/** Where a scan is: its window's start, the last id read, and when it began by the CRM's clock. */
interface ScanCursor {
  since: string;
  afterId: string;
  began: string;
}

export const SCAN_MARGIN_MS = 60_000;

function parse(cursor: string): ScanCursor | { done: string } {
  if (cursor === '') return { done: '' };
  try {
    const value = JSON.parse(cursor) as ScanCursor | { done: string };
    if (typeof value === 'object' && value !== null) return value;
  } catch { /* a cursor of another kind (the CRM changed): scan everything */ }
  return { done: '' };
}

/** The customers the CRM shows the user that our rules list (all, for a CRM that applies them itself). */
export type Listed = (customers: Customer[]) => Customer[];

/** Scans and writes page by page; `onPage` is told after each. */
export async function scanCustomers(
  db: CrmxDb, crm: CrmConnector, pageSize: number, onPage: (page: ScanPage) => void,
  stillOurs: <T>(answer: T) => Promise<T>, listed: Listed = (customers) => customers,
): Promise<void> {
  const stored = parse(await readCursor(db, 'customers'));
  let at: ScanCursor = 'done' in stored ? { since: stored.done, afterId: '', began: '' } : stored;
  for (;;) {
    const page = await stillOurs(await crm.customers({
      sort: 'id', pageSize, ...(at.since ? { updatedSince: at.since } : {}), ...(at.afterId ? { afterId: at.afterId } : {}),
    }));
    const began = at.began || page.serverTime || new Date().toISOString();
    const items = page.items;
    const keep = listed(items);
    const kept = new Set(keep.map((c) => c.id));
    const dropped = items.filter((c) => !kept.has(c.id)).map((c) => c.id);
    at = { ...at, afterId: items.at(-1)?.id ?? at.afterId, began };
    const last = items.length < pageSize;
    const next = last ? JSON.stringify({ done: new Date(Date.parse(began) - SCAN_MARGIN_MS).toISOString() }) : JSON.stringify(at);
    // After the last page, the ids still listed: the rest of the cache is gone (deleted, or no longer the user's).
    const still = last ? new Set((await stillOurs(await crm.customerIds())).ids) : null;
    const gone = still ? (await db.customers.toCollection().primaryKeys()).filter((id) => !still.has(id) && !kept.has(id)) : [];
    const removed = await applyCustomerDelta(db, keep, [...dropped, ...gone], next);
    onPage({ ids: [...keep.map((c) => c.id), ...removed.removed], written: keep.length });
    if (last) return;
  }
}
