// Jobs planned a chunk at a time: the rules pre-check of chunk k (which of its customers may be changed,
// and their before-state for undo) runs while chunk k-1 is on the wire, instead of over the whole job
// before the first send (a delay bench/batch.bench.ts measures). Chunk k's plan is persisted before it is
// sent and never replaced, so a resumed job sends the same ids under the same key.
import type { Id } from '../../domain/types';
import type { JobItemError } from '../../protocol/jobs';
import type { CrmxDb } from '../store/db';
import { SETTINGS } from '../../settings-schema';
import { chunkAt, MAX_CHUNK, type JobOp, type JobRecord, type JobState } from './plan';

/** The chunk size for the setting's value: 1 to MAX_CHUNK, and the setting's own default when it is not a number. */
export function chunkSizeOf(value: unknown): number {
  const size = Math.floor(Number(value));
  return Math.min(MAX_CHUNK, Math.max(1, Number.isFinite(size) ? size : SETTINGS.batchChunkSize.fallback));
}

export interface ChunkPlan {
  /** The customers sent. */
  ids: Id[];
  /** The customers the rules refused, reported when the chunk is recorded. */
  refused: JobItemError[];
  before?: JobState['before'];
  /** Planned while the cache lagged another job: the before-state could not be trusted, so none. */
  staleBefore?: true;
}

export interface Chunk extends Omit<ChunkPlan, 'before'> {
  op: JobOp;
  /** How many of the job's items the chunk accounts for (sent and refused). */
  size: number;
}

/** The rules over some of a job's customers. */
export type PlanChunk = (job: JobRecord, ids: Id[]) => Promise<ChunkPlan>;

const keyOf = (jobId: string, k: number) => `job-plan:${jobId}:${k}`;

/** Chunk k of a job: from its plan made at start, or its stored chunk plan, or planned now and stored. */
export async function chunkOf(db: CrmxDb, job: JobRecord, k: number, plan: PlanChunk): Promise<Chunk> {
  const { input, ops, chunkSize } = job.state;
  if (!input) {
    const { op, ids } = chunkAt(job.state, k)!;
    return { op, ids, refused: [], size: ids.length };
  }
  const items = input.slice(k * chunkSize, (k + 1) * chunkSize);
  const key = keyOf(job.id, k);
  let planned = (await db.meta.get(key))?.value as ChunkPlan | undefined;
  if (!planned) {
    const fresh = await plan(job, items);
    planned = await db.transaction('rw', db.meta, async () => {
      const stored = (await db.meta.get(key))?.value as ChunkPlan | undefined;
      if (!stored) await db.meta.put({ key, value: fresh });
      return stored ?? fresh;
    });
  }
  return { op: ops[0], ids: planned.ids, refused: planned.refused, size: items.length, ...(planned.staleBefore ? { staleBefore: true as const } : {}) };
}

/** The job as if it had been planned whole, over the chunks recorded so far: what undo works from. */
export async function recordedPlan(db: CrmxDb, job: JobRecord): Promise<JobRecord> {
  const { input, ...state } = job.state;
  if (!input) return job;
  const keys = Array.from({ length: state.nextChunk }, (_, k) => keyOf(job.id, k));
  const plans = (await db.meta.bulkGet(keys)).map((row) => row?.value as ChunkPlan | undefined);
  const merged = (part: 'shares' | 'tags' | 'assignees') => {
    const parts = plans.flatMap((p) => (p?.before?.[part] ? [p.before[part]] : []));
    return parts.length ? { [part]: Object.assign({}, ...parts) as unknown } : {};
  };
  const before = state.before && { ...merged('shares'), ...merged('tags'), ...merged('assignees') } as JobState['before'];
  const ids = plans.flatMap((p) => p?.ids ?? []);
  return { ...job, state: { ...state, ops: [{ ...state.ops[0], ids }], ...(before ? { before } : {}) } };
}
