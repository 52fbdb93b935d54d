// The pool (seed 000: "for other member to pick up"): the customers waiting without an account executive that
// the caller may pick up, and the pick up itself, which makes the caller the account executive.
import { Hono } from 'hono';
import type { Customer, Id } from '../../lib/domain/types';
import { decide, pickUpPoolIds, type UserContext } from '../../lib/rules';
import { forbidden, notFound } from '../http/errors';
import { intQuery, jsonBody, text } from '../http/validate';
import { bumped, callerContext, callerId, known, NOT_FOUND, repoOf, type AppEnv, type Deps } from './env';

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

/** Whether the caller may learn that the customer exists: they list it, or they may pick up from its pool. */
function knownToPicker(ctx: UserContext, customer: Customer, now: Date): boolean {
  if (known(ctx, customer, null, now)) return true;
  return !customer.deletedAt && customer.poolId !== null && pickUpPoolIds(ctx, [customer.poolId]).length === 1;
}

export function poolRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/pool/customers', async (c) => {
    const page = intQuery(c, 'page', 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = intQuery(c, 'pageSize', 1, 200, 20);
    const q = text(c.req.query('q') ?? '', 'q').trim().toLowerCase();
    const repo = repoOf(c);
    const ctx = await callerContext(c);
    const org = await repo.org();
    const poolNames = new Map(org.pools.map((p) => [p.id, p.name]));
    const { items, total } = await repo.poolPage(ctx, q, (page - 1) * pageSize, pageSize);
    const rows: PoolCustomer[] = items.map(({ customer: x, returnedAt, returnReason }) => ({
      id: x.id, code: x.code, name: x.name, phone: x.phone, poolId: x.poolId,
      poolName: x.poolId === null ? null : poolNames.get(x.poolId) ?? null, version: x.version, returnedAt, returnReason,
    }));
    const pools = pickUpPoolIds(ctx, org.pools.map((p) => p.id)).map((id) => ({ id, name: poolNames.get(id)! }));
    return c.json({ items: rows, total, page, pageSize, pools });
  });

  app.post('/customers/:id/pick-up', async (c) => {
    await jsonBody(c, []);
    const id = c.req.param('id');
    const now = deps.now();
    const me = callerId(c);
    // Read and locked in the transaction: of two members picking up the same customer, the second is refused.
    const saved = await repoOf(c).transaction(async (tx) => {
      const ctx = await callerContext(c, tx);
      const current = await tx.customer(id, true);
      if (!current || !knownToPicker(ctx, current, now)) throw notFound(NOT_FOUND(id));
      const decision = decide(ctx, current, 'pickUp', now);
      if (!decision.allowed) throw forbidden(decision);
      const poolName = (await tx.org()).pools.find((p) => p.id === current.poolId)?.name ?? '';
      const next = await tx.save(bumped(current, { aeId: me }, now));
      await tx.log({ customerId: current.id, type: 'Pick up customer', at: now.toISOString(), actorId: me, details: poolName,
        changes: [{ field: 'aeId', before: null, after: me }] });
      return next;
    });
    c.header('ETag', `"${saved.version}"`);
    return c.json(saved);
  });

  return app;
}
