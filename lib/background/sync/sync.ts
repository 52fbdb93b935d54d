// Initial and delta sync of the org, tags, customers, follows and logs into the cache. One run at a time;
// each page is written with its cursor in one transaction, so a worker killed mid-way resumes from the
// last written page. A failure records the error (and `offline` when the CRM could not be reached) and
// leaves the cache as it was.
import type { CrmConnector } from '../../crm-client/connector';
import { CrmError } from '../../crm-client/errors';
import type { Id } from '../../domain/types';
import type { SyncStatus } from '../../protocol/sync';
import { applyCustomerDelta } from '../store/customers';
import type { CrmxDb } from '../store/db';
import { putLogs } from '../store/logs';
import { scanCustomers, type Listed } from './scan';
import { readCursor, readLastSyncAt, writeLastSyncAt } from '../store/meta';
import { readToken, replaceFollows, replaceTags, writeOrg } from '../store/session';

export interface SyncDeps {
  db: CrmxDb;
  /** The crm for the configured CRM; throws 'not_connected' before a connect. */
  crm(): Promise<CrmConnector>;
  /** Which customers our rules list, for a CRM that does not apply them itself (its scan shows more). */
  listed?(crm: CrmConnector): Promise<Listed>;
  /** Every status change (progress included). */
  onStatus(status: SyncStatus): void;
  /** Customers written or dropped by a delta (not by a first sync: too many to name). */
  onCustomers?(ids: Id[]): void;
  now?: () => Date;
  customerPageSize?: number;
  logPageSize?: number;
}

export interface Sync {
  /**
   * Starts a run, or joins the one under way (and runs once more after it when asked to `again`).
   * `customersOnly`: the customers and follows, not the org, tags and logs (a batch job's catch-up).
   */
  run(options?: { again?: boolean; customersOnly?: boolean }): Promise<SyncStatus>;
  status(): Promise<SyncStatus>;
  /**
   * Brings the log cache up to date (a few pages at most) unless a run is doing it already; false when
   * the CRM could not be reached. For the timeline, so an entry made a moment ago is there.
   */
  catchUpLogs(crm: CrmConnector, maxPages?: number): Promise<boolean>;
  /** Waits for the customers phase of the run under way; false when no run was under way. */
  customersSettled(): Promise<boolean>;
  /** Sign-out: the status kept in memory goes (the stored one goes with the database). */
  forget(): void;
}

class Superseded extends Error {}
type Scope = 'all' | 'customers';

const STATUS_KEY = 'syncStatus';
/** Named changes are pushed for small deltas only. */
const MAX_PUSHED_IDS = 1000;
/** Customers a page when scanning a CRM with no change cursor. */
const SCAN_PAGE_SIZE = 500;

export function createSync(deps: SyncDeps): Sync {
  const { db } = deps;
  const now = () => deps.now?.() ?? new Date();
  let current: SyncStatus | null = null;
  let inflight: Promise<SyncStatus> | null = null;
  let rerun: Scope | null = null;
  let customersPhase: Promise<void> | null = null;

  async function status(): Promise<SyncStatus> {
    if (current) return current;
    const stored = (await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined;
    // A run the worker was killed in is not running any more.
    current = stored ? { ...stored, running: false, phase: null } : {
      lastSyncAt: await readLastSyncAt(db), running: false, phase: null, done: 0, total: null, error: null, offline: false,
    };
    return current;
  }

  async function set(patch: Partial<SyncStatus>, persist = false): Promise<SyncStatus> {
    current = { ...(await status()), ...patch };
    if (persist) await db.meta.put({ key: STATUS_KEY, value: current });
    deps.onStatus(current);
    return current;
  }

  async function once(scope: Scope): Promise<SyncStatus> {
    let customersOver!: () => void;
    customersPhase = new Promise<void>((resolve) => (customersOver = resolve));
    let crm: CrmConnector;
    try {
      crm = await deps.crm();
    } catch (error) {
      customersOver();
      customersPhase = null;
      if (error instanceof CrmError && error.code === 'not_connected') return status();
      throw error;
    }
    await set({ running: true, phase: scope === 'all' ? 'org' : 'customers', done: 0, total: null });
    // A connect (another CRM or user) clears the cache while a run may be under way: that run stops
    // before writing anything more, and the run asked for by the connect starts from scratch.
    const token = await readToken(db);
    const stillOurs = async <T>(answer: T): Promise<T> => {
      if ((await readToken(db)) !== token) throw new Superseded();
      return answer;
    };
    try {
      if (scope === 'all') {
        await writeOrg(db, await stillOurs(await crm.org()), now());
        await replaceTags(db, await stillOurs(await crm.tags()));
      }

      await set({ phase: 'customers', done: 0 });
      const first = (await readCursor(db, 'customers')) === '';
      const cursor = crm.capabilities.changeCursor;
      if (!cursor) {
        let done = 0;
        await scanCustomers(db, crm, deps.customerPageSize ?? SCAN_PAGE_SIZE, ({ ids, written }) => {
          if (!first && ids.length && ids.length <= MAX_PUSHED_IDS) deps.onCustomers?.(ids);
          done += written;
          void set({ done });
        }, stillOurs, await deps.listed?.(crm));
      }
      for (let more = cursor, done = 0; more;) {
        const page = await stillOurs(await crm.syncCustomers(await readCursor(db, 'customers'), deps.customerPageSize));
        const { removed } = await applyCustomerDelta(db, page.changed, page.removed, page.next);
        const ids = [...page.changed.map((c) => c.id), ...removed];
        if (!first && ids.length && ids.length <= MAX_PUSHED_IDS) deps.onCustomers?.(ids);
        done += page.changed.length;
        more = page.hasMore;
        await set({ done });
      }

      customersOver();
      await set({ phase: 'follows', done: 0 });
      await replaceFollows(db, await stillOurs(await crm.follows()), now());
      if (scope === 'customers') return await set({ running: false, phase: null, error: null, offline: false }, true);

      // Without a change cursor the logs are read per customer when a timeline opens.
      await set({ phase: 'logs', done: 0 });
      for (let more = cursor, done = 0; more;) {
        const page = await stillOurs(await crm.syncLogs(await readCursor(db, 'logs'), deps.logPageSize));
        await putLogs(db, page.items, page.next);
        done += page.items.length;
        more = page.hasMore;
        await set({ done });
      }

      const at = now();
      await writeLastSyncAt(db, at);
      return await set({ running: false, phase: null, lastSyncAt: at.toISOString(), error: null, errorCode: null, offline: false }, true);
    } catch (error) {
      // Signed out meanwhile: nothing of the run is kept.
      if (error instanceof Superseded || (error instanceof CrmError && error.code === 'not_connected')) return set({ running: false, phase: null });
      const offline = error instanceof CrmError && (error.unreachable || (error.status ?? 0) >= 500);
      const message = error instanceof Error ? error.message : String(error);
      return set({ running: false, phase: null, error: message, errorCode: error instanceof CrmError ? error.code : 'fault', offline }, true);
    } finally {
      customersOver();
      customersPhase = null;
    }
  }

  function run(options: { again?: boolean; customersOnly?: boolean } = {}): Promise<SyncStatus> {
    const scope: Scope = options.customersOnly ? 'customers' : 'all';
    if (inflight) {
      if (options.again) rerun = rerun === 'all' ? 'all' : scope;
      return inflight;
    }
    inflight = (async () => {
      try {
        let result = await once(scope);
        for (let next = rerun; next; next = rerun) {
          rerun = null;
          result = await once(next);
        }
        return result;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  async function catchUpLogs(crm: CrmConnector, maxPages = 3): Promise<boolean> {
    if (inflight || !crm.capabilities.changeCursor) return true;
    try {
      for (let page = 0, more = true; more && page < maxPages; page++) {
        const answer = await crm.syncLogs(await readCursor(db, 'logs'), deps.logPageSize);
        await putLogs(db, answer.items, answer.next);
        more = answer.hasMore;
      }
      return true;
    } catch (error) {
      if (error instanceof CrmError && (error.unreachable || (error.status ?? 0) >= 500)) return false;
      throw error;
    }
  }

  async function customersSettled(): Promise<boolean> {
    if (!customersPhase) return false;
    await customersPhase;
    return true;
  }

  function forget(): void {
    current = null;
    rerun = null;
  }

  return { run, status, catchUpLogs, customersSettled, forget };
}
