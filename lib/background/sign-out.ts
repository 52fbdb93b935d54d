// Signing out: the CRM session ended where the CRM can end it, the token forgotten, every job stopped, and
// everything kept for the user wiped — the IndexedDB cache (customers, org, follows, logs, tags), the outbox,
// the conflicts, the jobs and their plans, the sync's bookkeeping, and what the worker holds in memory (the
// connector, the customer cache's reads, the pool entries seen, every tab's selection). Device settings stay:
// the CRM address, the page adapter, the language, the phone country and the batch size identify no one.
// Actions still waiting for the CRM are either discarded or waited for: the wait is kept in the database,
// so a worker that dies meanwhile still signs out once they are sent.
import type { Change } from '../protocol/messages';
import type { SignOutRequest, SignOutResult, SignOutState } from '../protocol/sign-out';
import type { ConnectionService } from './connection';
import type { CustomerCache } from './customer-cache';
import { openJobIds } from './jobs/job-store';
import type { JobsService } from './jobs/service';
import type { OutboxService } from './outbox/service';
import { pendingCounts } from './outbox/records';
import type { PoolSeen } from './pool-seen';
import type { CrmxDb } from './store/db';
import type { Sync } from './sync/sync';
import type { TabSelections } from './tab-selections';

/** The user chose to sign out once the actions waiting are sent (in `meta`: wiped with everything else). */
const WHEN_SENT = 'signOutWhenSent';

/** How long a sign-out waits for the CRM to end its session: offline, it signs out without. */
const REVOKE_WITHIN_MS = 3_000;

export interface SignOutDeps {
  db: CrmxDb;
  push(change: Change): void;
  connection: ConnectionService;
  cache: Pick<CustomerCache, 'forget'>;
  sync: Pick<Sync, 'forget'>;
  outbox: OutboxService;
  jobs: Pick<JobsService, 'runner'>;
  poolSeen: Pick<PoolSeen, 'forget'>;
  tabSelections: Pick<TabSelections, 'forgetAll'>;
  /** The connectors' own memory of sessions (SuiteCRM's tokens). */
  forgetConnectors?(): void;
  revokeWithinMs?: number;
}

export function createSignOut(deps: SignOutDeps) {
  const { db } = deps;
  let running: Promise<void> | null = null;

  async function state(): Promise<SignOutState> {
    const current = await deps.connection.configured();
    const [{ count }, jobs, waiting] = await Promise.all([pendingCounts(db), openJobIds(db), db.meta.get(WHEN_SENT)]);
    return {
      signedIn: current !== null,
      crmHost: current ? new URL(current.origin).host : null,
      pending: count,
      jobs: jobs.length,
      waiting: waiting?.value === true,
    };
  }

  /** Tells the CRM the session ends, when it can be told; never waits long for it. */
  async function revoke(): Promise<void> {
    const current = await deps.connection.configured().catch(() => null);
    const ending = current?.crm.signOut?.();
    if (!ending) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      ending.catch((error: unknown) => console.warn('[crmx] the CRM did not end the session at sign-out', error)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, deps.revokeWithinMs ?? REVOKE_WITHIN_MS))),
    ]);
    clearTimeout(timer);
  }

  async function wipe(): Promise<void> {
    await revoke();
    // From here no answer of the CRM to a call made before counts (a sync page, an action's answer).
    deps.connection.forget();
    deps.forgetConnectors?.();
    // Stopped between chunks; a persisted job must never resume for the next user.
    for (const id of await openJobIds(db)) await deps.jobs.runner.cancel(id);
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
    });
    deps.cache.forget();
    deps.poolSeen.forget();
    deps.sync.forget();
    await deps.tabSelections.forgetAll();
    deps.push({ kind: 'pending', count: 0, conflicts: 0 });
    deps.push({ kind: 'session', signedOut: true });
  }

  /** One sign-out at a time: a second asked meanwhile joins it. */
  function signOutNow(): Promise<void> {
    running ??= wipe().finally(() => {
      running = null;
    });
    return running;
  }

  async function signOut(request: SignOutRequest): Promise<SignOutResult> {
    const now = await state();
    if (now.pending === 0 || (request.pending === 'discard' && now.pending <= request.seen)) {
      await signOutNow();
      return { signedOut: true };
    }
    if (request.pending === 'discard') return { signedOut: false, ...now };
    await db.meta.put({ key: WHEN_SENT, value: true });
    // Try them now; the outbox's own retries try again while the CRM cannot be reached.
    void deps.outbox.outbox.flush();
    return { signedOut: false, ...now, waiting: true };
  }

  async function cancel(): Promise<SignOutState> {
    await db.meta.delete(WHEN_SENT);
    return state();
  }

  /** After every flush of the outbox: a sign-out waiting for it happens once nothing waits any more. */
  async function afterFlush(): Promise<void> {
    if ((await db.meta.get(WHEN_SENT))?.value !== true) return;
    if ((await pendingCounts(db)).count > 0) return;
    await signOutNow();
  }

  return { state, signOut, cancel, afterFlush };
}

export type SignOutService = ReturnType<typeof createSignOut>;
