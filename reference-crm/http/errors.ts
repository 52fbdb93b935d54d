// The contract's error shape: { error: { code, message, rule?, ask?, current? } }.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Customer } from '../../lib/domain/types';
import type { AskWhom, Decision, RuleId } from '../../lib/rules';

export type ErrorCode =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'invalid' | 'precondition_required' | 'stale'
  | 'idempotency_mismatch' | 'rate_limited' | 'fault' | 'internal' | 'too_large';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  rule?: RuleId;
  ask?: AskWhom[];
  current?: Customer;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const invalid = (message: string) => new ApiError(400, { code: 'invalid', message });
export const notFound = (message: string) => new ApiError(404, { code: 'not_found', message });

/** A refusal by the rules: the message names the rule, the body carries it and whom to ask. */
export function refusalBody(decision: Decision): ErrorBody {
  return {
    code: 'forbidden',
    message: `Refused by rule "${decision.rule}": ${decision.reason}`,
    rule: decision.rule,
    ask: decision.ask,
  };
}

export const forbidden = (decision: Decision) => new ApiError(403, refusalBody(decision));

export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json({ error: err.body }, err.status);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'Internal error' } }, 500);
}
