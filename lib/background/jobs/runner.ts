// Runs persisted jobs chunk by chunk. Progress is stored after every chunk in the transaction that
// records the chunk's results, and every chunk carries a key derived from the job id and the chunk
// index: a worker killed anywhere resumes at the first unrecorded chunk, and the CRM's idempotency
// turns a chunk that was sent but not recorded into a replay, never a second application.
import { oneAtATime } from '../../one-at-a-time';
import type { Change } from '../../protocol/messages';
import type { CrmxDb } from '../store/db';
import type { CrmConnector } from '../../crm-client/connector';
import { isTransient } from '../transient';
import { createCacheCatchUp } from './catch-up';
import { recordChunk, sendChunk, type SendDeps } from './chunk';
import { chunkOf, type Chunk, type PlanChunk } from './chunk-plan';
import { jobTables, openJobIds, type JobStore } from './job-store';
import { chunkCount, jobView, type JobRecord } from './plan';

export interface RunnerDeps {
  db: CrmxDb;
  store: JobStore;
  /** The CRM, and who acts ("<origin>|<user id>", null when unknown): a job runs only as its maker. */
  connect(): Promise<{ crm: CrmConnector; actor: string | null }>;
  /** Tries per chunk inside the connector before the job waits for its next run. */
  chunkAttempts?: number;
  push(change: Change): void;
  now(): Date;
  /**
   * Called before every chunk: keeps an MV3 worker from idling out in the middle of a job. Not awaited:
   * making the call is what resets the idle timer, and waiting for its answer (a round trip to the
   * browser) would hold back every chunk's send.
   */
  keepAlive?(): Promise<void>;
  /** A delta sync of the customers and follows (false: it did not complete): the cache's catch-up after jobs. */
  syncCustomers(): Promise<boolean>;
  planChunk: PlanChunk;
  /** The pause before a stopped job is run again at once (tests pass one that does not wait). */
  sleep?(ms: number): Promise<void>;
}

/** Chunks sent and not yet answered, at most. */
const IN_FLIGHT = 2;

/**
 * Without idempotency keys (a chunk is tried once, then read back before it is sent again): times a stopped
 * job is run again at once, after a short pause growing each time, before it waits for the next trigger;
 * counted from zero again when a chunk gets recorded. A stop is often one answer lost while the CRM answers
 * the rest, and waiting for a trigger would stall the job for it.
 */
const QUICK_RESUMES = 5;
const QUICK_PAUSE_MS = 250;

export function createJobRunner(deps: RunnerDeps) {
  const { db, store } = deps;
  /** Jobs cancelled in this worker: no further chunk is sent for them. */
  const cancelled = new Set<string>();

  const read = (id: string) => store.get(id);
  const keepAlive = () => void deps.keepAlive?.().catch(() => undefined);
  const cache = createCacheCatchUp(db, deps.syncCustomers);

  /** Chunk k, planned and persisted if it was not yet; 'stop' when the CRM could not be asked. */
  async function chunk(job: JobRecord, k: number): Promise<Chunk | 'stop'> {
    try {
      return await chunkOf(db, job, k, deps.planChunk);
    } catch (error) {
      if (isTransient(error)) return 'stop';
      throw error;
    }
  }

  /**
   * Runs one job from its next chunk. Two chunks are on the wire at once: the CRM finds the next one
   * waiting when it answers one, instead of idling while the answer travels back and the next request
   * comes out. Chunk k+2 is planned while k and k+1 are out, and sent once k is answered and recorded.
   * Safe to kill anywhere: a chunk's ids come from its plan, persisted before it is sent, and chunks are
   * recorded in order, so a resumed job resends at most the two unrecorded chunks, which the CRM answers
   * as replays.
   */
  async function runJob(job: JobRecord, send: SendDeps): Promise<'next' | 'stop'> {
    const count = chunkCount(job.state);
    let next = job.state.nextChunk;
    const planNext = () => {
      if (next >= count || cancelled.has(job.id)) return null;
      const planning = chunk(job, next);
      planning.catch(() => undefined); // raced below while there is room on the wire
      return planning;
    };
    let planning = planNext();
    let stopped = false;
    const wire: { k: number; chunk: Chunk; answer: ReturnType<typeof sendChunk> }[] = [];
    while (planning || wire.length > 0) {
      const event = await Promise.race([
        ...(planning && wire.length < IN_FLIGHT ? [planning.then((planned) => ({ planned }))] : []),
        ...(wire.length > 0 ? [wire[0].answer.then((results) => ({ results }))] : []),
      ]);
      if ('planned' in event) {
        planning = null;
        if (event.planned === 'stop') stopped = true;
        if (event.planned === 'stop' || cancelled.has(job.id)) continue;
        keepAlive();
        wire.push({ k: next, chunk: event.planned, answer: sendChunk(send, job.id, next, event.planned) });
        next += 1;
        planning = planNext();
        continue;
      }
      const { results } = event;
      // The other chunk on the wire ends first: resent by the next run while its requests are still out,
      // a customer could get the same write twice.
      if (results === 'stop' || results === 'unauthorized') await Promise.all(wire.slice(1).map((w) => w.answer));
      if (results === 'stop') return 'stop';
      if (results === 'unauthorized') {
        await db.jobs.update(job.id, { status: 'failed', updatedAt: deps.now().toISOString() });
        return 'next';
      }
      const answered = wire.shift()!;
      const recorded = await recordChunk(deps, job, answered.k, answered.chunk, results);
      // Recorded elsewhere meanwhile: the outer loop reads the job again.
      if (!recorded) return 'next';
      if (recorded.status === 'cancelled') planning = null; // the chunks already sent are still recorded
    }
    return stopped ? 'stop' : 'next';
  }

  async function runJobs(): Promise<'idle' | 'stopped'> {
    const open = async () => {
      const [id] = await openJobIds(db);
      const job = id === undefined ? undefined : await read(id);
      return job ? [job] : [];
    };
    if ((await open()).length === 0) return 'idle';
    const connection = await deps.connect().catch((error: unknown) => {
      if (isTransient(error)) return null;
      throw error;
    });
    if (!connection) return 'stopped';
    const { crm, actor } = connection;
    const send: SendDeps = { db, crm, attempts: deps.chunkAttempts ?? 1 };
    const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    let resumes = 0;
    let stoppedAt = '';
    for (let jobs = await open(); jobs.length > 0; jobs = await open()) {
      const job = jobs[0];
      if (job.state.actor && actor && job.state.actor !== actor) {
        const failed: JobRecord = { ...job, status: 'failed', updatedAt: deps.now().toISOString() };
        await store.put(failed);
        deps.push({ kind: 'job', job: jobView(failed) });
        continue;
      }
      if (job.state.nextChunk >= chunkCount(job.state)) {
        await db.jobs.update(job.id, { status: 'done', updatedAt: deps.now().toISOString() });
        deps.push({ kind: 'job', job: jobView({ ...job, status: 'done' }) });
        continue;
      }
      if (job.status === 'queued') await db.jobs.update(job.id, { status: 'running' });
      if ((await runJob({ ...job, status: 'running' }, send)) === 'stop') {
        const at = `${job.id}:${(await read(job.id))?.state.nextChunk}`;
        if (at !== stoppedAt) resumes = 0;
        stoppedAt = at;
        // With idempotency keys the connector has retried the chunk itself already.
        if (crm.capabilities.idempotencyKeys || ++resumes > QUICK_RESUMES) return 'stopped';
        keepAlive();
        await sleep(QUICK_PAUSE_MS * resumes);
      }
    }
    return 'idle';
  }

  /** Runs every unfinished job, oldest first, until done or the CRM stops answering. */
  const kick = oneAtATime({
    pass: async () => (await runJobs()) === 'idle',
    failure: 'a job could not run',
    after: () => void cache.run(),
  }).run;

  /** Stops a job between chunks (a chunk already sent is still recorded). */
  async function cancel(id: string): Promise<JobRecord | undefined> {
    let job: JobRecord | undefined;
    await db.transaction('rw', [...jobTables(db)], async () => {
      job = await read(id);
      if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
      job = { ...job, status: 'cancelled', updatedAt: deps.now().toISOString() };
      await store.put(job);
      cancelled.add(id);
    });
    if (job) deps.push({ kind: 'job', job: jobView(job) });
    return job;
  }

  /** Waits for the cache to catch up with the jobs run so far (when the CRM answers). */
  const cacheSettled = () => cache.settled();

  return { kick, cancel, read, cacheSettled };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
