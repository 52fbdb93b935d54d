// The signed-in user, the org, tags, follows and the audit log.
import { Hono } from 'hono';
import { LOG_TYPES, type LogType } from '../../lib/domain/log-types';
import { forbidden, invalid, notFound } from '../http/errors';
import { intQuery, jsonBody } from '../http/validate';
import { setFollow } from './batch';
import { callerContext, callerId, known, NOT_FOUND, permitted, repoOf, type AppContext, type AppEnv, type Deps } from './env';

export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/me', async (c) => {
    const { user } = c.get('caller');
    const org = await repoOf(c).org();
    return c.json({
      user,
      role: org.roles.find((r) => r.id === user.roleId),
      department: org.departments.find((d) => d.id === user.departmentId),
      isAdmin: (await callerContext(c)).isAdmin,
    });
  });

  app.get('/org', async (c) => c.json(await repoOf(c).org()));

  // Only tags of customers the caller sees: a tag name can say a lot about a customer.
  app.get('/tags', async (c) => c.json({ tags: await repoOf(c).listedTags(await callerContext(c)) }));

  app.get('/follows', async (c) => c.json({ customerIds: await repoOf(c).followedListed(await callerContext(c)) }));

  const follow = (value: boolean) => async (c: AppContext) => {
    await jsonBody(c, []);
    const id = c.req.param('customerId')!;
    const now = deps.now();
    await repoOf(c).transaction(async (tx) => {
      if (value) await permitted(c, deps, tx, id, 'follow');
      else {
        // Unfollowing needs no rights (a customer that left the list can be unstarred), but tells no one who never had it that it exists.
        const customer = await tx.customer(id, true);
        if (!customer || !(known(await callerContext(c, tx), customer, null, now) || (await tx.isFollowing(callerId(c), id)))) {
          throw notFound(NOT_FOUND(id));
        }
      }
      await setFollow(tx, callerId(c), id, value, now);
    });
    return c.json({ ok: true });
  };
  app.put('/follows/:customerId', follow(true));
  app.delete('/follows/:customerId', follow(false));

  app.get('/audit', async (c) => {
    const ctx = await callerContext(c);
    if (!ctx.isAdmin) {
      throw forbidden({ allowed: false, rule: 'administrator-only', reason: 'Only administrators read the audit log.',
        ask: [{ kind: 'administrator', userIds: [...ctx.adminUserIds] }] });
    }
    const type = c.req.query('type') || undefined;
    if (type && !(LOG_TYPES as readonly string[]).includes(type)) throw invalid(`type: unknown log type "${type}"`);
    const items = await repoOf(c).auditLogs({
      type: type as LogType | undefined,
      customerId: c.req.query('customerId') || undefined,
      limit: intQuery(c, 'limit', 1, 100_000, 1000),
    });
    return c.json({ items });
  });

  return app;
}
