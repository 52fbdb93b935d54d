// A job records its chunks without touching the cached customers: rewriting 1,000 cached rows (10
// indexes each) took 2–3× as long as the CRM call that changed them. The customers a job changed are
// read back from the CRM after it, by a delta sync, which also brings their new versions (a batch
// answer carries none, and an edit sent with the old one would be refused as stale). The mark is
// written in each chunk's transaction, so a worker killed before the catch-up runs it on its next
// start; a delta sync writes the CRM's state, so running it twice does no harm.
import type { CrmxDb } from '../store/db';

const KEY = 'jobs-cache-behind';

/** In a transaction that includes db.meta: the cache lags what a recorded chunk changed. */
export async function markCacheBehind(db: CrmxDb): Promise<void> {
  const marks = ((await db.meta.get(KEY))?.value as number | undefined) ?? 0;
  await db.meta.put({ key: KEY, value: marks + 1 });
}

/** `syncCustomers`: a delta sync of the customers and follows; false when it did not complete. */
export function createCacheCatchUp(db: CrmxDb, syncCustomers: () => Promise<boolean>) {
  let running: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    const mark = (await db.meta.get(KEY))?.value;
    if (mark === undefined || !(await syncCustomers())) return;
    // A chunk recorded during the sync may have changed customers the sync had read already: that
    // chunk's job triggers the next catch-up when it ends.
    await db.transaction('rw', db.meta, async () => {
      if ((await db.meta.get(KEY))?.value === mark) await db.meta.delete(KEY);
    });
  }

  /** Brings the cache up to date with what recorded chunks changed, if anything; one run at a time. */
  function run(): Promise<void> {
    running ??= catchUp()
      .catch((error: unknown) => console.error('[crmx] the cache could not catch up with a job', error))
      .finally(() => (running = null));
    return running;
  }

  /** Waits for a catch-up under way, if any. */
  const settled = (): Promise<void> => running ?? Promise.resolve();

  return { run, settled };
}
