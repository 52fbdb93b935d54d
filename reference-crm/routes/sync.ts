// Delta sync: customers by change counter, logs by seq. Clients resume from `next`.
import { Hono } from 'hono';
import { listedIds } from '../../lib/rules';
import { invalid } from '../http/errors';
import { intQuery } from '../http/validate';
import { callerContext, repoOf, type AppContext, type AppEnv, type Deps } from './env';

function cursor(c: AppContext): number | null {
  const since = c.req.query('since') ?? '';
  if (since === '') return null;
  if (!/^\d+$/.test(since)) throw invalid(`since: must be a cursor from a previous "next" (got "${since}")`);
  return Math.min(Number(since), Number.MAX_SAFE_INTEGER);
}

export function syncRoutes(_deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sync/customers', async (c) => {
    const since = cursor(c);
    const limit = intQuery(c, 'limit', 1, 5000, 1000);
    const repo = repoOf(c);
    const { page, hasMore } = await repo.changesAfter(since ?? 0, limit);
    const customers = page.map((s) => s.customer);
    const ctx = await callerContext(c);
    const listed = new Set(listedIds(ctx, customers));
    const changed = customers.filter((x) => listed.has(x.id));
    // From the start there is nothing to remove: the client has nothing yet. After a cursor, only what the
    // user could see at that cursor: naming any other id would tell them it exists.
    const removed: string[] = [];
    if (since !== null) {
      for (const stored of page) {
        if (listed.has(stored.customer.id)) continue;
        const then = await repo.customerAt(stored, since);
        if (then !== null && listedIds(ctx, [then]).length === 1) removed.push(stored.customer.id);
      }
    }
    const next = page.length ? page[page.length - 1].changeSeq : (since ?? 0);
    return c.json({ changed, removed, next: String(next), hasMore });
  });

  app.get('/sync/logs', async (c) => {
    const since = cursor(c) ?? 0;
    const limit = intQuery(c, 'limit', 1, 20000, 5000);
    const { items, next, hasMore } = await repoOf(c).logsAfter(await callerContext(c), since, limit);
    return c.json({ items, next: String(next), hasMore });
  });

  return app;
}
