// A job records its chunks without touching the cached customers: rewriting 1,000 cached rows (10
// indexes each) took 2–3× as long as the CRM call that changed them. The customers a job changed are
// read back from the CRM after it, by a delta sync, which also brings their new versions (a batch
// answer carries none, and an edit sent with the old one would be refused as stale). The mark is
// written in each chunk's transaction, so a worker killed before the catch-up runs it on its next
// start; a delta sync writes the CRM's state, so running it twice does no harm.
import { oneAtATime } from '../../one-at-a-time';
import type { CrmxDb } from '../store/db';

const KEY = 'jobs-cache-behind';

/** How many chunks were recorded since the last catch-up, and by which jobs. */
interface Mark { count: number; jobs: string[] }

async function readMark(db: CrmxDb): Promise<Mark | undefined> {
  const value = (await db.meta.get(KEY))?.value as Mark | number | undefined;
  // A bare count was written before marks named their jobs: any job may be behind.
  return typeof value === 'number' ? { count: value, jobs: ['?'] } : value;
}

/** In a transaction that includes db.meta: the cache lags what a recorded chunk of `jobId` changed. */
export async function markCacheBehind(db: CrmxDb, jobId: string): Promise<void> {
  const mark = (await readMark(db)) ?? { count: 0, jobs: [] };
  const jobs = mark.jobs.includes(jobId) ? mark.jobs : [...mark.jobs, jobId];
  await db.meta.put({ key: KEY, value: { count: mark.count + 1, jobs } });
}

/**
 * True while the cache lags a job other than `jobId`: customers read from it then miss that job's
 * changes, so a before-state for undo taken from them could undo the other job's work too.
 */
export async function cacheBehindOtherJob(db: CrmxDb, jobId: string): Promise<boolean> {
  return (await readMark(db))?.jobs.some((id) => id !== jobId) ?? false;
}

/** `syncCustomers`: a delta sync of the customers and follows; false when it did not complete. */
export function createCacheCatchUp(db: CrmxDb, syncCustomers: () => Promise<boolean>) {
  async function catchUp(): Promise<void> {
    const mark = await readMark(db);
    if (mark === undefined || !(await syncCustomers())) return;
    // A chunk recorded during the sync may have changed customers the sync had read already: that
    // chunk's job triggers the next catch-up when it ends.
    await db.transaction('rw', db.meta, async () => {
      if ((await readMark(db))?.count === mark.count) await db.meta.delete(KEY);
    });
  }

  /**
   * Brings the cache up to date with what recorded chunks changed, if anything; one run at a time. Asked
   * while one runs (a job that ended during its sync), it runs once more after it.
   */
  return oneAtATime({
    pass: async () => {
      await catchUp();
      return true;
    },
    failure: 'the cache could not catch up with a job',
  });
}
