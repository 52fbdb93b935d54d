// SuiteCRM's V8 API on the wire: JSON:API bodies, OAuth2 bearer tokens (refreshed once on a 401), its
// answers' quirks (errors as 400 with a text, strings HTML-encoded as its beans hold them), and the
// package's routes under /Api/V8/custom/crm-overlay. Background only: it holds the token.
import { CrmError } from '../errors';
import { DEFAULT_RETRY, realSleep, retrying, type RetryPolicy } from '../retry';
import { readJson, transportError } from '../wire';

/** Where the connector gets its bearer token; `refresh` is asked once when the CRM refuses `stale`. */
export interface TokenSource {
  access(): Promise<string>;
  refresh(stale: string): Promise<string>;
}

export interface V8Options {
  /** The SuiteCRM site, e.g. `http://127.0.0.1:36080`; the API is under `/Api`. */
  baseUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type V8Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A JSON:API resource as SuiteCRM answers it. */
export interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
}

/** What SuiteCRM's answer text says, as our error codes (it answers most refusals as 400). */
export function codeOfDetail(status: number, detail: string): string {
  if (status === 401) return 'unauthorized';
  if (status === 403 || /AccessDenied/i.test(detail)) return 'forbidden';
  if (status === 404 || /is not found|not found|is not related/i.test(detail)) return 'not_found';
  if (status === 409) return 'conflict';
  if (/already exist/i.test(detail)) return 'exists';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'fault';
  return 'invalid';
}

/** The entities SuiteCRM's beans encode in the strings they answer (its V8 hands them out as stored). */
export function decodeEntities(text: string): string {
  return text.replace(/&(quot|#0?39|lt|gt|amp);/g, (_, name: string) =>
    ({ quot: '"', '#039': "'", '#39': "'", lt: '<', gt: '>', amp: '&' })[name] ?? _);
}

/** The accounts a package refusal names (a file's number several have), as far as they are well formed. */
function matchesOf(value: unknown): { id: string; name: string; code: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((m: { id?: unknown; name?: unknown; code?: unknown } | null) =>
    (m && typeof m.id === 'string' ? [{ id: m.id, name: typeof m.name === 'string' ? m.name : '', code: typeof m.code === 'string' ? m.code : '' }] : []));
}

export function createV8(options: V8Options) {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/Api`;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;

  async function once(method: V8Method, path: string, body: unknown, token: string): Promise<{ status: number; json: unknown; date: string | null }> {
    // Never the URL's query in messages a user may see: paths only.
    const what = `${method} ${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Accept: 'application/vnd.api+json',
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/vnd.api+json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw transportError(what, error, timeoutMs);
    }
    const json = await readJson(response);
    const dated = Date.parse(response.headers.get('Date') ?? '');
    const date = Number.isNaN(dated) ? null : new Date(dated).toISOString();
    if (response.ok) return { status: response.status, json, date };
    const errors = (json as { errors?: { detail?: unknown; code?: unknown; matches?: unknown } } | undefined)?.errors;
    // Its 500s carry stack traces and server paths: never shown; its 401s name the token's fault.
    const detail = response.status >= 500 ? '' : typeof errors?.detail === 'string' ? errors.detail.trim()
      : typeof (json as { hint?: unknown } | undefined)?.hint === 'string' ? String((json as { hint: string }).hint) : '';
    const code = typeof errors?.code === 'string' ? errors.code : codeOfDetail(response.status, detail);
    throw new CrmError({
      code, status: response.status,
      message: detail ? `${what}: ${detail}` : `${what}: SuiteCRM answered ${response.status}`,
      ...(code === 'ambiguous' ? { matches: matchesOf(errors?.matches) } : {}),
    });
  }

  /** One call: retried on network faults, 5xx and 429 (up to `attempts`), the token refreshed once on a 401. */
  async function call(method: V8Method, path: string, body?: unknown, attempts = retry.attempts): Promise<{ json: unknown; date: string | null }> {
    let token = await options.tokens.access();
    let refreshed = false;
    return retrying(async () => {
      try {
        return await once(method, path, body, token);
      } catch (error) {
        if (!(error instanceof CrmError && error.code === 'unauthorized') || refreshed) throw error;
        // A refused token is refreshed once, and the call made again at once (not counted as a try).
        refreshed = true;
        token = await options.tokens.refresh(token);
        return once(method, path, body, token);
      }
    }, attempts, retry, sleep, random);
  }

  return { call };
}

export type V8 = ReturnType<typeof createV8>;
