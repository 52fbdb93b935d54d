// The signed-in user, the org, tags, follows and the audit log.
import { Hono } from 'hono';
import { LOG_TYPES, type LogType } from '../../lib/domain/log-types';
import { auditLogs } from '../db/logs';
import { stmt } from '../db/statements';
import { forbidden, invalid, notFound } from '../http/errors';
import { intQuery, jsonBody } from '../http/validate';
import { follows, setFollow } from './batch';
import { callerContext, callerId, known, NOT_FOUND, permitted, type AppContext, type AppEnv, type Deps } from './env';

export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.get('/me', (c) => {
    const { user } = c.get('caller');
    const org = store.org();
    return c.json({
      user,
      role: org.roles.find((r) => r.id === user.roleId),
      department: org.departments.find((d) => d.id === user.departmentId),
      isAdmin: callerContext(c, deps).isAdmin,
    });
  });

  app.get('/org', (c) => c.json(store.org()));

  // Only tags of customers the caller sees: a tag name can say a lot about a customer.
  app.get('/tags', (c) => {
    const tags = new Set<string>();
    for (const customer of store.listedFor(callerId(c))) for (const tag of customer.tags) tags.add(tag);
    return c.json({ tags: [...tags].sort() });
  });

  app.get('/follows', (c) => {
    const listed = store.listedSet(callerId(c));
    const ids = stmt(store.db, 'SELECT customer_id FROM follows WHERE user_id = ? ORDER BY created_at, customer_id')
      .pluck()
      .all(callerId(c)) as string[];
    return c.json({ customerIds: ids.filter((id) => listed.has(id)) });
  });

  const follow = (value: boolean) => async (c: AppContext) => {
    await jsonBody(c, []);
    const id = c.req.param('customerId')!;
    if (value) permitted(c, deps, id, 'follow');
    else {
      // Unfollowing needs no rights (a customer that left the list can be unstarred), but tells no one who never had it that it exists.
      const customer = store.customer(id);
      if (!customer || !(known(callerContext(c, deps), customer, null, deps.now()) || follows(store.db, callerId(c), id))) {
        throw notFound(NOT_FOUND(id));
      }
    }
    const now = deps.now();
    store.transact((tx) =>
      setFollow(tx.db, callerId(c), id, value, now, (type) =>
        tx.log({ customerId: id, type, at: now.toISOString(), actorId: callerId(c), details: '' }),
      ),
    );
    return c.json({ ok: true });
  };
  app.put('/follows/:customerId', follow(true));
  app.delete('/follows/:customerId', follow(false));

  app.get('/audit', (c) => {
    const ctx = callerContext(c, deps);
    if (!ctx.isAdmin) {
      throw forbidden({ allowed: false, rule: 'administrator-only', reason: 'Only administrators read the audit log.',
        ask: [{ kind: 'administrator', userIds: [...ctx.adminUserIds] }] });
    }
    const type = c.req.query('type') || undefined;
    if (type && !(LOG_TYPES as readonly string[]).includes(type)) throw invalid(`type: unknown log type "${type}"`);
    const items = auditLogs(store.db, {
      type: type as LogType | undefined,
      customerId: c.req.query('customerId') || undefined,
      limit: intQuery(c, 'limit', 1, 100_000, 1000),
    });
    return c.json({ items });
  });

  return app;
}
