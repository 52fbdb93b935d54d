// The pool (seed 000: "for other member to pick up"): the customers waiting without an account executive that
// the caller may pick up, and the pick up itself, which makes the caller the account executive.
import { Hono } from 'hono';
import type { Customer, Id } from '../../lib/domain/types';
import { decide, pickableIds, pickUpPoolIds, type UserContext } from '../../lib/rules';
import { stmt } from '../db/statements';
import { forbidden, notFound } from '../http/errors';
import { intQuery, jsonBody, text } from '../http/validate';
import { phoneKey } from '../phone';
import { bumped, callerContext, callerId, known, NOT_FOUND, type AppEnv, type Deps } from './env';
import type { CrmStore } from '../store';

/** One customer as the pool shows it: enough to choose it, not its whole record (the caller does not list it yet). */
export interface PoolCustomer {
  id: Id;
  code: string;
  name: string;
  phone: string;
  poolId: Id | null;
  poolName: string | null;
  version: number;
  /** When it was last returned to the pool, and the reason given; null when no return was recorded. */
  returnedAt: string | null;
  returnReason: string | null;
}

/** The latest return to the pool of each customer that has one. */
function latestReturns(store: CrmStore): Map<Id, { at: string; details: string }> {
  const rows = stmt(
    store.db,
    `SELECT customer_id, at, details FROM logs WHERE seq IN
       (SELECT MAX(seq) FROM logs WHERE type = 'Back customer' GROUP BY customer_id)`,
  ).all() as { customer_id: Id; at: string; details: string }[];
  return new Map(rows.map((r) => [r.customer_id, { at: r.at, details: r.details }]));
}

/** The live customers without an account executive the caller may pick up. */
function pickable(store: CrmStore, ctx: UserContext): Customer[] {
  const free = (stmt(store.db, 'SELECT id FROM customers WHERE ae_id IS NULL AND deleted_at IS NULL').pluck().all() as Id[])
    .map((id) => store.customer(id))
    .filter((c): c is Customer => c !== undefined);
  const ids = new Set(pickableIds(ctx, free));
  return free.filter((c) => ids.has(c.id));
}

/** Whether the caller may learn that the customer exists: they list it, or they may pick up from its pool. */
function knownToPicker(ctx: UserContext, customer: Customer, now: Date): boolean {
  if (known(ctx, customer, null, now)) return true;
  return !customer.deletedAt && customer.poolId !== null && pickUpPoolIds(ctx, [customer.poolId]).length === 1;
}

export function poolRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get('/pool/customers', (c) => {
    const page = intQuery(c, 'page', 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = intQuery(c, 'pageSize', 1, 200, 20);
    const q = text(c.req.query('q') ?? '', 'q').trim().toLowerCase();
    const ctx = callerContext(c, deps);
    const org = store.org();
    const poolNames = new Map(org.pools.map((p) => [p.id, p.name]));
    const returns = latestReturns(store);
    let items = pickable(store, ctx);
    if (q) {
      const qDigits = q.replace(/\D/g, '').length >= 3 ? phoneKey(q) : '';
      items = items.filter((x) => x.name.toLowerCase().includes(q) || x.code.toLowerCase().includes(q)
        || (qDigits !== '' && phoneKey(x.phone).includes(qDigits)));
    }
    const rows: PoolCustomer[] = items.map((x) => {
      const back = returns.get(x.id);
      return {
        id: x.id, code: x.code, name: x.name, phone: x.phone, poolId: x.poolId,
        poolName: x.poolId === null ? null : poolNames.get(x.poolId) ?? null, version: x.version,
        returnedAt: back?.at ?? null, returnReason: back?.details ?? null,
      };
    });
    // The latest returned first: that is what members come to the pool for; never returned ones last, by name.
    const collate = new Intl.Collator('vi').compare;
    rows.sort((a, b) => (b.returnedAt ?? '').localeCompare(a.returnedAt ?? '') || collate(a.name, b.name) || (a.id < b.id ? -1 : 1));
    const pools = pickUpPoolIds(ctx, org.pools.map((p) => p.id)).map((id) => ({ id, name: poolNames.get(id)! }));
    return c.json({ items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize, pools });
  });

  app.post('/customers/:id/pick-up', async (c) => {
    await jsonBody(c, []);
    const id = c.req.param('id');
    const ctx = callerContext(c, deps);
    const now = deps.now();
    const current = store.customer(id);
    if (!current || !knownToPicker(ctx, current, now)) throw notFound(NOT_FOUND(id));
    const decision = decide(ctx, current, 'pickUp', now);
    if (!decision.allowed) throw forbidden(decision);
    const me = callerId(c);
    const poolName = store.org().pools.find((p) => p.id === current.poolId)?.name ?? '';
    const saved = store.transact((tx) => {
      const next = tx.save(bumped(current, { aeId: me }, now));
      tx.log({ customerId: current.id, type: 'Pick up customer', at: now.toISOString(), actorId: me, details: poolName,
        changes: [{ field: 'aeId', before: null, after: me }] });
      return next;
    });
    c.header('ETag', `"${saved.version}"`);
    return c.json(saved);
  });

  return app;
}
