// Delta sync: customers by change counter, logs by seq. Clients resume from `next`.
import { Hono } from 'hono';
import type { Customer, Id, LogEntry } from '../../lib/domain/types';
import { listedIds } from '../../lib/rules';
import { logRowsAfter, toLogEntry } from '../db/logs';
import { stmt } from '../db/statements';
import { invalid } from '../http/errors';
import { intQuery } from '../http/validate';
import { callerContext, callerId, type AppContext, type AppEnv, type Deps } from './env';

/** Log rows looked at per call at most, so a user with few customers never waits on a whole huge log. */
const MAX_LOG_ROWS_SCANNED = 100_000;
const LOG_SCAN_CHUNK = 5_000;

function cursor(c: AppContext): number | null {
  const since = c.req.query('since') ?? '';
  if (since === '') return null;
  if (!/^\d+$/.test(since)) throw invalid(`since: must be a cursor from a previous "next" (got "${since}")`);
  return Number(since);
}

export function syncRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get('/sync/customers', (c) => {
    const since = cursor(c);
    const limit = intQuery(c, 'limit', 1, 5000, 1000);
    const rows = stmt(store.db, 'SELECT id, change_seq FROM customers WHERE change_seq > ? ORDER BY change_seq LIMIT ?').all(
      since ?? 0,
      limit + 1,
    ) as { id: Id; change_seq: number }[];
    const page = rows.slice(0, limit);
    const customers = page.map((r) => store.customer(r.id)).filter((x): x is Customer => x !== undefined);
    const ctx = callerContext(c, deps);
    const listed = new Set(listedIds(ctx, customers));
    const changed = customers.filter((x) => listed.has(x.id));
    // From the start there is nothing to remove: the client has nothing yet. After a cursor, only what the
    // user could see at that cursor: naming any other id would tell them it exists.
    const removed = since === null ? [] : customers
      .filter((x) => !listed.has(x.id))
      .filter((x) => {
        const then = store.customerAt(x.id, since);
        return then !== null && listedIds(ctx, [then]).length === 1;
      })
      .map((x) => x.id);
    const next = page.length ? page[page.length - 1].change_seq : (since ?? 0);
    return c.json({ changed, removed, next: String(next), hasMore: rows.length > limit });
  });

  app.get('/sync/logs', (c) => {
    const since = cursor(c) ?? 0;
    const limit = intQuery(c, 'limit', 1, 20000, 5000);
    const listed = store.listedSet(callerId(c));
    const items: LogEntry[] = [];
    let next = since;
    let scanned = 0;
    let exhausted = false;
    while (items.length < limit && scanned < MAX_LOG_ROWS_SCANNED) {
      const rows = logRowsAfter(store.db, next, LOG_SCAN_CHUNK);
      if (rows.length === 0) {
        exhausted = true;
        break;
      }
      for (const row of rows) {
        scanned++;
        next = row.seq;
        if (listed.has(row.customer_id)) items.push(toLogEntry(row));
        if (items.length === limit) break;
      }
    }
    const hasMore = !exhausted && logRowsAfter(store.db, next, 1).length > 0;
    return c.json({ items, next: String(next), hasMore });
  });

  return app;
}
