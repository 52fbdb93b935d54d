// The ONE message protocol between the background and every other context (content script, options,
// side panel…). Requests go to the background and always answer a Reply; `changed` is the push
// channel from the background to the open UIs.
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { Customer, Id } from '../domain/types';
import type { Action, AskWhom, RuleId } from '../rules/types';
import type { CrmErrorCode } from '../crm-client/errors';
import type { Me } from '../crm-client/schemas';
import { SYNC_SCHEMAS, SYNC_SENDER_KINDS, type SyncProtocol, type SyncStatus } from './sync';
import { MUTATION_SCHEMAS, MUTATION_SENDER_KINDS, type MutationProtocol } from './mutations';
import { JOBS_SCHEMAS, JOBS_SENDER_KINDS, type JobsProtocol, type JobView } from './jobs';
import { IMPORT_SCHEMAS, IMPORT_SENDER_KINDS, type ImportProtocol } from './import';
import { CONTENT_SCHEMAS, CONTENT_SENDER_KINDS, type ContentProtocol } from './content';
import { POOL_SCHEMAS, POOL_SENDER_KINDS, type PoolProtocol } from './pool';
import { EXPORT_SCHEMAS, EXPORT_SENDER_KINDS, type ExportProtocol } from './export';
import { TAB_SELECTION_SCHEMAS, TAB_SELECTION_SENDER_KINDS, type TabSelectionProtocol } from './tab-selection';
import { SIGN_OUT_SCHEMAS, SIGN_OUT_SENDER_KINDS, type SignOutProtocol } from './sign-out';
import type { PageCommand } from './commands';

/** Codes of the CRM, plus the refusals of the router itself. */
export type ProtocolErrorCode =
  | CrmErrorCode
  /** The sender may not send this message (wrong extension, wrong tab origin, not an extension page). */
  | 'refused_sender'
  /** The payload does not match the message's schema. */
  | 'invalid_message'
  /** No CRM address or token yet: connect in the options page first. */
  | 'not_connected';

export interface AskView extends AskWhom {
  /** The names of `userIds`, resolved from the org. */
  names: string[];
}

export interface ProtocolError {
  code: ProtocolErrorCode;
  message: string;
  rule?: RuleId;
  ask?: AskView[];
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export interface DecisionView {
  allowed: boolean;
  rule: RuleId;
  reason: string;
  ask: AskView[];
}
export type Decisions = Record<Action, DecisionView>;

export interface SessionView {
  crmOrigin: string;
  me: Me;
  /** True when the CRM could not be reached and `me` is the last one seen. */
  offline: boolean;
}

export interface RowState {
  id: Id;
  followed: boolean;
  decisions: Decisions;
  /** What a host row shows of the customer, when asked for (DecisionsRequest.values). */
  values?: RowValues;
}

/** A customer as a CRM's list row shows it, people by name: what a host row is redrawn with after a change. */
export interface RowValues {
  name: string;
  code: string;
  phone: string;
  email: string;
  aeId: Id | null;
  aeName: string | null;
  csrId: Id | null;
  csrName: string | null;
  tags: string[];
  updatedAt: string;
}

export interface CustomerDetails {
  customer: Customer;
  aeName: string | null;
  csrName: string | null;
  poolName: string | null;
  shares: { departments: string[]; roles: string[]; users: string[] };
  followed: boolean;
  decisions: Decisions;
  /** True when the CRM could not be reached and this is the cached copy. */
  fromCache: boolean;
  /** Whether the user would still list the customer once returned to the pool (its AE empty); absent when not worked out. */
  listedAfterReturn?: boolean;
}

/** What the background pushes after something changed, so open UIs refresh what they show. */
export type Change =
  /** `mine`: this user's own action changed them (an edit the CRM applied, a batch chunk it recorded). */
  | { kind: 'customers'; ids: Id[]; mine?: boolean }
  | { kind: 'follows'; ids: Id[] }
  /** Connected, or (`signedOut`) signed out: whatever an open UI shows of the previous user goes. */
  | { kind: 'session'; signedOut?: true }
  | { kind: 'sync'; status: SyncStatus }
  | { kind: 'job'; job: JobView }
  /** The outbox or the conflicts changed (pending actions to show). */
  | { kind: 'pending'; count: number; conflicts: number }
  /** An action that waited in the outbox got the CRM's answer, after the user was told it was pending. */
  | { kind: 'sent'; action: SentAction };

export interface SentAction {
  /** The outbox's name for it (edit, share, returnToPool…). */
  action: string;
  customerId: Id;
  /** The customer's name as the CRM or the cache knows it. */
  name: string | null;
  outcome: 'applied' | 'conflict' | 'failed';
}

/** The reference CRM: its API token. SuiteCRM: the user's own sign-in and its administrator's OAuth client. */
export type ConnectRequest =
  | { url: string; token: string }
  | { url: string; crm: 'suitecrm'; username: string; password: string; clientId: string; clientSecret: string };

export interface DecisionsRequest {
  ids: Id[];
  /** Ask the CRM for these customers again instead of trusting the cache. */
  fresh?: boolean;
  /** Also answer what their rows show (RowState.values). */
  values?: boolean;
}

/** The core messages; each area (sync, mutations, jobs, import) has its own file beside this one. */
export interface CoreProtocol {
  getSession(): Reply<SessionView | null>;
  connect(request: ConnectRequest): Reply<SessionView>;
  testConnection(): Reply<SessionView>;
  getCustomer(id: Id): Reply<CustomerDetails>;
  /** null for ids the CRM does not list for the user. */
  getDecisions(request: DecisionsRequest): Reply<Record<Id, RowState | null>>;
  toggleFollow(id: Id): Reply<{ followed: boolean }>;
}

export interface ProtocolMap extends CoreProtocol, SyncProtocol, MutationProtocol, JobsProtocol, ImportProtocol, ContentProtocol, PoolProtocol,
  TabSelectionProtocol, SignOutProtocol, ExportProtocol {
  changed(change: Change): void;
  /** From the background to one CRM tab: the user pressed a page shortcut there (lib/protocol/commands.ts). */
  command(command: PageCommand): void;
}

/** What the background sends to the other contexts; every other message is a request to the background. */
export type PushType = 'changed' | 'command';
export type RequestType = Exclude<keyof ProtocolMap, PushType>;
export type PayloadOf<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
export type ReplyDataOf<K extends RequestType> = ReturnType<ProtocolMap[K]> extends Reply<infer T> ? T : never;

/**
 * Who may send a request: 'crm-page' = a content script in a tab on the configured CRM origin, or an
 * extension page; 'crm-tab' = that content script only (what belongs to its tab); 'extension-page' =
 * extension pages only (settings and the token).
 */
export type SenderKind = 'crm-page' | 'crm-tab' | 'extension-page';

export const SENDER_KINDS: Record<RequestType, SenderKind> = {
  getSession: 'crm-page',
  connect: 'extension-page',
  testConnection: 'extension-page',
  getCustomer: 'crm-page',
  getDecisions: 'crm-page',
  toggleFollow: 'crm-page',
  ...SYNC_SENDER_KINDS,
  ...MUTATION_SENDER_KINDS,
  ...JOBS_SENDER_KINDS,
  ...IMPORT_SENDER_KINDS,
  ...CONTENT_SENDER_KINDS,
  ...POOL_SENDER_KINDS,
  ...TAB_SELECTION_SENDER_KINDS,
  ...SIGN_OUT_SENDER_KINDS,
  ...EXPORT_SENDER_KINDS,
};

const IdSchema = v.pipe(v.string(), v.minLength(1, 'customer id is empty'), v.maxLength(200, 'customer id is too long'));

export const PAYLOAD_SCHEMAS: { [K in RequestType]: v.GenericSchema<unknown, PayloadOf<K>> } = {
  getSession: v.undefined(),
  connect: v.union([
    v.object({
      url: v.pipe(v.string(), v.minLength(1, 'CRM address is empty'), v.maxLength(2048)),
      token: v.pipe(v.string(), v.minLength(1, 'API token is empty'), v.maxLength(4096)),
    }),
    v.object({
      url: v.pipe(v.string(), v.minLength(1, 'CRM address is empty'), v.maxLength(2048)),
      crm: v.literal('suitecrm'),
      username: v.pipe(v.string(), v.minLength(1, 'user name is empty'), v.maxLength(200)),
      password: v.pipe(v.string(), v.minLength(1, 'password is empty'), v.maxLength(1000)),
      clientId: v.pipe(v.string(), v.minLength(1, 'OAuth client id is empty'), v.maxLength(200)),
      clientSecret: v.pipe(v.string(), v.minLength(1, 'OAuth client secret is empty'), v.maxLength(1000)),
    }),
  ]),
  testConnection: v.undefined(),
  getCustomer: IdSchema,
  getDecisions: v.object({
    ids: v.pipe(v.array(IdSchema), v.maxLength(1000, 'at most 1000 ids per request')),
    fresh: v.optional(v.boolean()),
    values: v.optional(v.boolean()),
  }),
  toggleFollow: IdSchema,
  ...SYNC_SCHEMAS,
  ...MUTATION_SCHEMAS,
  ...JOBS_SCHEMAS,
  ...IMPORT_SCHEMAS,
  ...CONTENT_SCHEMAS,
  ...POOL_SCHEMAS,
  ...TAB_SELECTION_SCHEMAS,
  ...SIGN_OUT_SCHEMAS,
  ...EXPORT_SCHEMAS,
};

export const messenger = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messenger;

/** Unwraps a Reply: the data, or a thrown ReplyError carrying the typed error. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.data;
  throw new ReplyError(reply.error);
}

export class ReplyError extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message);
    this.name = 'ReplyError';
  }
}
