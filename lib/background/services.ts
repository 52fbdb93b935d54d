// The background's services, built once per worker and handed to the handler factories and the schedules:
// one connection, one customer cache, one sync, one outbox, one job runner. Nothing here is a module-level
// singleton: a new worker (or a test's new worker) builds new ones over the same IndexedDB, where the
// outbox and the jobs keep what they must resume.
import type { CrmConnector } from '../crm-client/connector';
import type { Change } from '../protocol/messages';
import { createConnection, type ConnectionService } from './connection';
import { createCustomerCache, type CustomerCache } from './customer-cache';
import { createJobsService, type JobsService } from './jobs/service';
import { createOutboxService, type OutboxService } from './outbox/service';
import { createPoolSeen, type PoolSeen } from './pool-seen';
import type { CrmxDb } from './store/db';
import { createSignOut, type SignOutService } from './sign-out';
import { createSyncService } from './sync/service';
import { createTabSelections, memoryArea, type SessionArea, type TabSelections } from './tab-selections';
import type { Sync } from './sync/sync';

/** What the worker gives the services: its database, settings, how to make a CRM's connector, and the push channel. */
export interface BackgroundDeps {
  db: CrmxDb;
  getCrmOrigin(): Promise<string | null>;
  setCrmOrigin(origin: string): Promise<void>;
  makeConnector(baseUrl: string, token: string): CrmConnector;
  /** Tells every open UI that something changed. */
  push(change: Change): void;
  now?: () => Date;
  /** Keeps the worker awake between a job's chunks. */
  keepAlive?: () => Promise<void>;
  /** Customers per CRM call in a job; default: the batchChunkSize setting. */
  chunkSize?: () => Promise<number>;
  /** Where each tab's selection is kept (browser.storage.session); default: memory. */
  sessionArea?: SessionArea;
  /** At sign-out: the connectors forget the sessions they hold (lib/background/connectors.ts). */
  forgetConnectors?(): void;
}

/** Listeners to one kind of event, told in the order they were added. */
export interface Listeners {
  add(listener: () => void): () => void;
  emit(): void;
}

function listeners(): Listeners {
  const all = new Set<() => void>();
  return {
    add(listener) {
      all.add(listener);
      return () => all.delete(listener);
    },
    emit() {
      for (const listener of all) listener();
    },
  };
}

export interface BackgroundEvents {
  /** A connect reached the CRM (maybe another CRM or user). */
  connected: Listeners;
  /** A call to the CRM got an answer: it can be reached again. */
  crmAnswered: Listeners;
  /** The outbox ended a flush (emptied, or stopped with actions waiting for the CRM). */
  outboxFlushed: Listeners;
}

export interface BackgroundServices {
  db: CrmxDb;
  now: () => Date;
  push(change: Change): void;
  connection: ConnectionService;
  cache: CustomerCache;
  sync: Sync;
  outbox: OutboxService;
  jobs: JobsService;
  poolSeen: PoolSeen;
  tabSelections: TabSelections;
  signOut: SignOutService;
  events: BackgroundEvents;
}

/** Builds the background's services, each once, each given what it uses. Call once per worker. */
export function createBackgroundServices(deps: BackgroundDeps): BackgroundServices {
  const { db, push } = deps;
  const now = () => deps.now?.() ?? new Date();
  const events: BackgroundEvents = { connected: listeners(), crmAnswered: listeners(), outboxFlushed: listeners() };
  const connection = createConnection({
    db, now,
    getCrmOrigin: deps.getCrmOrigin,
    setCrmOrigin: deps.setCrmOrigin,
    makeConnector: deps.makeConnector,
    onAnswered: () => events.crmAnswered.emit(),
  });
  const sync = createSyncService({ db, now, push, connection });
  // A sync already reading the user's customers fills the cache: the cache waits for it instead of reading them beside it.
  const cache = createCustomerCache(db, now, () => sync.customersSettled());
  const poolSeen = createPoolSeen();
  const outbox = createOutboxService({ db, now, push, connection, cache, poolSeen, onFlushed: () => events.outboxFlushed.emit() });
  const jobs = createJobsService({ db, now, push, connection, cache, sync, keepAlive: deps.keepAlive, chunkSize: deps.chunkSize });
  const tabSelections = createTabSelections(deps.sessionArea ?? memoryArea());
  const signOut = createSignOut({
    db, push, connection, cache, sync, outbox, jobs, poolSeen, tabSelections, forgetConnectors: deps.forgetConnectors,
  });
  // A sign-out that waits for the outbox happens after the flush that empties it.
  events.outboxFlushed.add(() => void signOut.afterFlush().catch((error: unknown) => console.error('[crmx] the sign-out after sending failed', error)));
  return { db, now, push, connection, cache, sync, outbox, jobs, poolSeen, tabSelections, signOut, events };
}
