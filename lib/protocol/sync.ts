// Protocol area: sync status, the offline log timeline, the org directory, cached search.
// Handlers: lib/background/handlers/sync.ts.
import * as v from 'valibot';
import type { ChangeRecord, Customer, Department, Id, LogEntry, Role, User } from '../domain/types';
import { LOG_TYPES, type LogType } from '../domain/log-types';
import type { Reply, SenderKind } from './messages';

export interface SyncStatus {
  /** ISO time of the last complete sync, null before the first. */
  lastSyncAt: string | null;
  running: boolean;
  /** What the running sync is doing: 'org' | 'customers' | 'follows' | 'logs'. */
  phase: string | null;
  done: number;
  total: number | null;
  /** The last error, until a sync succeeds (for developers: the UI words `errorCode`). */
  error: string | null;
  /** The last error's code, as errorText() words it for the user. */
  errorCode?: string | null;
  offline: boolean;
}

/** A page of one customer's log, newest first (the cache's own query: lib/background/store/logs.ts). */
export interface TimelineRequest {
  customerId: Id;
  types?: LogType[];
  /** ISO bounds, inclusive. */
  from?: string;
  to?: string;
  /** Only entries older than this one (by time, then id). */
  before?: { at: string; id: Id };
  limit?: number;
}


export interface TimelinePage {
  items: LogEntry[];
  /** Cursor for the next (older) page, null at the end. */
  next: { at: string; id: Id } | null;
  /** True when this came from the cache because the CRM could not be reached. */
  fromCache: boolean;
}

export interface OrgDirectory {
  departments: Department[];
  roles: Role[];
  users: Pick<User, 'id' | 'name' | 'email' | 'departmentId' | 'roleId'>[];
}

export interface CachedSearchRequest {
  q?: string;
  followedOnly?: boolean;
  offset?: number;
  limit?: number;
}

export interface SyncProtocol {
  syncNow(): Reply<SyncStatus>;
  getSyncStatus(): Reply<SyncStatus>;
  getTimeline(request: TimelineRequest): Reply<TimelinePage>;
  getChangeRecords(logId: Id): Reply<ChangeRecord[]>;
  getOrgDirectory(): Reply<OrgDirectory>;
  searchCached(request: CachedSearchRequest): Reply<{ items: Customer[]; total: number }>;
  /** One page of the followed customers the user can see, from the cache (so it works offline), by name. */
  listFollowed(request: { offset: number; limit: number }): Reply<{ items: Customer[]; total: number }>;
}

export const SYNC_SENDER_KINDS: Record<keyof SyncProtocol, SenderKind> = {
  syncNow: 'crm-page',
  getSyncStatus: 'crm-page',
  getTimeline: 'crm-page',
  getChangeRecords: 'crm-page',
  getOrgDirectory: 'crm-page',
  searchCached: 'extension-page',
  listFollowed: 'crm-page',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));
const Iso = v.pipe(v.string(), v.isoTimestamp('not an ISO time'));

export const SYNC_SCHEMAS: { [K in keyof SyncProtocol]: v.GenericSchema<unknown, Parameters<SyncProtocol[K]>[0]> } = {
  syncNow: v.undefined(),
  getSyncStatus: v.undefined(),
  getTimeline: v.object({
    customerId: Id,
    types: v.optional(v.array(v.picklist(LOG_TYPES, 'unknown log type'))),
    from: v.optional(Iso),
    to: v.optional(Iso),
    before: v.optional(v.object({ at: Iso, id: Id })),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  }),
  getChangeRecords: Id,
  getOrgDirectory: v.undefined(),
  searchCached: v.object({
    q: v.optional(v.pipe(v.string(), v.maxLength(200))),
    followedOnly: v.optional(v.boolean()),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  }),
  listFollowed: v.object({
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
  }),
};
