// The outbox: every single-customer operation is stored with its idempotency key before it is sent, and
// sent in creation order, one at a time. An operation the CRM could not receive stays pending and is
// replayed later with the SAME key, so a CRM with idempotency keys applies it exactly once; for one
// without, a replay first reads the customer back and is not resent when it shows the effect.
import type { Customer, Id } from '../../domain/types';
import type { CrmConnector } from '../../crm-client/connector';
import { CrmError } from '../../crm-client/errors';
import { customerOrNull, perform, showsEffect, type ReadBack } from '../../crm-client/operations';
import { oneAtATime } from '../../one-at-a-time';
import type { UserContext } from '../../rules/types';
import type { CrmxDb, OutboxRow } from '../store/db';
import type { Change, SentAction } from '../../protocol/messages';
import type { MutationOutcome } from '../../protocol/mutations';
import type { CustomerOp } from './actions';
import { openEntries, pendingCounts, recordApplied, recordConflict } from './records';
import { isTransient } from '../transient';

/** The CRM now, and who acts ("<origin>|<user id>" and the user's id, null when unknown). */
export interface OutboxConnection {
  crm: CrmConnector;
  ctx: UserContext | null;
  actor: string | null;
  userId: Id | null;
}

export interface OutboxDeps {
  db: CrmxDb;
  /** How to reach the CRM now, and who acts; throws when not connected (then everything waits). */
  connect(): Promise<OutboxConnection>;
  /**
   * Tries per send before the operation waits for the next replay: inside the connector with idempotency keys;
   * without, as replays that read back first.
   */
  sendAttempts?: number;
  push(change: Change): void;
  now(): Date;
  newKey?(): string;
  /** After every flush, however it ended (stopped() then says whether actions still wait for the CRM). */
  onFlushed?(): void;
  /** After an operation took effect and before whoever waits hears so; its failure changes nothing. */
  afterApplied?(crm: CrmConnector, op: CustomerOp): Promise<void>;
}

/** After the CRM was unreachable, new actions queue behind older pending ones without trying for this long. */
const OFFLINE_GRACE_MS = 5_000;

/** Why the last send stopped with actions still waiting: the CRM could not be reached, or answered "later". */
export interface OutboxStop {
  /** No answer at all (refused, offline, timed out), as opposed to a 5xx or 429. */
  unreachable: boolean;
  /** The CRM's Retry-After, when it gave one. */
  retryAfterMs?: number;
}

function stopOf(error: unknown): OutboxStop {
  const crm = error instanceof CrmError ? error : null;
  return {
    unreachable: !crm || crm.unreachable || crm.code === 'not_connected',
    ...(crm?.retryAfter !== undefined ? { retryAfterMs: crm.retryAfter * 1000 } : {}),
  };
}

/** An action that waited in the outbox got the CRM's answer (applied, conflicting, refused). */
function sent(entry: OutboxRow, name: string | null, outcome: SentAction['outcome']): Change {
  return { kind: 'sent', action: { action: entry.op.op, customerId: entry.op.customerId, name, outcome } };
}

interface Waiter {
  resolve(outcome: MutationOutcome): void;
  reject(error: unknown): void;
}

export function createOutbox(deps: OutboxDeps) {
  const { db } = deps;
  const newKey = deps.newKey ?? (() => crypto.randomUUID());
  const waiting = new Map<string, Waiter>();
  let lastUnreachableAt = -Infinity;
  let lastStop: OutboxStop | null = null;
  let seq = 0;

  /** Ids sort in creation order: time, then a counter for actions in the same millisecond. */
  const nextId = () => `ob-${String(deps.now().getTime()).padStart(15, '0')}-${String(seq++ % 1e6).padStart(6, '0')}`;

  const open = () => openEntries(db);

  async function pushPending(): Promise<void> {
    deps.push({ kind: 'pending', ...(await pendingCounts(db)) });
  }

  function settle(id: string, how: { outcome: MutationOutcome } | { error: unknown }): void {
    const waiter = waiting.get(id);
    if (!waiter) return;
    waiting.delete(id);
    if ('outcome' in how) waiter.resolve(how.outcome);
    else waiter.reject(how.error);
  }

  /** Whoever still waits gets 'queued' (their action stays in the outbox), and the UIs are told. */
  async function queueAllWaiting(): Promise<void> {
    if (waiting.size === 0) return;
    for (const id of [...waiting.keys()]) settle(id, { outcome: { outcome: 'queued', outboxId: id } });
    await pushPending();
  }

  /** The customer as the CRM shows it now (null: not to this user), and whether the user follows it. */
  async function readBack(crm: CrmConnector, op: CustomerOp): Promise<Omit<ReadBack, 'userId'>> {
    const customer = await customerOrNull(crm, op.customerId);
    const followed = op.op === 'follow' || op.op === 'unfollow' ? (await crm.follows()).includes(op.customerId) : false;
    return { customer, followed };
  }

  /**
   * Carries the operation out. Without idempotency keys, an operation tried before (its answer lost) is
   * read back first and not sent again when it already took effect; without conditional updates, an
   * edit is refused here as stale when the customer changed since the version it was made against.
   */
  async function carryOut(entry: OutboxRow, { crm, userId }: OutboxConnection): Promise<Customer | null> {
    const { op } = entry;
    const caps = crm.capabilities;
    const replay = entry.attempts > 0 && !caps.idempotencyKeys;
    const checkVersion = op.op === 'edit' && !caps.conditionalUpdates;
    if (replay || checkVersion) {
      const now = await readBack(crm, op);
      if (replay && showsEffect(op, { ...now, userId: userId ?? '' })) return now.customer;
      if (checkVersion && now.customer && now.customer.version !== op.version) {
        throw new CrmError({ code: 'stale', status: 412, message: 'The customer was changed by someone else', current: now.customer });
      }
    }
    // Without idempotency keys a retry inside the connector could apply twice: one try, then read back.
    const attempts = caps.idempotencyKeys ? deps.sendAttempts ?? 1 : 1;
    return perform(crm, op, { idempotencyKey: entry.idempotencyKey, attempts });
  }

  async function sendOne(first: OutboxRow, connection: OutboxConnection): Promise<'next' | 'stop'> {
    let entry = first;
    await db.outbox.update(entry.id, { status: 'sending', attempts: entry.attempts + 1 });
    let answer: Customer | null;
    try {
      // Without idempotency keys the connector tries once; the further tries are replays made here, each
      // reading back first (the answer may only have been lost), so the user waiting hears it was saved.
      const tries = connection.crm.capabilities.idempotencyKeys ? 1 : deps.sendAttempts ?? 1;
      for (let tried = 1; ; tried++) {
        try {
          answer = await carryOut(entry, connection);
          break;
        } catch (error) {
          if (tried >= tries || !isTransient(error)) throw error;
          entry = { ...entry, attempts: entry.attempts + 1 };
          await db.outbox.update(entry.id, { attempts: entry.attempts + 1 });
        }
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const why = { lastError: message, lastErrorCode: error instanceof CrmError ? error.code : 'fault', lastErrorRule: error instanceof CrmError ? error.rule : undefined };
      if (isTransient(error)) {
        lastUnreachableAt = deps.now().getTime();
        lastStop = stopOf(error);
        await db.outbox.update(entry.id, { status: 'pending', ...why });
        return 'stop';
      }
      // Nobody waits for this answer any more (they were told it is pending): every open UI is told.
      const sentLater = !waiting.has(entry.id);
      if (error instanceof CrmError && error.code === 'stale' && error.current) {
        const conflictId = await recordConflict(db, entry, error.current, deps.now());
        settle(entry.id, { outcome: { outcome: 'conflict', conflictId, current: error.current } });
        deps.push({ kind: 'customers', ids: [entry.op.customerId] });
        if (sentLater) deps.push(sent(entry, error.current.name, 'conflict'));
      } else if (!sentLater) {
        // The user is waiting for this answer and sees the refusal; nothing is left to retry.
        await db.outbox.delete(entry.id);
        settle(entry.id, { error });
      } else {
        await db.outbox.update(entry.id, { status: 'failed', ...why });
        deps.push(sent(entry, (await db.customers.get(entry.op.customerId))?.name ?? null, 'failed'));
      }
      return 'next';
    }
    const sentLater = !waiting.has(entry.id);
    const cachedName = sentLater ? (await db.customers.get(entry.op.customerId))?.name ?? null : null;
    const customer = await recordApplied(db, entry, answer, connection.ctx);
    await deps.afterApplied?.(connection.crm, entry.op).catch(() => undefined);
    settle(entry.id, { outcome: { outcome: 'applied', customer } });
    const { op } = entry;
    deps.push(op.op === 'follow' || op.op === 'unfollow'
      ? { kind: 'follows', ids: [op.customerId] }
      : { kind: 'customers', ids: [op.customerId], mine: true });
    if (sentLater) deps.push(sent(entry, answer?.name ?? cachedName, 'applied'));
    return 'next';
  }

  /** 'stopped' when the CRM could not be reached: trying again at once would only fail again. */
  async function drain(): Promise<'empty' | 'stopped'> {
    let rows = await open();
    if (rows.length === 0) {
      lastStop = null;
      return 'empty';
    }
    let connection: Awaited<ReturnType<OutboxDeps['connect']>>;
    try {
      connection = await deps.connect();
    } catch (error) {
      if (!isTransient(error)) throw error;
      lastUnreachableAt = deps.now().getTime();
      lastStop = stopOf(error);
      return 'stopped';
    }
    while (rows.length > 0) {
      const row = rows[0];
      if (row.actor && connection.actor && row.actor !== connection.actor) {
        // Connected as someone else (or to another CRM) since: never send it in their name.
        await db.outbox.update(row.id, { status: 'failed', lastError: `Made as ${row.actor.split('|')[1]} on ${row.actor.split('|')[0]}; not sent as another user`, lastErrorCode: 'other_user' });
        settle(row.id, { error: new CrmError({ code: 'unauthorized', message: 'Connected as another user since this action was made' }) });
        await pushPending();
        rows = await open();
        continue;
      }
      const step = await sendOne(row, connection);
      await pushPending();
      if (step === 'stop') return 'stopped';
      rows = await open();
    }
    lastStop = null;
    return 'empty';
  }

  /** Sends every pending action in order; resolves when the outbox is empty or the CRM stopped answering. */
  const flush = oneAtATime({
    pass: async () => {
      await drain();
      // Asked again while draining: something may have changed (the CRM answered again), even after a stop.
      return true;
    },
    failure: 'the outbox could not be sent',
    after: async () => {
      await queueAllWaiting().catch(() => undefined);
      deps.onFlushed?.();
    },
  }).run;

  /** Stores the operation and sends it (after any older pending ones). */
  async function submit(op: CustomerOp, actor?: string): Promise<MutationOutcome> {
    const entry: OutboxRow = {
      id: nextId(), idempotencyKey: newKey(), op, status: 'pending', createdAt: deps.now().toISOString(), attempts: 0,
      ...(actor ? { actor } : {}),
    };
    const olderPending = await db.transaction('rw', db.outbox, async () => {
      const older = await db.outbox.where('status').anyOf(['pending', 'sending']).count();
      await db.outbox.add(entry);
      return older;
    });
    const outcome = new Promise<MutationOutcome>((resolve, reject) => waiting.set(entry.id, { resolve, reject }));
    if (olderPending > 0 && deps.now().getTime() - lastUnreachableAt < OFFLINE_GRACE_MS) {
      settle(entry.id, { outcome: { outcome: 'queued', outboxId: entry.id } });
      await pushPending();
    } else {
      void flush();
    }
    return outcome;
  }

  /** Rows left 'sending' by a worker that died mid-request go back to pending (same key: applied once). */
  async function recover(): Promise<void> {
    await db.outbox.where('status').equals('sending').modify({ status: 'pending' });
  }

  /** Why the last send stopped with actions waiting (null: nothing waits for the CRM to answer again). */
  const stopped = (): OutboxStop | null => lastStop;

  return { submit, flush, recover, pushPending, stopped };
}

export type Outbox = ReturnType<typeof createOutbox>;
