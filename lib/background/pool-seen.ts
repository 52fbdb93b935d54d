// The pool entries the background listed last (per database), so a pick up is pre-checked by the rules with
// the state the user chose it in. The user does not list these customers, so the customer cache has none of them.
import type { Customer, Id } from '../domain/types';
import type { PoolCustomer } from '../crm-client/schemas';
import type { CrmxDb } from './store/db';

const MAX_REMEMBERED = 1000;
const seen = new WeakMap<CrmxDb, Map<Id, PoolCustomer>>();

export function rememberPoolEntries(db: CrmxDb, entries: readonly PoolCustomer[]): void {
  let map = seen.get(db);
  if (!map) seen.set(db, (map = new Map()));
  for (const entry of entries) {
    map.delete(entry.id);
    map.set(entry.id, entry);
  }
  while (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
}

/** The customer as far as the rules need it for a pick up (no AE, its pool, live), or null when never listed. */
export function poolSubject(db: CrmxDb, id: Id): Customer | null {
  const entry = seen.get(db)?.get(id);
  if (!entry) return null;
  return {
    id: entry.id, code: entry.code, name: entry.name, email: '', phone: entry.phone, source: '', businessField: '',
    aeId: null, csrId: null, poolId: entry.poolId, shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: [],
    version: entry.version, createdAt: '', updatedAt: '', deletedAt: null,
  };
}
