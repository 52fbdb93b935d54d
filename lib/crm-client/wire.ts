// Turning what came over the wire into values or CrmErrors.
import * as v from 'valibot';
import type { AskWhom, RuleId } from '../rules/types';
import { CrmError } from './errors';
import { parseRetryAfter } from './retry';
import { ErrorEnvelopeSchema } from './schemas';

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The answer checked against its schema, or a 'bad_response' naming where it differs. */
export function validated<S extends v.GenericSchema>(what: string, schema: S, json: unknown): v.InferOutput<S> {
  const parsed = v.safeParse(schema, json);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const at = v.getDotPath(issue) ?? '(root)';
  throw new CrmError({ code: 'bad_response', message: `${what}: unexpected answer at ${at}: ${issue.message}` });
}

export function transportError(what: string, error: unknown, timeoutMs: number): CrmError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CrmError({ code: 'timeout', message: `${what}: the CRM did not answer within ${timeoutMs} ms` });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CrmError({ code: 'network', message: `${what}: the CRM could not be reached (${detail})` });
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 412: 'stale',
  422: 'idempotency_mismatch', 428: 'precondition_required', 429: 'rate_limited',
};

export function answerError(what: string, response: Response, json: unknown, now: number): CrmError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
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
