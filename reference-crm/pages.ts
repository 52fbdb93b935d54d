// Hands the app to the host page (reference-crm/page/, written separately) when it is there.
import type { Hono } from 'hono';
import { userFromRequest, SESSION_COOKIE, type Caller } from './auth';
import type { Db } from './db/open';
import { importIfPresent } from './prepare';
import type { AppContext, AppEnv } from './routes/env';
import type { CrmStore } from './store';

/** What the host page gets: the database, the cache-backed store and the session reader. */
export interface PageDeps {
  db: Db;
  store: CrmStore;
  auth: {
    /** The signed-in user (cookie or bearer), or null: redirect to loginPath then. */
    userFromRequest(c: AppContext): Caller | null;
    sessionCookie: string;
    loginPath: string;
  };
}

export async function registerHostPages(app: Hono<AppEnv>, store: CrmStore): Promise<boolean> {
  const module = await importIfPresent<{ registerPages(app: Hono<AppEnv>, deps: PageDeps): void | Promise<void> }>(
    './page/index.ts',
  );
  if (!module) return false;
  await module.registerPages(app, {
    db: store.db,
    store,
    auth: { userFromRequest: (c) => userFromRequest(c, store), sessionCookie: SESSION_COOKIE, loginPath: '/login' },
  });
  return true;
}
