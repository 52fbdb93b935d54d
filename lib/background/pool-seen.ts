// The pool entries the background listed last, so a pick up is pre-checked by the rules with the state the
// user chose it in. The user does not list these customers, so the customer cache has none of them.
import type { Customer, Id } from '../domain/types';
import type { PoolCustomer } from '../crm-client/schemas';

const MAX_REMEMBERED = 1000;

export function createPoolSeen() {
  const seen = new Map<Id, PoolCustomer>();

  function remember(entries: readonly PoolCustomer[]): void {
    for (const entry of entries) {
      seen.delete(entry.id);
      seen.set(entry.id, entry);
    }
    while (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value!);
  }

  /** The customer as far as the rules need it for a pick up (no AE, its pool, live), or null when never listed. */
  function subject(id: Id): Customer | null {
    const entry = seen.get(id);
    if (!entry) return null;
    return {
      id: entry.id, code: entry.code, name: entry.name, email: '', phone: entry.phone, source: '', businessField: '',
      aeId: null, csrId: null, poolId: entry.poolId, shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: [],
      version: entry.version, createdAt: '', updatedAt: '', deletedAt: null,
    };
  }

  return { remember, subject, forget: () => seen.clear() };
}

export type PoolSeen = ReturnType<typeof createPoolSeen>;
