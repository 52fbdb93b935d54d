// A typed client for the CRM's REST API (notes/contract.md). Background only: it holds the token.
import * as v from 'valibot';
import type { Customer, Id, Org } from '../domain/types';
import type { AskWhom, RuleId } from '../rules/types';
import { CrmError } from './errors';
import {
  CustomerPageSchema, CustomerSchema, ErrorEnvelopeSchema, FollowsSchema, MeSchema, OkSchema, OrgSchema,
  type CustomerPage, type Me,
} from './schemas';

export interface CrmClientOptions {
  /** The CRM origin, e.g. `http://127.0.0.1:5555`; the API is under `/api/v1`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** Makes idempotency keys; default crypto.randomUUID. */
  newKey?: () => string;
}

export interface CustomerQuery {
  q?: string;
  sort?: 'name' | '-name' | 'code' | 'updatedAt' | '-updatedAt';
  page?: number;
  pageSize?: number;
  followed?: boolean;
  tag?: string;
}

export interface MutationOptions {
  /** Reuse a key to replay a mutation safely (outbox); a fresh one is made otherwise. */
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class CrmClient {
  private readonly apiBase: string;
  private readonly doFetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly newKey: () => string;

  constructor(private readonly options: CrmClientOptions) {
    this.apiBase = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
  }

  me(): Promise<Me> {
    return this.request('GET', '/me', MeSchema);
  }

  org(): Promise<Org> {
    return this.request('GET', '/org', OrgSchema);
  }

  customer(id: Id): Promise<Customer> {
    return this.request('GET', `/customers/${encodeURIComponent(id)}`, CustomerSchema);
  }

  customers(query: CustomerQuery = {}): Promise<CustomerPage> {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.sort) params.set('sort', query.sort);
    if (query.page !== undefined) params.set('page', String(query.page));
    if (query.pageSize !== undefined) params.set('pageSize', String(query.pageSize));
    if (query.followed) params.set('followed', '1');
    if (query.tag) params.set('tag', query.tag);
    const search = params.size > 0 ? `?${params}` : '';
    return this.request('GET', `/customers${search}`, CustomerPageSchema);
  }

  async follows(): Promise<Id[]> {
    return (await this.request('GET', '/follows', FollowsSchema)).customerIds;
  }

  async follow(id: Id, options: MutationOptions = {}): Promise<void> {
    await this.request('PUT', `/follows/${encodeURIComponent(id)}`, OkSchema, undefined, options);
  }

  async unfollow(id: Id, options: MutationOptions = {}): Promise<void> {
    await this.request('DELETE', `/follows/${encodeURIComponent(id)}`, OkSchema, undefined, options);
  }

  private async request<S extends v.GenericSchema>(
    method: Method, path: string, schema: S, body?: unknown, options: MutationOptions = {},
  ): Promise<v.InferOutput<S>> {
    const what = `${method} ${path}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.options.token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['Idempotency-Key'] = options.idempotencyKey ?? this.newKey();

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
    if (!response.ok) throw answerError(what, response, json);
    if (json === undefined) {
      throw new CrmError({ code: 'bad_response', status: response.status, message: `${what}: answer is not JSON` });
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const at = v.getDotPath(issue) ?? '(root)';
      throw new CrmError({
        code: 'bad_response',
        status: response.status,
        message: `${what}: unexpected answer at ${at}: ${issue.message}`,
      });
    }
    return parsed.output;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function transportError(what: string, error: unknown, timeoutMs: number): CrmError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CrmError({ code: 'timeout', message: `${what}: the CRM did not answer within ${timeoutMs} ms` });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CrmError({ code: 'network', message: `${what}: the CRM could not be reached (${detail})` });
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 412: 'stale',
  422: 'idempotency_mismatch', 429: 'rate_limited',
};

function answerError(what: string, response: Response, json: unknown): CrmError {
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  const envelope = v.safeParse(ErrorEnvelopeSchema, json);
  if (envelope.success) {
    const e = envelope.output.error;
    return new CrmError({
      code: e.code,
      message: e.message,
      status: response.status,
      rule: e.rule as RuleId | undefined,
      ask: e.ask as AskWhom[] | undefined,
      current: e.current,
      retryAfter,
    });
  }
  return new CrmError({
    code: CODE_BY_STATUS[response.status] ?? 'fault',
    message: `${what}: HTTP ${response.status} ${response.statusText}`.trim(),
    status: response.status,
    retryAfter,
  });
}
