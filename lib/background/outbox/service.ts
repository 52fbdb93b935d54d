// The background's outbox, and the rules pre-check every action passes before it is stored. One per worker,
// built by the wiring (lib/background/services.ts) and shared by every handler and the scheduler.
import type { Customer } from '../../domain/types';
import { CrmError } from '../../crm-client/errors';
import { decide } from '../../rules/index';
import type { Decision } from '../../rules/types';
import type { Change } from '../../protocol/messages';
import type { CrmxDb } from '../store/db';
import { keepCustomerLogs } from '../store/logs';
import type { Acting, ConnectionService } from '../connection';
import type { CustomerCache } from '../customer-cache';
import type { PoolSeen } from '../pool-seen';
import { ruleActionOf, type CustomerOp } from './actions';
import { createOutbox, type Outbox } from './outbox';
import { isTransient } from '../transient';

export interface OutboxService {
  outbox: Outbox;
  /** Throws a 'forbidden' CrmError (rule + whom to ask) when the rules refuse; then submits. */
  run: Outbox['submit'];
}

/** One quick retry, then the action waits in the outbox (the UI shows it pending) for the next replay. */
const SEND_ATTEMPTS = 2;

export interface OutboxServiceDeps {
  db: CrmxDb;
  now: () => Date;
  push(change: Change): void;
  connection: ConnectionService;
  cache: CustomerCache;
  poolSeen: PoolSeen;
  /** After every flush of the outbox (the retry schedule looks whether actions still wait). */
  onFlushed?(): void;
}

export function createOutboxService(deps: OutboxServiceDeps): OutboxService {
  const { now, connection, cache } = deps;
  const outbox = createOutbox({
    db: deps.db,
    now,
    push: (change) => deps.push(change),
    sendAttempts: SEND_ATTEMPTS,
    onFlushed: () => deps.onFlushed?.(),
    // A CRM without a change cursor (SuiteCRM) has no sync that brings logs: the changed customer's entries are
    // kept now, so its log read offline holds the change just made.
    afterApplied: async (crm, op) => {
      if (!crm.capabilities.changeCursor) await keepCustomerLogs(deps.db, crm, op.customerId);
    },
    async connect() {
      const { origin, crm } = await connection.current();
      const acting = await connection.acting(crm).catch((error: unknown) => {
        if (isTransient(error)) return null;
        throw error;
      });
      return {
        crm, ctx: acting?.ctx ?? null,
        actor: acting ? `${origin}|${acting.me.user.id}` : null, userId: acting?.me.user.id ?? null,
      };
    },
  });

  /** Refuses by the rules; answers who acts ("<origin>|<user id>"), when known. */
  async function precheck(op: CustomerOp): Promise<string | undefined> {
    const { origin, crm } = await connection.current();
    const id = op.customerId;
    if (op.op === 'restore' && !crm.capabilities.restore) {
      throw new CrmError({ code: 'unsupported', message: 'This CRM cannot restore deleted customers' });
    }
    let acting: Acting;
    let customer: Customer | null | undefined;
    try {
      acting = await connection.acting(crm);
      customer = op.op === 'restore'
        ? await deps.db.customers.get(id) ?? null
        : op.op === 'pickUp'
          // A pool customer is in the cache only when the user lists it already; else as the pool listed it.
          ? await deps.db.customers.get(id) ?? deps.poolSeen.subject(id)
          : (await cache.customers(crm, [id], false)).get(id) ?? null;
    } catch (error) {
      if (isTransient(error)) return undefined; // offline and nothing cached: the CRM decides when it gets it
      throw error;
    }
    const actor = `${origin}|${acting.me.user.id}`;
    const ruleAction = ruleActionOf(op.op);
    if (!ruleAction) return actor;
    let decision: Decision;
    if (customer) decision = decide(acting.ctx, customer, ruleAction, now());
    else if (op.op === 'pickUp') return actor; // not listed here: the CRM decides
    else if (op.op === 'restore') {
      decision = acting.ctx.isAdmin
        ? { allowed: true, rule: 'administrator', reason: '', ask: [] }
        : { allowed: false, rule: 'administrator-only', reason: 'Only administrators restore deleted customers', ask: [{ kind: 'administrator', userIds: [...acting.ctx.adminUserIds] }] };
    } else {
      decision = { allowed: false, rule: 'not-listed', reason: 'The customer is not in your list', ask: [] };
    }
    if (!decision.allowed) {
      throw new CrmError({ code: 'forbidden', message: decision.reason, rule: decision.rule, ask: decision.ask });
    }
    return actor;
  }

  return {
    outbox,
    async run(op) {
      return outbox.submit(op, await precheck(op));
    },
  };
}
