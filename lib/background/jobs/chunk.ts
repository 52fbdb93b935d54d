// One chunk of a job: sent with the key derived from the job id and its index, then recorded (results
// and progress in one transaction). The cached customers are not rewritten here (see ./catch-up.ts);
// follows are, being one small row each with no version.
import type { Id } from '../../domain/types';
import type { BatchOp, CrmConnector } from '../../crm-client/connector';
import { CrmError } from '../../crm-client/errors';
import { batchShowsEffect, customerOrNull, performBatch } from '../../crm-client/operations';
import type { BatchResults } from '../../crm-client/schemas';
import type { Change } from '../../protocol/messages';
import { customerLabelOf, type JobItemError } from '../../protocol/jobs';
import type { CrmxDb } from '../store/db';
import { isTransient } from '../transient';
import { markCacheBehind } from './catch-up';
import { jobTables, type JobStore } from './job-store';
import type { Chunk } from './chunk-plan';
import { chunkCount, chunkKey, jobView, type JobRecord } from './plan';

export type Results = BatchResults['results'];

export interface SendDeps {
  db: CrmxDb;
  crm: CrmConnector;
  /** Tries per chunk inside the connector (with idempotency keys; without, one). */
  attempts: number;
}

const sentKey = (jobId: string, k: number) => `job-sent:${jobId}:${k}`;

/**
 * Of a chunk that may have been applied already (sent before, its answer lost), the customers that show
 * the operation's effect when read back: answered as done, not sent again. For a CRM without idempotency
 * keys; one with them answers a resent chunk as a replay.
 */
async function alreadyDone(crm: CrmConnector, operation: BatchOp, ids: Id[]): Promise<Set<Id>> {
  const follows = operation.op === 'follow' ? new Set(await crm.follows()) : new Set<Id>();
  const done = new Set<Id>();
  for (const id of ids) {
    const customer = await customerOrNull(crm, id);
    if (batchShowsEffect(operation, { customer, followed: follows.has(id) })) done.add(id);
  }
  return done;
}

/** Sends chunk k. 'stop': the CRM could not be reached, try later; 'unauthorized': the job cannot go on. */
export async function sendChunk(deps: SendDeps, jobId: string, k: number, chunk: Chunk): Promise<Results | 'stop' | 'unauthorized'> {
  if (chunk.ids.length === 0) return [];
  const { db, crm } = deps;
  const idempotent = crm.capabilities.idempotencyKeys;
  try {
    let ids = chunk.ids;
    let done: Results = [];
    if (!idempotent) {
      if (await db.meta.get(sentKey(jobId, k))) {
        const shown = await alreadyDone(crm, chunk.op.operation, ids);
        done = ids.filter((id) => shown.has(id)).map((id) => ({ id, ok: true as const }));
        ids = ids.filter((id) => !shown.has(id));
      } else {
        await db.meta.put({ key: sentKey(jobId, k), value: true });
      }
    }
    const sent = ids.length === 0 ? [] : (await performBatch(crm, chunk.op.operation, ids, {
      idempotencyKey: chunkKey(jobId, k), attempts: idempotent ? deps.attempts : 1,
    })).results;
    return [...done, ...sent];
  } catch (error) {
    if (isTransient(error)) return 'stop';
    const e = error instanceof CrmError ? error : new CrmError({ code: 'bad_response', message: String(error) });
    if (e.code === 'unauthorized') return 'unauthorized';
    return chunk.ids.map((id) => ({ id, ok: false as const, error: { code: e.code, message: e.message, ...(e.rule ? { rule: e.rule } : {}) } }));
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
  const { operation } = chunk.op;
  const follow = operation.op === 'follow' ? operation.follow : null;
  let recorded: JobRecord | undefined;
  // Errors name their customer, never its id: who it is, from the cache, read before the transaction.
  const failed = results.flatMap((r) => (r.ok ? [] : [r.id]));
  const known = new Map((failed.length ? await db.customers.bulkGet(failed) : []).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  await db.transaction('rw', [...jobTables(db), db.follows], async () => {
    const fresh = await store.get(job.id);
    if (!fresh || fresh.state.nextChunk !== k) return;
    const names = fresh.state.names ?? {};
    const errors: JobItemError[] = results.flatMap((r) => (r.ok ? [] : [{
      item: names[r.id] ?? r.id, code: r.error.code, message: r.error.message,
      ...(names[r.id] === undefined && known.has(r.id) ? { customer: customerLabelOf(known.get(r.id)!) } : {}),
      ...(r.error.rule ? { rule: r.error.rule as JobItemError['rule'] } : {}),
      ...(r.phone !== undefined ? { phone: r.phone } : {}),
      ...(r.error.matches ? { matches: r.error.matches } : {}),
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
    await db.meta.delete(sentKey(job.id, k));
    if (okIds.length === 0) return;
    if (follow === null) await markCacheBehind(db, job.id);
    else if (follow) await db.follows.bulkPut(okIds.map((customerId) => ({ customerId })));
    else await db.follows.bulkDelete(okIds);
  });
  if (recorded) {
    deps.push({ kind: 'job', job: jobView(recorded) });
    if (follow !== null && okIds.length > 0) deps.push({ kind: 'follows', ids: okIds });
    // The CRM has them changed now; the cache learns their values with the catch-up after the job.
    if (follow === null && okIds.length > 0) deps.push({ kind: 'customers', ids: okIds, mine: true });
  }
  return recorded;
}
