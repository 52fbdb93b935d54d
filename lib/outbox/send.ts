// The low-level call the outbox and the job runner make: a method, a path, a body, an idempotency key
// and (for edits) If-Match. Uses the client's own `send` when it has one (with its retries); until then a
// minimal fetch through the client's settings, mapping answers to CrmError the way the client does.
import type { CrmClient } from '../crm-client/client';
import { CrmError } from '../crm-client/errors';

export type MutationMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface SendOptions {
  idempotencyKey: string;
  /** The customer's version, sent as `If-Match: "<version>"`. */
  ifMatch?: string;
}

export type Send = (method: MutationMethod, path: string, body: unknown, options: SendOptions) => Promise<unknown>;

interface ClientInternals {
  send?: Send;
  apiBase: string;
  doFetch: typeof fetch;
  timeoutMs: number;
  options: { token: string };
}

export function sendVia(client: CrmClient): Send {
  const inside = client as unknown as ClientInternals;
  if (typeof inside.send === 'function') return inside.send.bind(client);
  return (method, path, body, options) => fallbackSend(inside, method, path, body, options);
}

async function fallbackSend(client: ClientInternals, method: MutationMethod, path: string, body: unknown, options: SendOptions): Promise<unknown> {
  const what = `${method} ${path}`;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${client.options.token}`,
    'Idempotency-Key': options.idempotencyKey,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await client.doFetch(`${client.apiBase}${path}`, {
      method, headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(client.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new CrmError({ code: 'timeout', message: `${what}: the CRM did not answer in time` });
    throw new CrmError({ code: 'network', message: `${what}: the CRM could not be reached (${error instanceof Error ? error.message : String(error)})` });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) {
    if (json === undefined) throw new CrmError({ code: 'bad_response', status: response.status, message: `${what}: answer is not JSON` });
    return json;
  }
  const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    throw new CrmError({
      code: error.code, message: error.message, status: response.status,
      rule: error.rule as CrmError['rule'], ask: error.ask as CrmError['ask'], current: error.current as CrmError['current'],
    });
  }
  throw new CrmError({ code: response.status >= 500 ? 'fault' : 'invalid', status: response.status, message: `${what}: HTTP ${response.status}` });
}

/** True when the CRM gave no usable answer and trying again later may succeed. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof CrmError)) return false;
  if (error.unreachable || error.code === 'rate_limited' || error.code === 'not_connected') return true;
  return error.status !== undefined && error.status >= 500;
}
