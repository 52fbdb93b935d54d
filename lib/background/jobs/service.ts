// The background's jobs: pre-check by the rules, start (persist, then run), undo, and the one runner. One per
// worker, built by the wiring (lib/background/services.ts).
import type { Customer, Id, ShareTargets } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import { decide, decideEdit } from '../../rules/index';
import type { Decision, RuleId, UserContext } from '../../rules/types';
import { RESTORE_WINDOW_MS } from '../../rules/decide';
import type { Change } from '../../protocol/messages';
import type { CrmxDb } from '../store/db';
import type { ConnectionService } from '../connection';
import type { CustomerCache } from '../customer-cache';
import type { Sync } from '../sync/sync';
import { type BatchRequest, type JobKind, customerLabelOf, type CustomerLabel, type JobItemError, type JobView, type PrecheckResult } from '../../protocol/jobs';
import { isTransient } from '../transient';
import { batchChunkSize } from '../../settings';
import { chunkSizeOf, recordedPlan, type ChunkPlan } from './chunk-plan';
import { createJobStore, listJobViews } from './job-store';
import { cacheBehindOtherJob } from './catch-up';
import { idsOf, isUndoable, jobView, operationOf, requestedOf, ruleActionOf, rowErrors, undoUntilOf, type JobOp, type JobRecord } from './plan';
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

  /**
   * What the rules decide for one customer of a job of this kind: its action's decision, or for a reassignment
   * the edit rule for that change of AE or CSR (null: no rule applies, e.g. an unfollow).
   */
  function deciderOf(kind: JobKind, reassign?: { field: 'aeId' | 'csrId'; to: Id | null }) {
    const action = ruleActionOf(kind);
    return (ctx: UserContext, customer: Customer, at: Date): Decision | null => {
      if (reassign) return decideEdit(ctx, customer, { [reassign.field]: reassign.to }, at);
      return action ? decide(ctx, customer, action, at) : null;
    };
  }

  /** The rules over the cached customers (filled from the CRM when it answers). */
  async function check(decideOne: ReturnType<typeof deciderOf>, ids: Id[]): Promise<Checked> {
    const { origin, crm } = await connection.current();
    const acting = await connection.acting(crm);
    const found = await cache.customersOrCached(crm, ids);
    const result: Checked = { allowed: [], refused: new Map(), customers: new Map(), actor: `${origin}|${acting.me.user.id}` };
    for (const id of ids) {
      const customer = found.get(id);
      if (customer) result.customers.set(id, customer);
      // Unknown while offline: the CRM decides (and answers per customer).
      const decision = customer === undefined ? null
        : customer === null ? { allowed: false, rule: 'not-listed' as const, reason: 'The customer is not in your list' }
          : decideOne(acting.ctx, customer, now());
      if (!decision || decision.allowed) result.allowed.push(id);
      else {
        const group = result.refused.get(decision.rule) ?? { ids: [], reason: decision.reason };
        group.ids.push(id);
        result.refused.set(decision.rule, group);
      }
    }
    return result;
  }

  const deciderOfRequest = (request: BatchRequest) =>
    deciderOf(request.kind, request.kind === 'reassign' ? { field: request.field, to: request.userId } : undefined);

  async function precheck(request: BatchRequest): Promise<PrecheckResult> {
    const checked = await check(deciderOfRequest(request), idsOf(request));
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
    const { operation } = job.state.ops[0];
    const checked = await check(deciderOf(job.kind, operation.op === 'reassign' ? operation : undefined), ids);
    const names = job.state.names ?? {};
    const refused: JobItemError[] = [...checked.refused].flatMap(([rule, g]) =>
      g.ids.map((id) => {
        const customer = checked.customers.get(id);
        return { item: names[id] ?? id, code: 'forbidden', message: g.reason, rule, ...(customer ? { customer: customerLabelOf(customer) } : {}) };
      }));
    const allowedIds = new Set(checked.allowed);
    const allowed = new Map([...checked.customers].filter(([id]) => allowedIds.has(id)));
    const before = beforeOf({
      kind: job.kind, ...(operation.op === 'share' ? { targets: operation.targets } : {}), ...(operation.op === 'reassign' ? { field: operation.field } : {}),
    }, allowed);
    // A delete's undo needs no before-state (what it deleted is what it sent), so no cache can make it stale.
    if (before && Object.keys(before).length > 0 && await cacheBehindOtherJob(db, job.id)) return { ids: checked.allowed, refused, staleBefore: true };
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
    const undoable = beforeOf({
      kind: request.kind, ...(request.kind === 'share' ? { targets: request.targets } : {}), ...(request.kind === 'reassign' ? { field: request.field } : {}),
    }, new Map()) !== undefined;
    // No more customers a call than the CRM takes in one.
    const size = Math.min(await chunkSize(), crm.capabilities.maxBatch);
    const job = await persist(request.kind, {
      ops: [{ operation: operationOf(request), ids: [] }], input: idsOf(request), chunkSize: size, total, errors,
      actor: `${origin}|${acting.me.user.id}`,
      ...(Object.keys(names).length > 0 ? { names } : {}),
      ...(undoable ? { before: {} } : {}),
      ...(request.kind === 'reassign' ? { field: request.field } : {}),
    }, errors.length);
    return jobView(job);
  }

  async function undo(id: string): Promise<JobView> {
    const job = await runner.read(id);
    if (!job) throw new CrmError({ code: 'not_found', message: `No job ${id}` });
    if (!isUndoable(job)) throw new CrmError({ code: 'invalid', message: `Job ${id} cannot be undone (only finished share, label, reassign and delete jobs, once)` });
    const until = undoUntilOf(job);
    if (until && now().getTime() > Date.parse(until)) {
      throw new CrmError({ code: 'forbidden', rule: 'restore-expired', message: `Job ${id}: its customers were deleted more than ${RESTORE_WINDOW_MS / 86_400_000} days ago` });
    }
    const { crm } = await connection.current();
    if (job.kind === 'delete' && !crm.capabilities.restore) throw new CrmError({ code: 'unsupported', message: 'This CRM cannot restore deleted customers' });
    const planned = undoOps(await recordedPlan(db, job));
    const kind: JobKind = job.kind === 'share' ? 'cancelShare' : job.kind === 'delete' ? 'restore' : job.kind === 'reassign' ? 'reassign' : 'setLabels';
    // A reassignment is set back only where the rules let the user make that change now; the others are reported.
    const { ops, errors } = kind === 'reassign' ? await undoChecked(kind, planned) : { ops: planned, errors: [] };
    const total = ops.reduce((sum, op) => sum + op.ids.length, 0) + errors.length;
    const undoJob = await persist(kind, {
      ops, chunkSize: Math.min(await chunkSize(), crm.capabilities.maxBatch), total, errors, undoOf: id,
      ...(job.state.actor ? { actor: job.state.actor } : {}), ...(job.state.field ? { field: job.state.field } : {}),
    }, errors.length);
    const undone: JobRecord = { ...job, updatedAt: now().toISOString(), state: { ...job.state, undoneBy: undoJob.id } };
    await store.put(undone);
    // Every open card of the job (the bar, the side panel's list) stops offering the undo.
    deps.push({ kind: 'job', job: jobView(undone) });
    return jobView(undoJob);
  }

  /** The undo's ops without the customers the rules refuse now, and those as per-item errors. */
  async function undoChecked(kind: JobKind, ops: JobOp[]): Promise<{ ops: JobOp[]; errors: JobItemError[] }> {
    const errors: JobItemError[] = [];
    const kept: JobOp[] = [];
    for (const op of ops) {
      const checked = await check(deciderOf(kind, op.operation.op === 'reassign' ? op.operation : undefined), op.ids);
      for (const [rule, g] of checked.refused) {
        for (const customerId of g.ids) {
          const customer = checked.customers.get(customerId);
          errors.push({ item: customerId, code: 'forbidden', message: g.reason, rule, ...(customer ? { customer: customerLabelOf(customer) } : {}) });
        }
      }
      if (checked.allowed.length > 0) kept.push({ operation: op.operation, ids: checked.allowed });
    }
    return { ops: kept, errors };
  }

  async function list(): Promise<JobView[]> {
    return listJobViews(db);
  }

  return { precheck, start, undo, list, runner };
}

export type JobsService = ReturnType<typeof createJobsService>;
