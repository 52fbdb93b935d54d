// Jobs in Dexie, split in two: the plan (ids, names, before-state for undo) is written once, in `meta`;
// the job row holds only status and progress. Progress is rewritten after every chunk, so keeping the
// ids out of it keeps each chunk's write small (a whole-record rewrite grows with the job's size).
import type { CrmxDb, JobRow } from '../store/db';
import { jobView, type JobRecord, type JobState } from './plan';
import type { JobView } from '../../protocol/jobs';

type Plan = Pick<JobState, 'ops' | 'names' | 'before' | 'input'>;
type Progress = Omit<JobState, keyof Plan> & { hasBefore?: boolean };

const planKey = (id: string) => `job-plan:${id}`;

/** The tables a transaction that writes jobs must include. */
export const jobTables = (db: CrmxDb) => [db.jobs, db.meta] as const;

/** Jobs with their plans. One per worker: plans never change once written, so its copy saves reading them again for every chunk. */
export function createJobStore(db: CrmxDb) {
  const plans = new Map<string, Plan>();

  async function put(job: JobRecord): Promise<void> {
    const { ops, names, before, input, ...progress } = job.state;
    if (!plans.has(job.id)) {
      const plan: Plan = { ops, ...(names ? { names } : {}), ...(before ? { before } : {}), ...(input ? { input } : {}) };
      await db.meta.put({ key: planKey(job.id), value: plan });
      plans.set(job.id, plan);
    }
    const row: JobRow = { ...job, state: { ...progress, hasBefore: before !== undefined } satisfies Progress };
    await db.jobs.put(row);
  }

  async function planOf(row: JobRow): Promise<Plan | undefined> {
    const cached = plans.get(row.id);
    if (cached) return cached;
    const stored = (await db.meta.get(planKey(row.id)))?.value as Plan | undefined;
    if (stored) plans.set(row.id, stored);
    return stored;
  }

  async function get(id: string): Promise<JobRecord | undefined> {
    const row = await db.jobs.get(id);
    if (!row) return undefined;
    const plan = await planOf(row);
    // Rows written before the split carry their plan inline.
    return { ...row, state: { ...(row.state as JobState), ...plan } } as JobRecord;
  }

  return { db, put, get };
}

export type JobStore = ReturnType<typeof createJobStore>;

/** Queued and running jobs, oldest first, without their plans (read one with getJob when it runs). */
export async function openJobIds(db: CrmxDb): Promise<string[]> {
  const rows = await db.jobs.where('status').anyOf(['queued', 'running']).sortBy('createdAt');
  return rows.map((r) => r.id);
}

/** Every job as the UI sees it, newest first; plans are not read. */
export async function listJobViews(db: CrmxDb): Promise<JobView[]> {
  const rows = await db.jobs.orderBy('createdAt').reverse().toArray();
  return rows.map((row) => {
    const state = row.state as Progress & Partial<Plan>;
    const before = state.before ?? (state.hasBefore ? {} : undefined);
    return jobView({ ...row, state: { ops: [], ...state, before } } as JobRecord);
  });
}
