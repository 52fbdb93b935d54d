import type { AskWhom, RuleId } from '../rules/types';
import type { Customer } from '../domain/types';

/**
 * Codes the CRM answers (unauthorized, forbidden, not_found, invalid, stale, idempotency_mismatch,
 * rate_limited, fault…) plus the ones raised on our side of the wire.
 */
export type CrmErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'stale'
  | 'precondition_required'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'fault'
  /** The CRM could not be reached (offline, DNS, refused). */
  | 'network'
  /** The CRM did not answer in time. */
  | 'timeout'
  /** The CRM answered something that is not what the contract says. */
  | 'bad_response'
  | (string & {});

export interface CrmErrorInit {
  code: CrmErrorCode;
  message: string;
  status?: number;
  rule?: RuleId;
  ask?: AskWhom[];
  current?: Customer;
  /** Seconds, from Retry-After on 429. */
  retryAfter?: number;
  /** 'ambiguous' (a file delete): the customers the CRM knows with that number. */
  matches?: { id: string; name: string; code: string }[];
}

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  readonly status?: number;
  readonly rule?: RuleId;
  readonly ask?: AskWhom[];
  readonly current?: Customer;
  readonly retryAfter?: number;
  readonly matches?: { id: string; name: string; code: string }[];

  constructor(init: CrmErrorInit) {
    super(init.message);
    this.name = 'CrmError';
    this.code = init.code;
    this.status = init.status;
    this.rule = init.rule;
    this.ask = init.ask;
    this.current = init.current;
    this.retryAfter = init.retryAfter;
    if (init.matches) this.matches = init.matches;
  }

  /** True when the request never got a CRM answer: the caller may serve cached data or retry later. */
  get unreachable(): boolean {
    return this.code === 'network' || this.code === 'timeout';
  }
}
