// Reading customers: the user's list (filtered, sorted, paged in the database), ids for "select all N", one
// customer, its log.
import { Hono } from 'hono';
import { LOG_TYPES, type LogType } from '../../lib/domain/log-types';
import { SORTS, type ListQuery, type SortName } from '../db/repository';
import { invalid, notFound } from '../http/errors';
import { intQuery, isoQuery } from '../http/validate';
import { callerContext, callerId, repoOf, viewable, type AppContext, type AppEnv, type Deps } from './env';
import { decide } from '../../lib/rules';

/** The list query of q/followed/tag/updatedSince/afterId/sort. */
function listQuery(c: AppContext): ListQuery {
  const sort = c.req.query('sort') || 'name';
  if (!(SORTS as readonly string[]).includes(sort)) throw invalid(`sort: must be one of ${SORTS.join(', ')} (got "${sort}")`);
  const followed = c.req.query('followed');
  return {
    sort: sort as SortName,
    q: c.req.query('q') ?? '',
    followedBy: followed === '1' || followed === 'true' ? callerId(c) : undefined,
    tag: c.req.query('tag') || undefined,
    // What a client with no change cursor scans by.
    updatedSince: isoQuery(c, 'updatedSince'),
    afterId: c.req.query('afterId') || undefined,
  };
}

export function customerReadRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/customers', async (c) => {
    const page = intQuery(c, 'page', 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = intQuery(c, 'pageSize', 1, 1000, 50);
    const query = listQuery(c);
    const { items, total } = await repoOf(c).listPage(await callerContext(c), query, (page - 1) * pageSize, pageSize);
    return c.json({ items, total, page, pageSize });
  });

  app.get('/customers/ids', async (c) => {
    const query = listQuery(c);
    const ids = await repoOf(c).listIds(await callerContext(c), query);
    return c.json({ ids, total: ids.length });
  });

  app.get('/customers/:id', async (c) => {
    const customer = await viewable(c, deps, c.req.param('id'));
    c.header('ETag', `"${customer.version}"`);
    return c.json(customer);
  });

  app.get('/customers/:id/logs', async (c) => {
    const customer = await viewable(c, deps, c.req.param('id'));
    const typesParam = c.req.query('types');
    const types = typesParam ? typesParam.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    for (const t of types ?? []) {
      if (!(LOG_TYPES as readonly string[]).includes(t)) throw invalid(`types: unknown log type "${t}"`);
    }
    const before = c.req.query('before') ? intQuery(c, 'before', 1, Number.MAX_SAFE_INTEGER, 0) : undefined;
    return c.json(
      await repoOf(c).customerLogs({
        customerId: customer.id,
        types: types as LogType[] | undefined,
        from: isoQuery(c, 'from'),
        to: isoQuery(c, 'to'),
        before,
        limit: intQuery(c, 'limit', 1, 500, 100),
      }),
    );
  });

  app.get('/logs/:logId/changes', async (c) => {
    const raw = c.req.param('logId');
    const repo = repoOf(c);
    const entry = /^\d+$/.test(raw) && raw.length <= 15 ? await repo.logBySeq(Number(raw)) : null;
    const customer = entry ? await repo.customer(entry.customerId) : null;
    // An entry of a customer the caller may not view is answered as a missing entry, naming no customer.
    if (!entry || !customer || !decide(await callerContext(c), customer, 'view', deps.now()).allowed) {
      throw notFound(`log ${raw}: not found`);
    }
    return c.json({ changes: entry.changes });
  });

  return app;
}
