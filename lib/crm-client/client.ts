// The reference CRM's connector: its REST API (reference-crm/openapi.yaml) behind CrmConnector.
// Background only: it holds the token. Every answer is validated; network errors, timeouts, 5xx and 429
// are retried (mutations keep their Idempotency-Key across tries, so a retry never applies twice); other
// answers surface as CrmError.
import * as v from 'valibot';
import type { Customer, CustomerEdit, Id, Org, ShareTargets } from '../domain/types';
import type { LogType } from '../domain/log-types';
import type {
  CrmCapabilities, Reassignment, CrmConnector, CustomerQuery, LogQuery, MutationOptions, PhoneOpRow,
} from './connector';
import { CrmError } from './errors';
import { DEFAULT_RETRY, realSleep, retrying, type RetryPolicy } from './retry';
import { answerError, readJson, transportError, validated } from './wire';
import {
  AuditSchema, BatchResultsSchema, ChangesSchema, CustomerIdsSchema, CustomerPageSchema, CustomerSchema,
  FollowsSchema, LogPageSchema, MeSchema, OkSchema, OrgSchema, PoolPageSchema, SyncCustomersSchema,
  SyncLogsSchema, TagsSchema,
  type BatchResults, type CustomerPage, type LogPage, type Me, type PoolPage, type SyncCustomersPage,
  type SyncLogsPage,
} from './schemas';

export type { CustomerQuery, LogQuery, MutationOptions } from './connector';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** An answer's JSON, and the time the CRM answered it by its own clock (its Date header), when it says. */
interface Answer {
  json: unknown;
  date: string | null;
}
type MutationMethod = Exclude<Method, 'GET'>;

const enc = encodeURIComponent;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  return search.size > 0 ? `?${search}` : '';
}

/** Ours does everything the overlay needs, and checks every rule itself. */
export const REFERENCE_CAPABILITIES: CrmCapabilities = {
  maxBatch: 1000, idempotencyKeys: true, conditionalUpdates: true, changeCursor: true, restore: true, serverRules: true,
};

export class CrmClient implements CrmConnector {
  readonly capabilities = REFERENCE_CAPABILITIES;
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
  async customers(q: CustomerQuery = {}): Promise<CustomerPage> {
    const path = `/customers${query({ ...q })}`;
    const { json, date } = await this.call('GET', path);
    return { ...validated(`GET ${path}`, CustomerPageSchema, json), ...(date ? { serverTime: date } : {}) };
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

  // Batches (at most maxBatch ids a call)
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
  /** A file delete: each customer with the row and number it was matched by (deleted only while it has it). */
  batchRestore(customerIds: Id[], o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/restore', BatchResultsSchema, { customerIds }, o);
  }
  batchReassign(customerIds: Id[], change: Reassignment, o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/reassign', BatchResultsSchema, { customerIds, ...change }, o);
  }
  batchDeleteByPhone(rows: ({ id: Id } & PhoneOpRow)[], file?: string, o: MutationOptions = {}): Promise<BatchResults> {
    return this.mutate('POST', '/batch/delete-by-phone', BatchResultsSchema, { ...(file ? { file } : {}), rows }, o);
  }

  private async get<S extends v.GenericSchema>(path: string, schema: S): Promise<v.InferOutput<S>> {
    return validated(`GET ${path}`, schema, (await this.call('GET', path)).json);
  }

  private async mutate<S extends v.GenericSchema>(
    method: MutationMethod, path: string, schema: S, body: unknown, o: MutationOptions, ifMatch?: string,
  ): Promise<v.InferOutput<S>> {
    const answer = await this.call(method, path, body, o.idempotencyKey ?? this.newKey(), ifMatch, o.attempts);
    return validated(`${method} ${path}`, schema, answer.json);
  }

  private async call(
    method: Method, path: string, body?: unknown, idempotencyKey?: string, ifMatch?: string, attempts: number = this.retry.attempts,
  ): Promise<Answer> {
    return retrying(() => this.once(method, path, body, idempotencyKey, ifMatch), attempts, this.retry, this.sleep, this.random);
  }

  private async once(method: Method, path: string, body?: unknown, idempotencyKey?: string, ifMatch?: string): Promise<Answer> {
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
    const date = Date.parse(response.headers.get('Date') ?? '');
    return { json, date: Number.isNaN(date) ? null : new Date(date).toISOString() };
  }
}
