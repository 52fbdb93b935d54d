// Protocol area: batch operations as persisted, resumable jobs.
// Handlers: lib/background/handlers/jobs.ts.
import * as v from 'valibot';
import type { Customer, Id, LogEntry, ShareTargets } from '../domain/types';
import type { RuleId } from '../rules/types';
import type { AssignmentField } from '../rules/reassignable';
import type { Reply, SenderKind } from './messages';
import { ShareTargetsSchema } from './mutations';

export type BatchRequest =
  | { kind: 'share'; customerIds: Id[]; targets: ShareTargets }
  | { kind: 'cancelShare'; customerIds: Id[]; all: boolean; targets?: ShareTargets }
  | { kind: 'setLabels' | 'addLabels'; customerIds: Id[]; tags: string[] }
  | { kind: 'follow' | 'unfollow' | 'delete'; customerIds: Id[] }
  /** The account executive or the customer service representative of each customer set to this person. */
  | { kind: 'reassign'; customerIds: Id[]; field: AssignmentField; userId: Id }
  /**
   * The confirmed preview of a phone file: rows matched to a customer are deleted by id (never by a
   * number the user did not see); rows with a problem are reported as that row's error.
   */
  | { kind: 'deleteByPhone'; rows: PhoneRow[]; /** The file's name, for the log. */ file?: string };

export interface PhoneRow {
  /** The spreadsheet's row number (the header is row 1, the first data row 2). */
  row: number;
  /** The phone number as the file had it. */
  phone: string;
  customerId: Id | null;
  problem?: PhoneRowProblem;
  /** For 'ambiguous': every customer with this number. */
  candidates?: Id[];
  /** For 'ambiguous': those of `candidates` the user chose to delete (none unless they tick them). */
  chosen?: Id[];
}

export type PhoneRowProblem = 'not_found' | 'invalid' | 'duplicate' | 'ambiguous' | 'sample';

/** How a customer is told apart from others in a list the user decides on: name, code, phone. */
export type CustomerLabel = Pick<Customer, 'name' | 'code' | 'phone'>;

export const customerLabelOf = (c: CustomerLabel): CustomerLabel => ({ name: c.name, code: c.code, phone: c.phone });

export interface PrecheckResult {
  total: number;
  allowed: number;
  /** Refused before sending, grouped by rule: "37 of 500 can't be shared: you can't edit them". */
  refused: { rule: RuleId; count: number; ids: Id[] }[];
  /** Who the refused customers and the first ones asked for are (those the cache knows), to name them. */
  customers?: Record<Id, CustomerLabel>;
}

export interface JobItemError {
  /** A customer id, or "row 12" for file rows. */
  item: string;
  code: string;
  message: string;
  rule?: RuleId;
  /** For a file row: the number it had. */
  phone?: string;
  /** For a number several customers have: who they are. */
  matches?: { id: Id; name: string; code: string }[];
  /** For a customer item: who it is (the item itself is its id, never shown). */
  customer?: CustomerLabel;
}

/** What a job does: a request's kind, or 'restore' (the undo of a batch delete). */
export type JobKind = BatchRequest['kind'] | 'restore';

export interface JobView {
  id: string;
  kind: JobKind;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  done: number;
  succeeded: number;
  errors: JobItemError[];
  createdAt: string;
  updatedAt: string;
  /** Label, share, reassign and delete jobs can be undone once done (a delete only within `undoUntil`). */
  undoable: boolean;
  /** A delete job: until when its customers can be restored (the CRM's restore window from the job's start). */
  undoUntil?: string;
  /** A reassign job: which field it changed. */
  field?: AssignmentField;
  /** Set on a job that undoes another one (its id). */
  undoOf?: string;
}

/** A finished share, cancel-sharing or labels job's log entry for each customer it changed, a page at a time. */
export interface JobChangesPage {
  /** Customers the job changed (those it reported no error for). */
  total: number;
  items: { customerId: Id; name: string | null; entry: LogEntry | null }[];
}

export interface JobsProtocol {
  precheckBatch(request: BatchRequest): Reply<PrecheckResult>;
  startBatch(request: BatchRequest): Reply<JobView>;
  getJobs(): Reply<JobView[]>;
  cancelJob(id: string): Reply<JobView>;
  undoJob(id: string): Reply<JobView>;
  /** "Select all N matching": every id the CRM lists for the user under this filter. */
  resolveMatching(request: { q?: string; followed?: boolean; tag?: string }): Reply<{ ids: Id[]; total: number }>;
  getJobChanges(request: { id: string; offset: number; limit: number }): Reply<JobChangesPage>;
}

export const JOBS_SENDER_KINDS: Record<keyof JobsProtocol, SenderKind> = {
  precheckBatch: 'crm-page',
  startBatch: 'crm-page',
  getJobs: 'crm-page',
  cancelJob: 'crm-page',
  undoJob: 'crm-page',
  resolveMatching: 'crm-page',
  getJobChanges: 'crm-page',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));
const CustomerIds = v.pipe(v.array(Id), v.minLength(1, 'no customers selected'), v.maxLength(200_000, 'too many customers'));
const Tags = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1, 'empty tag'), v.maxLength(100))), v.minLength(1, 'no tags'), v.maxLength(100));
export const BatchRequestSchema = v.variant('kind', [
  v.object({ kind: v.literal('share'), customerIds: CustomerIds, targets: ShareTargetsSchema }),
  v.object({ kind: v.literal('cancelShare'), customerIds: CustomerIds, all: v.boolean(), targets: v.optional(ShareTargetsSchema) }),
  v.object({ kind: v.picklist(['setLabels', 'addLabels']), customerIds: CustomerIds, tags: Tags }),
  v.object({ kind: v.picklist(['follow', 'unfollow', 'delete']), customerIds: CustomerIds }),
  v.object({ kind: v.literal('reassign'), customerIds: CustomerIds, field: v.picklist(['aeId', 'csrId']), userId: Id }),
  v.object({
    kind: v.literal('deleteByPhone'),
    rows: v.pipe(
      v.array(v.object({
        row: v.pipe(v.number(), v.integer(), v.minValue(1)),
        phone: v.pipe(v.string(), v.maxLength(100)),
        customerId: v.nullable(Id),
        problem: v.optional(v.picklist(['not_found', 'invalid', 'duplicate', 'ambiguous', 'sample'])),
        candidates: v.optional(v.pipe(v.array(Id), v.maxLength(1000))),
        chosen: v.optional(v.pipe(v.array(Id), v.maxLength(1000))),
      })),
      v.minLength(1, 'the file has no rows'),
      v.maxLength(200_000, 'too many rows'),
    ),
    file: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
]) as v.GenericSchema<unknown, BatchRequest>;

export const JOBS_SCHEMAS: { [K in keyof JobsProtocol]: v.GenericSchema<unknown, Parameters<JobsProtocol[K]>[0]> } = {
  precheckBatch: BatchRequestSchema,
  startBatch: BatchRequestSchema,
  getJobs: v.undefined(),
  cancelJob: Id,
  undoJob: Id,
  resolveMatching: v.object({ q: v.optional(v.pipe(v.string(), v.maxLength(200))), followed: v.optional(v.boolean()), tag: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  getJobChanges: v.object({
    id: Id,
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  }),
};
