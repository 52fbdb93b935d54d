// What a persisted job is: the operations it carries out over its customers, cut into chunks, and its
// progress. Pure.
import type { Id, ShareTargets } from '../../domain/types';
import type { BatchOp, PhoneOpRow } from '../../crm-client/connector';
import type { Action } from '../../rules/types';
import type { AssignmentField } from '../../rules/reassignable';
import { RESTORE_WINDOW_MS } from '../../rules/decide';
import type { BatchRequest, JobItemError, JobKind, JobView, PhoneRow } from '../../protocol/jobs';
import type { JobRow } from '../store/db';

/** One batch operation over a list of customers. */
export interface JobOp {
  operation: BatchOp;
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
  /**
   * What the job changes, as it was before: for undo. A delete job keeps none (`{}`): what it deleted is what
   * its chunks sent and the CRM did not refuse.
   */
  before?: { shares?: Record<Id, ShareTargets>; tags?: Record<Id, string[]>; assignees?: Record<Id, Id | null> };
  /** A reassign job: the field it sets (shown on its card, which has no plan). */
  field?: AssignmentField;
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
export function ruleActionOf(kind: JobKind): Action | null {
  switch (kind) {
    case 'unfollow': return null;
    case 'deleteByPhone': return 'delete';
    case 'reassign': return 'edit';
    default: return kind;
  }
}

/** The customers a file row deletes: its one match, or those the user chose among several. */
export function rowTargets(row: PhoneRow): Id[] {
  if (row.problem === 'ambiguous') return (row.chosen ?? []).filter((id) => row.candidates?.includes(id));
  return row.customerId !== null && !row.problem ? [row.customerId] : [];
}

/** The customer ids a request is about (file rows: those matched to a customer, or chosen, without a problem). */
export function idsOf(request: BatchRequest): Id[] {
  const ids = request.kind === 'deleteByPhone' ? request.rows.flatMap(rowTargets) : request.customerIds;
  return [...new Set(ids)];
}

/**
 * What a request asks to delete or change, the "requested" of "deleted / requested": one per customer,
 * and for a file one per row (a row whose number several customers have counts each customer chosen).
 */
export function requestedOf(request: BatchRequest): number {
  if (request.kind !== 'deleteByPhone') return idsOf(request).length;
  return request.rows.reduce((sum, row) => sum + Math.max(1, rowTargets(row).length), 0);
}

const PROBLEM_TEXT = {
  not_found: 'no customer has this phone number',
  invalid: 'not a phone number',
  duplicate: 'the number is in the file more than once',
  ambiguous: 'several customers have this number and none was chosen',
  sample: 'the template\'s example row, never deleted',
} as const;

/** The operation a request becomes. */
export function operationOf(request: BatchRequest): BatchOp {
  switch (request.kind) {
    case 'share': return { op: 'share', targets: request.targets };
    case 'cancelShare': return { op: 'cancelShare', all: request.all, ...(request.targets ? { targets: request.targets } : {}) };
    case 'setLabels':
    case 'addLabels': return { op: 'labels', mode: request.kind === 'setLabels' ? 'set' : 'add', tags: request.tags };
    case 'follow':
    case 'unfollow': return { op: 'follow', follow: request.kind === 'follow' };
    case 'delete': return { op: 'delete' };
    case 'reassign': return { op: 'reassign', field: request.field, to: request.userId };
    // By id and number: the CRM deletes a row's customer only while it still has that number, and answers
    // 'ambiguous' when it knows more customers with it than the preview showed (and the user chose none).
    case 'deleteByPhone': {
      const rows: Record<Id, PhoneOpRow> = {};
      for (const row of request.rows) {
        for (const id of rowTargets(row)) {
          rows[id] ??= { row: row.row, phone: row.phone, ...(row.problem === 'ambiguous' ? { chosen: true as const } : {}) };
        }
      }
      return { op: 'deleteByPhone', ...(request.file ? { file: request.file } : {}), rows };
    }
  }
}

/**
 * File rows that cannot be deleted, each reported with its row number, its number and why (a number
 * several customers have names them, from `who`); `names` says which row each target came from.
 */
export function rowErrors(
  request: BatchRequest, who: (id: Id) => { name: string; code: string } | undefined = () => undefined,
): { errors: JobItemError[]; names: Record<Id, string> } {
  const names: Record<Id, string> = {};
  const errors: JobItemError[] = [];
  if (request.kind !== 'deleteByPhone') return { errors, names };
  const seen = new Set<Id>();
  for (const row of request.rows) {
    const item = `row ${row.row}`;
    const targets = rowTargets(row);
    if (targets.length === 0) {
      const problem = row.problem ?? 'not_found';
      const matches = problem === 'ambiguous'
        ? (row.candidates ?? []).map((id) => ({ id, name: who(id)?.name ?? '', code: who(id)?.code ?? '' }))
        : undefined;
      errors.push({ item, code: problem, message: `${row.phone}: ${PROBLEM_TEXT[problem]}`, phone: row.phone, ...(matches ? { matches } : {}) });
      continue;
    }
    for (const id of targets) {
      if (seen.has(id)) {
        errors.push({ item, code: 'duplicate', message: `${row.phone}: the same customer as an earlier row`, phone: row.phone });
      } else {
        seen.add(id);
        names[id] = item;
      }
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

/**
 * Until when a delete job's customers can be restored: the CRM's restore window counted from the job's start
 * (every customer it deleted was deleted after that, so all of them are still in their window until then).
 */
export function undoUntilOf(job: Pick<JobRecord, 'kind' | 'createdAt'>): string | undefined {
  if (job.kind !== 'delete') return undefined;
  return new Date(Date.parse(job.createdAt) + RESTORE_WINDOW_MS).toISOString();
}

export function jobView(job: JobRecord): JobView {
  const { total, done, succeeded, errors, undoOf, field } = job.state;
  const undoUntil = undoUntilOf(job);
  return {
    id: job.id, kind: job.kind, status: job.status, total, done, succeeded, errors,
    createdAt: job.createdAt, updatedAt: job.updatedAt, undoable: isUndoable(job),
    ...(undoOf ? { undoOf } : {}), ...(undoUntil && !undoOf ? { undoUntil } : {}), ...(field ? { field } : {}),
  };
}
