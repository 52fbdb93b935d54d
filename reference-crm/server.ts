// Starts the reference CRM: opens (and if empty seeds) the database, builds the app, listens.
import { serve, type HttpBindings } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { User } from '../lib/domain/types';
import { createApp, type RuntimeSettings } from './app';
import { userFromRequest } from './auth';
import type { Repository } from './db/repository';
import type { FaultSettings } from './http/faults';
import { registerPages } from './page/index';
import { prepareDatabase, type SeededFrom } from './prepare';
import type { SeedFile } from './seed/format';

export const DEFAULT_DB_PATH = fileURLToPath(new URL('./data/crm.db', import.meta.url));
export const DEFAULT_RATE_LIMIT = 50;
export const DEFAULT_SIGN_IN_FAILURES = 10;

export interface CrmOptions {
  /** 0 (the default here) picks a free port; the CLI defaults to 8787. */
  port?: number;
  host?: string;
  /** A SQLite file path or ':memory:', or a PostgreSQL URL (postgres://…). Default reference-crm/data/crm.db. */
  dbPath?: string;
  /** A seed object or a JSON file path, loaded only into an empty database (or with reset). */
  seed?: SeedFile | string;
  /** Empty the database first. */
  reset?: boolean;
  /** Requests per second per token; 0 disables. Default 50. */
  rateLimit?: number;
  faults?: Partial<FaultSettings>;
  /** Enables POST /__admin/faults. */
  testAdmin?: boolean;
  /** The sign-in page also offers the demo users, signed in without a credential. Off by default: demo orgs only. */
  demoSignIn?: boolean;
  /** Failed sign-ins and wrong tokens allowed per client address per minute (default 10; 0 = no limit). */
  signInFailures?: number;
  /** Serve the host page (reference-crm/page/): /customers, /customers/:id, /assets (default true). */
  pages?: boolean;
  now?: () => Date;
  random?: () => number;
}

export interface Crm {
  app: ReturnType<typeof createApp>['app'];
  /** The data, for both engines; `repo.close()` when done (createCrm). */
  repo: Repository;
  /** Where the data is, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  database: string;
  settings: RuntimeSettings;
  seededFrom: SeededFrom;
  users: { user: User; token: string }[];
}

export interface RunningCrm extends Crm {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The CRM without a listening socket: use `crm.app.request(...)` in tests, then `crm.repo.close()`. */
export async function createCrm(options: CrmOptions = {}): Promise<Crm> {
  const now = options.now ?? (() => new Date());
  const { repo, seededFrom, location } = await prepareDatabase(options.dbPath ?? DEFAULT_DB_PATH, options.seed, !!options.reset, now());
  const settings: RuntimeSettings = {
    errorRate: 0, latencyMs: 0, dropRate: 0, ...options.faults, rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
  };
  const { app } = createApp({
    repo, settings, now, random: options.random ?? Math.random, testAdmin: !!options.testAdmin,
    demoSignIn: !!options.demoSignIn, signInFailures: options.signInFailures ?? DEFAULT_SIGN_IN_FAILURES,
  });
  if (options.pages !== false) registerPages(app, { userFromRequest: async (c) => (await userFromRequest(c, repo))?.user ?? null });
  return { app, repo, database: location, settings, seededFrom, users: await repo.userTokens() };
}

export async function startCrm(options: CrmOptions = {}): Promise<RunningCrm> {
  const crm = await createCrm(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      { fetch: (req, env) => crm.app.fetch(req, env as HttpBindings), port: options.port ?? 0, hostname: host },
      () => resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    ...crm,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          crm.repo.close().then(resolve, resolve);
        });
        server.closeAllConnections();
      })),
  };
}
