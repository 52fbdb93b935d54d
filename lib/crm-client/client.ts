// A typed client for the CRM's REST API (reference-crm/openapi.yaml). Background only: it holds the token.
// Every answer is validated; network errors, timeouts, 5xx and 429 are retried (mutations keep their
// Idempotency-Key across tries, so a retry never applies twice); other answers surface as CrmError.
import * as v from 'valibot';
import type { Customer, CustomerEdit, Id, Org, ShareTargets } from '../domain/types';
import type { LogType } from '../domain/log-types';
import { CrmError } from './errors';
import { DEFAULT_RETRY, isRetryable, realSleep, retryDelay, type RetryPolicy } from './retry';
import { answerError, readJson, transportError, validated } from './wire';
import {
  AuditSchema, BatchResultsSchema, ChangesSchema, CustomerIdsSchema, CustomerPageSchema, CustomerSchema,
  FollowsSchema, LogPageSchema, MeSchema, OkSchema, OrgSchema, PhoneResultsSchema, PoolPageSchema, SyncCustomersSchema,
  SyncLogsSchema, TagsSchema,
  type BatchResults, type CustomerPage, type LogPage, type Me, type PhoneResults, type PoolPage, type SyncCustomersPage,
  type SyncLogsPage,
} from './schemas';

export interface CrmClientOptions {
  /** The CRM origin, e.g. `http://127.0.0.1:5555`; the API is under `/api/v1`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per try; default 15 s. */
  timeoutMs?: number;
  /** Makes idempotency keys; default crypto.randomUUID. */
  newKey?: () => string;
  retry?: Partial<RetryPolicy>;
  /** Injected by tests so backoff takes no real time. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CustomerQuery {
  q?: string;
  sort?: 'name' | '-name' | 'code' | 'updatedAt' | '-updatedAt';
  page?: number;
  pageSize?: number;
  followed?: boolean;
  tag?: string;
}

export interface LogQuery {
  types?: LogType[];
  from?: string;
  to?: string;
  /** seq: only entries older than this one. */
  before?: number;
  limit?: number;
}

export interface MutationOptions {
  /** Reuse a key to replay a mutation safely (outbox); a fresh one is made otherwise. */
  idempotencyKey?: string;
}

export interface SendOptions {
  idempotencyKey: string;
  /** The record's version, sent as `If-Match: "<version>"`. */
  ifMatch?: string;
  /**
   * Tries in all; default 1: the outbox and the job runner replay on their own schedule (same key), and
   * a second retry layer inside them would multiply their waits. Pass more to retry here too.
   */
  attempts?: number;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type MutationMethod = Exclude<Method, 'GET'>;

const enc = encodeURIComponent;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  return search.size > 0 ? `?${search}` : '';
}

export class CrmClient {
  // Names kept stable: lib/background/outbox/send.ts falls back to them when `send` is missing.
  private readonly apiBase: string;
  private readonly doFetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly newKey: () => string;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: CrmClientOptions) {
    this.apiBase = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  // Reads
  me(): Promise<Me> { return this.get('/me', MeSchema); }
  org(): Promise<Org> { return this.get('/org', OrgSchema); }
  customer(id: Id): Promise<Customer> { return this.get(`/customers/${enc(id)}`, CustomerSchema); }
  customers(q: CustomerQuery = {}): Promise<CustomerPage> {
    return this.get(`/customers${query({ ...q })}`, CustomerPageSchema);
  }
  customerIds(q: Omit<CustomerQuery, 'page' | 'pageSize' | 'sort'> = {}): Promise<{ ids: Id[]; total: number }> {
    return this.get(`/customers/ids${query({ ...q })}`, CustomerIdsSchema);
  }
  customerLogs(id: Id, q: LogQuery = {}): Promise<LogPage> {
    const params = { types: q.types?.join(','), from: q.from, to: q.to, before: q.before, limit: q.limit };
    return this.get(`/customers/${enc(id)}/logs${query(params)}`, LogPageSchema);
  }
  async logChanges(logId: Id) { return (await this.get(`/logs/${enc(logId)}/changes`, ChangesSchema)).changes; }
  async follows(): Promise<Id[]> { return (await this.get('/follows', FollowsSchema)).customerIds; }
  async tags(): Promise<string[]> { return (await this.get('/tags', TagsSchema)).tags; }
  syncCustomers(since: string, limit?: number): Promise<SyncCustomersPage> {
    return this.get(`/sync/customers${query({ since, limit })}`, SyncCustomersSchema);
  }
  syncLogs(since: string, limit?: number): Promise<SyncLogsPage> {
    return this.get(`/sync/logs${query({ since, limit })}`, SyncLogsSchema);
  }
  /** The customers waiting in the pools the user may pick up from, the latest returned first. */
  pool(q: { page?: number; pageSize?: number; q?: string } = {}): Promise<PoolPage> {
    return this.get(`/pool/customers${query({ ...q })}`, PoolPageSchema);
  }
  async audit(q: { type?: LogType; customerId?: Id; limit?: number } = {}) {
    return (await this.get(`/audit${query(q)}`, AuditSchema)).items;
  }

  // Single-customer mutations
  editCustomer(id: Id, edit: CustomerEdit, version: number, o: MutationOptions = {}): Promise<Customer> {
    return this.mutate('PATCH', `/customers/${enc(id)}`, CustomerSchema, edit, o, String(version));
  }
  async deleteCustomer(id: Id, o: MutationOptions = {}): Promise<void> {
    await this.mutate('DELETE', `/customers/${enc(id)}`, OkSchema, undefined, o);
  }
  restoreCustomer(id: Id, o: MutationOptions = {}): Promise<Customer> {
    return this.mutate('POST', `/customers/${enc(id)}/restore`, CustomerSchema, undefined, o);
  }
  returnToPool(id: Id, reason: string, o: MutationOptions = {}): Promise<Customer> {
    return this.mutate('POST', `/customers/${enc(id)}/return-to-pool`, CustomerSchema, { reason }, o);
  }
  /** Picks the customer up from the pool: the user becomes its account executive. */
  pickUp(id: Id, o: MutationOptions = {}): Promise<Customer> {
    return this.mutate('POST', `/customers/${enc(id)}/pick-up`, CustomerSchema, {}, o);
  }
  share(id: Id, targets: ShareTargets, o: MutationOptions = {}): Promise<Customer> {
    return this.mutate('POST', `/customers/${enc(id)}/share`, CustomerSchema, targets, o);
  }
  async follow(id: Id, o: MutationOptions = {}): Promise<void> {
    await this.mutate('PUT', `/follows/${enc(id)}`, OkSchema, undefined, o);
  }
  async unfollow(id: Id, o: MutationOptions = {}): Promise<void> {
    await this.mutate('DELETE', `/follows/${enc(id)}`, OkSchema, undefined, o);
  }

  // Batches (at most 1000 ids a call)
  batchShare(customerIds: Id[], targets: ShareTargets, o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/share', BatchResultsSchema, { customerIds, targets }, o);
  }
  batchCancelShare(customerIds: Id[], all: boolean, targets?: ShareTargets, o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/cancel-share', BatchResultsSchema, { customerIds, all, targets }, o);
  }
  batchLabels(customerIds: Id[], mode: 'set' | 'add', tags: string[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/labels', BatchResultsSchema, { customerIds, mode, tags }, o);
  }
  batchFollow(customerIds: Id[], follow: boolean, o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/follow', BatchResultsSchema, { customerIds, follow }, o);
  }
  batchDelete(customerIds: Id[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/delete', BatchResultsSchema, { customerIds }, o);
  }
  deleteByPhone(phones: string[], o: MutationOptions = {}): Promise<PhoneResults> {
    return this.mutate('POST', '/batch/delete-by-phone', PhoneResultsSchema, { phones }, o);
  }

  /**
   * The low-level mutation the outbox and the job runner use: the same key on every try (theirs and
   * ours), the answer's JSON unvalidated (they know which schema applies).
   */
  send(method: MutationMethod, path: string, body: unknown, options: SendOptions): Promise<unknown> {
    return this.call(method, path, body, options.idempotencyKey, options.ifMatch, options.attempts ?? 1);
  }

  private async get<S extends v.GenericSchema>(path: string, schema: S): Promise<v.InferOutput<S>> {
    return validated(`GET ${path}`, schema, await this.call('GET', path));
  }

  private async mutate<S extends v.GenericSchema>(
    method: MutationMethod, path: string, schema: S, body: unknown, o: MutationOptions, ifMatch?: string,
  ): Promise<v.InferOutput<S>> {
    const answer = await this.call(method, path, body, o.idempotencyKey ?? this.newKey(), ifMatch);
    return validated(`${method} ${path}`, schema, answer);
  }

  private async call(
    method: Method, path: string, body?: unknown, idempotencyKey?: string, ifMatch?: string, attempts = this.retry.attempts,
  ): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, path, body, idempotencyKey, ifMatch);
      } catch (error) {
        if (!isRetryable(error) || attempt + 1 >= attempts) throw error;
        const wait = retryDelay(error as CrmError, attempt, this.retry, this.random);
        if (wait > this.retry.maxRetryAfterMs) throw error;
        await this.sleep(wait);
      }
    }
  }

  private async once(method: Method, path: string, body?: unknown, idempotencyKey?: string, ifMatch?: string): Promise<unknown> {
    const what = `${method} ${path}`;
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    let response: Response;
    try {
      response = await this.doFetch(`${this.apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw transportError(what, error, this.timeoutMs);
    }
    const json = await readJson(response);
    if (!response.ok) throw answerError(what, response, json, this.now());
    if (json === undefined) {
      throw new CrmError({ code: 'bad_response', status: response.status, message: `${what}: answer is not JSON` });
    }
    return json;
  }
}
