// One chunk of a job: sent with the key derived from the job id and its index, then recorded (results
// and progress in one transaction). The cached customers are not rewritten here (see ./catch-up.ts);
// follows are, being one small row each with no version.
import * as v from 'valibot';
import type { Id } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import type { Change } from '../../protocol/messages';
import type { JobItemError } from '../../protocol/jobs';
import type { CrmxDb } from '../store/db';
import { isTransient, type Send } from '../outbox/send';
import { markCacheBehind } from './catch-up';
import { jobTables, type JobStore } from './job-store';
import type { Chunk } from './chunk-plan';
import { chunkBody, chunkCount, chunkKey, jobView, type JobRecord } from './plan';

const Match = v.object({ id: v.string(), name: v.string(), code: v.string() });

const BatchAnswer = v.object({
  results: v.array(v.object({
    id: v.string(),
    ok: v.boolean(),
    /** The file delete's answers carry the number asked for. */
    phone: v.optional(v.string()),
    error: v.optional(v.object({
      code: v.string(), message: v.string(), rule: v.optional(v.string()),
      /** 'ambiguous': the customers the CRM knows with that number. */
      matches: v.optional(v.array(Match)),
    })),
  })),
});

export type Results = v.InferOutput<typeof BatchAnswer>['results'];

/** Sends chunk k. 'stop': the CRM could not be reached, try later; 'unauthorized': the job cannot go on. */
export async function sendChunk(jobId: string, k: number, chunk: Chunk, send: Send): Promise<Results | 'stop' | 'unauthorized'> {
  if (chunk.ids.length === 0) return [];
  const body = chunkBody(chunk.op, chunk.ids);
  try {
    return v.parse(BatchAnswer, await send('POST', chunk.op.path, body, { idempotencyKey: chunkKey(jobId, k) })).results;
  } catch (error) {
    if (isTransient(error)) return 'stop';
    const e = error instanceof CrmError ? error : new CrmError({ code: 'bad_response', message: String(error) });
    if (e.code === 'unauthorized') return 'unauthorized';
    return chunk.ids.map((id) => ({ id, ok: false, error: { code: e.code, message: e.message, ...(e.rule ? { rule: e.rule } : {}) } }));
  }
}

export interface RecordDeps {
  db: CrmxDb;
  store: JobStore;
  push(change: Change): void;
  now(): Date;
}

/** Records chunk k's results and progress in one transaction; undefined if it was recorded already. */
export async function recordChunk(deps: RecordDeps, job: JobRecord, k: number, chunk: Chunk, results: Results): Promise<JobRecord | undefined> {
  const { db, store } = deps;
  const okIds = results.filter((r) => r.ok).map((r) => r.id);
  const follow = chunk.op.path === '/batch/follow' ? chunk.op.body.follow === true : null;
  let recorded: JobRecord | undefined;
  await db.transaction('rw', [...jobTables(db), db.follows], async () => {
    const fresh = await store.get(job.id);
    if (!fresh || fresh.state.nextChunk !== k) return;
    const names = fresh.state.names ?? {};
    const errors: JobItemError[] = results.flatMap((r) => (r.ok ? [] : [{
      item: names[r.id] ?? r.id, code: r.error?.code ?? 'fault', message: r.error?.message ?? 'failed',
      ...(r.error?.rule ? { rule: r.error.rule as JobItemError['rule'] } : {}),
      ...(r.phone !== undefined ? { phone: r.phone } : {}),
      ...(r.error?.matches ? { matches: r.error.matches } : {}),
    }]));
    const nextChunk = k + 1;
    const finished = nextChunk >= chunkCount(fresh.state);
    // A chunk planned from a cache that lagged another job has no trustworthy before-state: no undo.
    const state = chunk.staleBefore ? { ...fresh.state, beforeStale: true as const } : fresh.state;
    recorded = {
      ...fresh,
      status: fresh.status === 'cancelled' ? 'cancelled' : finished ? 'done' : 'running',
      updatedAt: deps.now().toISOString(),
      state: {
        ...state, nextChunk, done: fresh.state.done + chunk.size,
        succeeded: fresh.state.succeeded + okIds.length, errors: [...fresh.state.errors, ...chunk.refused, ...errors],
      },
    };
    await store.put(recorded);
    if (okIds.length === 0) return;
    if (follow === null) await markCacheBehind(db, job.id);
    else if (follow) await db.follows.bulkPut(okIds.map((customerId) => ({ customerId })));
    else await db.follows.bulkDelete(okIds);
  });
  if (recorded) {
    deps.push({ kind: 'job', job: jobView(recorded) });
    if (follow !== null && okIds.length > 0) deps.push({ kind: 'follows', ids: okIds });
  }
  return recorded;
}
