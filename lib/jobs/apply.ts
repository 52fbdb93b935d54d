// What a recorded chunk changes in the cache: the same change the CRM applied, to the customers it applied it to.
import type { Id } from '../domain/types';
import { applyCancelShare, applyLabels, applyShare } from '../rules';
import type { CrmxDb } from '../store/db';
import type { JobOp } from './plan';

export async function applyToCache(db: CrmxDb, op: JobOp, ids: Id[]): Promise<void> {
  if (ids.length === 0) return;
  if (op.path === '/batch/delete') return db.customers.bulkDelete(ids);
  if (op.path === '/batch/follow') {
    return op.body.follow ? void (await db.follows.bulkPut(ids.map((customerId) => ({ customerId })))) : db.follows.bulkDelete(ids);
  }
  const cached = (await db.customers.bulkGet(ids)).flatMap((c) => (c ? [c] : []));
  const b = op.body as never as { targets?: Parameters<typeof applyShare>[1]; all?: boolean; mode?: 'set' | 'add'; tags?: string[] };
  await db.customers.bulkPut(cached.map((c) => {
    if (op.path === '/batch/share') return { ...c, shares: applyShare(c, b.targets!) };
    if (op.path === '/batch/cancel-share') return { ...c, shares: applyCancelShare(c, b.all!, b.targets) };
    return { ...c, tags: applyLabels(c, b.mode!, b.tags!) };
  }));
}
