// The customers' delta for a CRM with no change cursor: a scan of the user's list by modification time
// from the newest change already cached, then the ids the CRM still lists, so customers deleted or gone
// from the user's list leave the cache too. Each page is written with the time it reached (the cursor),
// so a worker killed mid-scan resumes there.
import type { CrmConnector } from '../../crm-client/connector';
import type { Id } from '../../domain/types';
import { applyCustomerDelta } from '../store/customers';
import type { CrmxDb } from '../store/db';
import { readCursor } from '../store/meta';

export interface ScanPage {
  /** Customers written (changed or new) and removed by this page. */
  ids: Id[];
  written: number;
}

/** Scans and writes page by page; `onPage` is told after each. Answers every id written or removed. */
export async function scanCustomers(
  db: CrmxDb, crm: CrmConnector, pageSize: number, onPage: (page: ScanPage) => void, stillOurs: <T>(answer: T) => Promise<T>,
): Promise<void> {
  let since = await readCursor(db, 'customers');
  // Several customers can share one modification time (a batch job): while a whole page is one time,
  // the next page of the same time is read, else the scan moves on from the page's last time.
  for (let page = 1; ;) {
    const answer = await stillOurs(await crm.customers({ sort: 'updatedAt', page, pageSize, ...(since ? { updatedSince: since } : {}) }));
    const items = answer.items;
    const reached = items.at(-1)?.updatedAt ?? since;
    await applyCustomerDelta(db, items, [], reached);
    onPage({ ids: items.map((c) => c.id), written: items.length });
    if (items.length < pageSize) break;
    page = reached === since ? page + 1 : 1;
    since = reached;
  }
  const listed = new Set((await stillOurs(await crm.customerIds())).ids);
  const gone = (await db.customers.toCollection().primaryKeys()).filter((id) => !listed.has(id));
  if (gone.length > 0) {
    await applyCustomerDelta(db, [], gone, await readCursor(db, 'customers'));
    onPage({ ids: gone, written: 0 });
  }
}
