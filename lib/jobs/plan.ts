// What a persisted job is: the CRM calls it makes (ops), cut into chunks, and its progress. Pure.
import type { Id, ShareTargets } from '../domain/types';
import type { Action } from '../rules/types';
import type { BatchRequest, JobItemError, JobView } from '../messaging/protocol-jobs';
import type { JobRow } from '../store/db';

/** One batch endpoint over a list of customers; `body` is everything but `customerIds`. */
export interface JobOp {
  path: string;
  body: Record<string, unknown>;
  ids: Id[];
}

export interface JobState {
  /** With `input`: one op whose customers are planned a chunk at a time (see ./chunk-plan.ts). */
  ops: JobOp[];
  /** The customers asked for, in order; chunk k is planned over slice k just before it is sent. */
  input?: Id[];
  /** Frozen at start, so a resumed chunk is the same request (same ids, same idempotency key). */
  chunkSize: number;
  /** The next chunk to send, counted over all ops; chunk k is sent with key `${jobId}:${k}`. */
  nextChunk: number;
  total: number;
  done: number;
  succeeded: number;
  errors: JobItemError[];
  /** How items are named in errors when not by id (file rows: "row 12"). */
  names?: Record<Id, string>;
  /** What the job changes, as it was before: for undo. */
  before?: { shares?: Record<Id, ShareTargets>; tags?: Record<Id, string[]> };
  /** A chunk's before-state could not be trusted (planned while the cache lagged another job): no undo. */
  beforeStale?: true;
  undoOf?: string;
  undoneBy?: string;
  /** "<CRM origin>|<user id>" of whoever started it: it never runs as anyone else. */
  actor?: string;
}

export type JobRecord = Omit<JobRow, 'kind' | 'state'> & { kind: JobView['kind']; state: JobState };

export const MAX_CHUNK = 1000;

/** The rules action each kind needs per customer (null: none, e.g. unfollow). */
export function ruleActionOf(kind: BatchRequest['kind']): Action | null {
  switch (kind) {
    case 'unfollow': return null;
    case 'deleteByPhone': return 'delete';
    default: return kind;
  }
}

/** The customer ids a request is about (file rows: those matched to a customer without a problem). */
export function idsOf(request: BatchRequest): Id[] {
  const ids = request.kind === 'deleteByPhone'
    ? request.rows.filter((r) => r.customerId !== null && !r.problem).map((r) => r.customerId!)
    : request.customerIds;
  return [...new Set(ids)];
}

const PROBLEM_TEXT = {
  not_found: 'no customer has this phone number',
  invalid: 'not a phone number',
  duplicate: 'the number is in the file more than once',
} as const;

/** The one op a request becomes (over the allowed ids), plus the per-item errors known before sending. */
export function opOf(request: BatchRequest, ids: Id[]): JobOp {
  switch (request.kind) {
    case 'share': return { path: '/batch/share', body: { targets: request.targets }, ids };
    case 'cancelShare': return { path: '/batch/cancel-share', body: { all: request.all, ...(request.targets ? { targets: request.targets } : {}) }, ids };
    case 'setLabels':
    case 'addLabels': return { path: '/batch/labels', body: { mode: request.kind === 'setLabels' ? 'set' : 'add', tags: request.tags }, ids };
    case 'follow':
    case 'unfollow': return { path: '/batch/follow', body: { follow: request.kind === 'follow' }, ids };
    case 'delete':
    case 'deleteByPhone': return { path: '/batch/delete', body: {}, ids };
  }
}

/** File rows that cannot be deleted, each reported with its row number and why. */
export function rowErrors(request: BatchRequest): { errors: JobItemError[]; names: Record<Id, string> } {
  const names: Record<Id, string> = {};
  const errors: JobItemError[] = [];
  if (request.kind !== 'deleteByPhone') return { errors, names };
  const seen = new Set<Id>();
  for (const row of request.rows) {
    const item = `row ${row.row}`;
    if (row.problem || row.customerId === null) {
      const problem = row.problem ?? 'not_found';
      errors.push({ item, code: problem, message: `${row.phone}: ${PROBLEM_TEXT[problem]}` });
    } else if (seen.has(row.customerId)) {
      errors.push({ item, code: 'duplicate', message: `${row.phone}: the same customer as an earlier row` });
    } else {
      seen.add(row.customerId);
      names[row.customerId] = item;
    }
  }
  return { errors, names };
}

export function chunkCount(state: Pick<JobState, 'ops' | 'chunkSize' | 'input'>): number {
  if (state.input) return Math.ceil(state.input.length / state.chunkSize);
  return state.ops.reduce((sum, op) => sum + Math.ceil(op.ids.length / state.chunkSize), 0);
}

/** Chunk k: which op and which ids. */
export function chunkAt(state: Pick<JobState, 'ops' | 'chunkSize'>, k: number): { op: JobOp; ids: Id[] } | null {
  let left = k;
  for (const op of state.ops) {
    const count = Math.ceil(op.ids.length / state.chunkSize);
    if (left < count) return { op, ids: op.ids.slice(left * state.chunkSize, (left + 1) * state.chunkSize) };
    left -= count;
  }
  return null;
}

export const chunkKey = (jobId: string, k: number) => `${jobId}:${k}`;

export function isUndoable(job: JobRecord): boolean {
  return (job.status === 'done' || job.status === 'cancelled') && !job.state.undoneBy && !job.state.undoOf
    && job.state.before !== undefined && !job.state.beforeStale && job.state.succeeded > 0;
}

export function jobView(job: JobRecord): JobView {
  const { total, done, succeeded, errors, undoOf } = job.state;
  return {
    id: job.id, kind: job.kind, status: job.status, total, done, succeeded, errors,
    createdAt: job.createdAt, updatedAt: job.updatedAt, undoable: isUndoable(job),
    ...(undoOf ? { undoOf } : {}),
  };
}
