// The background's jobs: pre-check by the rules, start (persist, then run), undo, and the one runner. One per
// worker, built by the wiring (lib/background/services.ts).
import type { Customer, Id, ShareTargets } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import { decide } from '../../rules/index';
import type { RuleId } from '../../rules/types';
import type { Change } from '../../protocol/messages';
import type { CrmxDb } from '../store/db';
import type { ConnectionService } from '../connection';
import type { CustomerCache } from '../customer-cache';
import type { Sync } from '../sync/sync';
import { type BatchRequest, customerLabelOf, type CustomerLabel, type JobItemError, type JobView, type PrecheckResult } from '../../protocol/jobs';
import { isTransient } from '../transient';
import { batchChunkSize } from '../../settings';
import { chunkSizeOf, recordedPlan, type ChunkPlan } from './chunk-plan';
import { createJobStore, listJobViews } from './job-store';
import { cacheBehindOtherJob } from './catch-up';
import { idsOf, isUndoable, jobView, operationOf, requestedOf, ruleActionOf, rowErrors, type JobRecord } from './plan';
import { beforeOf, undoOps } from './undo';
import { createJobRunner, type JobRunner } from './runner';

export interface JobsServiceDeps {
  db: CrmxDb;
  now: () => Date;
  push(change: Change): void;
  connection: ConnectionService;
  cache: CustomerCache;
  sync: Sync;
  /** Customers per CRM call; default: the batchChunkSize setting. */
  chunkSize?: () => Promise<number>;
  keepAlive?: () => Promise<void>;
}

interface Checked {
  allowed: Id[];
  refused: Map<RuleId, { ids: Id[]; reason: string }>;
  customers: Map<Id, Customer>;
  actor: string;
}

/** As many as the batch dialog lists by name (components/batch/TargetList.tsx). */
const NAMED_IN_PRECHECK = 2000;

/** A chunk is retried inside the crm (backoff, Retry-After) before the job waits for its next run. */
const CHUNK_ATTEMPTS = 4;

export function createJobsService(deps: JobsServiceDeps) {
  const { db, now, connection, cache } = deps;
  const store = createJobStore(db);
  const runner: JobRunner = createJobRunner({
    db, store, now, push: (change) => deps.push(change), keepAlive: deps.keepAlive,
    async syncCustomers() {
      return (await deps.sync.run({ again: true, customersOnly: true })).error === null;
    },
    chunkAttempts: CHUNK_ATTEMPTS,
    async connect() {
      const { origin, crm } = await connection.current();
      const acting = await connection.acting(crm).catch((error: unknown) => {
        if (isTransient(error)) return null;
        throw error;
      });
      return { crm, actor: acting ? `${origin}|${acting.me.user.id}` : null };
    },
    planChunk: (job, ids) => planChunk(job, ids),
  });

  /** The rules over the cached customers (filled from the CRM when it answers). */
  async function check(kind: BatchRequest['kind'], ids: Id[]): Promise<Checked> {
    const { origin, crm } = await connection.current();
    const acting = await connection.acting(crm);
    let found: Map<Id, Customer | null>;
    try {
      found = await cache.customers(crm, ids, false);
    } catch (error) {
      if (!isTransient(error)) throw error;
      found = new Map((await db.customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    }
    const action = ruleActionOf(kind);
    const result: Checked = { allowed: [], refused: new Map(), customers: new Map(), actor: `${origin}|${acting.me.user.id}` };
    for (const id of ids) {
      const customer = found.get(id);
      if (customer) result.customers.set(id, customer);
      // Unknown while offline: the CRM decides (and answers per customer).
      const decision = !action || customer === undefined ? null
        : customer === null ? { allowed: false, rule: 'not-listed' as const, reason: 'The customer is not in your list' }
          : decide(acting.ctx, customer, action, now());
      if (!decision || decision.allowed) result.allowed.push(id);
      else {
        const group = result.refused.get(decision.rule) ?? { ids: [], reason: decision.reason };
        group.ids.push(id);
        result.refused.set(decision.rule, group);
      }
    }
    return result;
  }

  async function precheck(request: BatchRequest): Promise<PrecheckResult> {
    const checked = await check(request.kind, idsOf(request));
    const total = requestedOf(request);
    const refused = [...checked.refused].map(([rule, g]) => ({ rule, count: g.ids.length, ids: g.ids }));
    // Named in the dialog: its list shows the first customers, and every refused one is named.
    const named = [...idsOf(request).slice(0, NAMED_IN_PRECHECK), ...refused.flatMap((r) => r.ids.slice(0, NAMED_IN_PRECHECK))];
    const customers: Record<Id, CustomerLabel> = {};
    for (const id of named) {
      const c = checked.customers.get(id);
      if (c) customers[id] = customerLabelOf(c);
    }
    return { total, allowed: checked.allowed.length, refused, customers };
  }

  async function persist(kind: JobView['kind'], state: Omit<JobRecord['state'], 'nextChunk' | 'done' | 'succeeded'>, done: number): Promise<JobRecord> {
    const at = now().toISOString();
    const job: JobRecord = {
      id: `job-${now().getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`,
      kind, status: 'queued', createdAt: at, updatedAt: at,
      state: { ...state, nextChunk: 0, done, succeeded: 0 },
    };
    await store.put(job);
    deps.push({ kind: 'job', job: jobView(job) });
    void runner.kick();
    return job;
  }

  const chunkSize = async (): Promise<number> => chunkSizeOf(await (deps.chunkSize ?? (() => batchChunkSize.getValue()))());

  /** The customers of one chunk by the rules: those refused are skipped and reported as per-item errors. */
  async function planChunk(job: JobRecord, ids: Id[]): Promise<ChunkPlan> {
    const checked = await check(job.kind, ids);
    const names = job.state.names ?? {};
    const refused: JobItemError[] = [...checked.refused].flatMap(([rule, g]) =>
      g.ids.map((id) => {
        const customer = checked.customers.get(id);
        return { item: names[id] ?? id, code: 'forbidden', message: g.reason, rule, ...(customer ? { customer: customerLabelOf(customer) } : {}) };
      }));
    const allowedIds = new Set(checked.allowed);
    const allowed = new Map([...checked.customers].filter(([id]) => allowedIds.has(id)));
    const { operation } = job.state.ops[0];
    const before = beforeOf({ kind: job.kind, ...(operation.op === 'share' ? { targets: operation.targets } : {}) }, allowed);
    if (before && await cacheBehindOtherJob(db, job.id)) return { ids: checked.allowed, refused, staleBefore: true };
    return { ids: checked.allowed, refused, ...(before ? { before } : {}) };
  }

  /** Who the customers of a file's ambiguous rows are (from the cache the preview filled), to name them in the errors. */
  async function candidatesOf(request: BatchRequest): Promise<(id: Id) => { name: string; code: string } | undefined> {
    if (request.kind !== 'deleteByPhone') return () => undefined;
    const ids = [...new Set(request.rows.flatMap((r) => (r.problem === 'ambiguous' ? r.candidates ?? [] : [])))];
    const found = new Map((await db.customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    return (id) => found.get(id);
  }

  /** Persists the job and starts it; its customers are checked by the rules a chunk at a time. */
  async function start(request: BatchRequest): Promise<JobView> {
    const { origin, crm } = await connection.current();
    const acting = await connection.acting(crm);
    const { errors, names } = rowErrors(request, await candidatesOf(request));
    const total = requestedOf(request);
    const undoable = beforeOf(request, new Map()) !== undefined;
    // No more customers a call than the CRM takes in one.
    const size = Math.min(await chunkSize(), crm.capabilities.maxBatch);
    const job = await persist(request.kind, {
      ops: [{ operation: operationOf(request), ids: [] }], input: idsOf(request), chunkSize: size, total, errors,
      actor: `${origin}|${acting.me.user.id}`,
      ...(Object.keys(names).length > 0 ? { names } : {}),
      ...(undoable ? { before: {} } : {}),
    }, errors.length);
    return jobView(job);
  }

  async function undo(id: string): Promise<JobView> {
    const job = await runner.read(id);
    if (!job) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
    if (!isUndoable(job)) throw new CrmError({ code: 'invalid', message: `Job ${id} cannot be undone (only finished share and label jobs, once)` });
    const { crm } = await connection.current();
    const ops = undoOps(await recordedPlan(db, job));
    const kind = job.kind === 'share' ? 'cancelShare' : 'setLabels';
    const total = ops.reduce((sum, op) => sum + op.ids.length, 0);
    const undoJob = await persist(kind, {
      ops, chunkSize: Math.min(await chunkSize(), crm.capabilities.maxBatch), total, errors: [], undoOf: id, ...(job.state.actor ? { actor: job.state.actor } : {}),
    }, 0);
    await store.put({ ...job, state: { ...job.state, undoneBy: undoJob.id } });
    return jobView(undoJob);
  }

  async function list(): Promise<JobView[]> {
    return listJobViews(db);
  }

  return { precheck, start, undo, list, runner };
}

export type JobsService = ReturnType<typeof createJobsService>;
