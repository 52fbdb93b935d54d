// Reading customers: the user's list (filtered, sorted, paged), ids for "select all N", one customer, its log.
import { Hono } from 'hono';
import type { Customer } from '../../lib/domain/types';
import { LOG_TYPES, type LogType } from '../../lib/domain/log-types';
import { customerLogs, logBySeq } from '../db/logs';
import { stmt } from '../db/statements';
import { invalid, notFound } from '../http/errors';
import { intQuery, isoQuery } from '../http/validate';
import { phoneKey } from '../phone';
import { callerContext, callerId, viewable, type AppContext, type AppEnv, type Deps } from './env';
import { decide } from '../../lib/rules';

// One collator: String#localeCompare builds one per call, far too slow for 100,000 rows.
const text = new Intl.Collator('vi').compare;
const byId = (a: Customer, b: Customer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const SORTS: Record<string, (a: Customer, b: Customer) => number> = {
  name: (a, b) => text(a.name, b.name) || byId(a, b),
  '-name': (a, b) => text(b.name, a.name) || byId(a, b),
  code: (a, b) => text(a.code, b.code) || byId(a, b),
  updatedAt: (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : byId(a, b)),
  '-updatedAt': (a, b) => (a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : byId(a, b)),
  id: byId,
};

/** The caller's listed customers matching q/followed/tag/updatedSince, sorted. */
function matching(c: AppContext, deps: Deps): Customer[] {
  const sortName = c.req.query('sort') || 'name';
  const sort = SORTS[sortName];
  if (!sort) throw invalid(`sort: must be one of ${Object.keys(SORTS).join(', ')} (got "${sortName}")`);
  let items = deps.store.listedFor(callerId(c));
  const q = (c.req.query('q') ?? '').trim().toLowerCase();
  if (q) {
    const qDigits = q.replace(/\D/g, '').length >= 3 ? phoneKey(q) : '';
    items = items.filter(
      (x) =>
        x.name.toLowerCase().includes(q) || x.code.toLowerCase().includes(q) || x.email.toLowerCase().includes(q) ||
        x.phone.toLowerCase().includes(q) || (qDigits !== '' && phoneKey(x.phone).includes(qDigits)),
    );
  }
  const followed = c.req.query('followed');
  if (followed === '1' || followed === 'true') {
    const ids = new Set(stmt(deps.store.db, 'SELECT customer_id FROM follows WHERE user_id = ?').pluck().all(callerId(c)));
    items = items.filter((x) => ids.has(x.id));
  }
  const tag = c.req.query('tag');
  if (tag) items = items.filter((x) => x.tags.includes(tag));
  // What a client with no change cursor scans by.
  const since = isoQuery(c, 'updatedSince');
  if (since) items = items.filter((x) => x.updatedAt >= since);
  const afterId = c.req.query('afterId');
  if (afterId) items = items.filter((x) => x.id > afterId);
  return items.sort(sort);
}

export function customerReadRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/customers', (c) => {
    const page = intQuery(c, 'page', 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = intQuery(c, 'pageSize', 1, 1000, 50);
    const all = matching(c, deps);
    return c.json({ items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize });
  });

  app.get('/customers/ids', (c) => {
    const ids = matching(c, deps).map((x) => x.id);
    return c.json({ ids, total: ids.length });
  });

  app.get('/customers/:id', (c) => {
    const customer = viewable(c, deps, c.req.param('id'));
    c.header('ETag', `"${customer.version}"`);
    return c.json(customer);
  });

  app.get('/customers/:id/logs', (c) => {
    const customer = viewable(c, deps, c.req.param('id'));
    const typesParam = c.req.query('types');
    const types = typesParam ? typesParam.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    for (const t of types ?? []) {
      if (!(LOG_TYPES as readonly string[]).includes(t)) throw invalid(`types: unknown log type "${t}"`);
    }
    const before = c.req.query('before') ? intQuery(c, 'before', 1, Number.MAX_SAFE_INTEGER, 0) : undefined;
    return c.json(
      customerLogs(deps.store.db, {
        customerId: customer.id,
        types: types as LogType[] | undefined,
        from: isoQuery(c, 'from'),
        to: isoQuery(c, 'to'),
        before,
        limit: intQuery(c, 'limit', 1, 500, 100),
      }),
    );
  });

  app.get('/logs/:logId/changes', (c) => {
    const raw = c.req.param('logId');
    const entry = /^\d+$/.test(raw) ? logBySeq(deps.store.db, Number(raw)) : null;
    const customer = entry ? deps.store.customer(entry.customerId) : undefined;
    // An entry of a customer the caller may not view is answered as a missing entry, naming no customer.
    if (!entry || !customer || !decide(callerContext(c, deps), customer, 'view', deps.now()).allowed) {
      throw notFound(`log ${raw}: not found`);
    }
    return c.json({ changes: entry.changes });
  });

  return app;
}
