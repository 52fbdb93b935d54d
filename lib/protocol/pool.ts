// Protocol area: the customer pool — the customers the user may pick up, and the pick up (through the outbox,
// like every single-customer action). Handlers: lib/background/handlers/pool.ts.
import * as v from 'valibot';
import type { Id } from '../domain/types';
import type { PoolCustomer } from '../crm-client/schemas';
import type { RuleId } from '../rules/types';
import type { AskView, Reply, SenderKind } from './messages';
import type { MutationOutcome } from './mutations';

export type { PoolCustomer };

export interface PoolPage {
  items: PoolCustomer[];
  total: number;
  page: number;
  pageSize: number;
  /** The pools the user may pick up from. */
  pools: { id: Id; name: string }[];
  /** When the user may pick up from no pool: the rule that says so and whom to ask. */
  refusal: { rule: RuleId; ask: AskView[] } | null;
}

export interface PoolRequest {
  page: number;
  pageSize: number;
  /** Part of the name or code, or digits of the phone. */
  q?: string;
}

export interface PoolProtocol {
  /** One page of the customers waiting in the pools the user may pick up from (from the CRM: needs it online). */
  listPool(request: PoolRequest): Reply<PoolPage>;
  /** Makes the user the customer's account executive; refused with the rule and whom to ask. */
  pickUp(request: { id: Id }): Reply<MutationOutcome>;
}

export const POOL_SENDER_KINDS: Record<keyof PoolProtocol, SenderKind> = {
  listPool: 'crm-page',
  pickUp: 'crm-page',
};

const Id = v.pipe(v.string(), v.minLength(1, 'id is empty'), v.maxLength(200, 'id is too long'));

export const POOL_SCHEMAS: { [K in keyof PoolProtocol]: v.GenericSchema<unknown, Parameters<PoolProtocol[K]>[0]> } = {
  listPool: v.strictObject({
    page: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
    pageSize: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
    q: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  pickUp: v.strictObject({ id: Id }),
};
