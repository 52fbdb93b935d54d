// Changing one customer: edit, delete, restore, return to the pool, share. Each in one transaction with its log,
// the customer read (and in PostgreSQL locked) inside it, so the checks hold when the change commits.
import { Hono } from 'hono';
import { applyShare, decide, decideEdit } from '../../lib/rules';
import { ApiError, forbidden, invalid } from '../http/errors';
import { jsonBody, shareTargets, text } from '../http/validate';
import { EDITABLE_FIELDS } from '../../lib/domain/types';
import { describeTargets } from './describe';
import { changesOf, ifMatchVersion, parseEdit } from './edit';
import { bumped, callerContext, callerId, permitted, repoOf, type AppContext, type AppEnv, type Deps } from './env';
import type { Customer } from '../../lib/domain/types';

function answer(c: AppContext, customer: Customer) {
  c.header('ETag', `"${customer.version}"`);
  return c.json(customer);
}

export function customerWriteRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.patch('/customers/:id', async (c) => {
    const expected = ifMatchVersion(c.req.header('if-match'));
    const body = await jsonBody(c, EDITABLE_FIELDS);
    const saved = await repoOf(c).transaction(async (tx) => {
      const current = await permitted(c, deps, tx, c.req.param('id'), 'edit');
      const edit = parseEdit(body, await tx.org());
      // Who may change the AE or the CSR is a rule of its own, decided exactly as the edit form decides it.
      const decision = decideEdit(await callerContext(c, tx), current, edit, deps.now());
      if (!decision.allowed) throw forbidden(decision);
      if (current.version !== expected) {
        throw new ApiError(412, {
          code: 'stale',
          message: `The customer changed since version ${expected}; it is now version ${current.version}`,
          current,
        });
      }
      const changes = changesOf(current, edit);
      if (changes.length === 0) return current;
      const now = deps.now();
      const next = await tx.save(bumped(current, edit, now));
      await tx.log({ customerId: next.id, type: 'Edit customer', at: now.toISOString(), actorId: callerId(c),
        details: changes.map((ch) => ch.field).join(', '), changes });
      return next;
    });
    return answer(c, saved);
  });

  app.delete('/customers/:id', async (c) => {
    await jsonBody(c, []);
    await repoOf(c).transaction(async (tx) => {
      const current = await permitted(c, deps, tx, c.req.param('id'), 'delete');
      const now = deps.now();
      await tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
      await tx.log({ customerId: current.id, type: 'Delete customer', at: now.toISOString(), actorId: callerId(c), details: '',
        changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
    });
    return c.json({ ok: true });
  });

  app.post('/customers/:id/restore', async (c) => {
    await jsonBody(c, []);
    const saved = await repoOf(c).transaction(async (tx) => {
      const current = await permitted(c, deps, tx, c.req.param('id'), 'restore');
      const now = deps.now();
      const next = await tx.save(bumped(current, { deletedAt: null }, now));
      await tx.log({ customerId: current.id, type: 'Restore customer', at: now.toISOString(), actorId: callerId(c), details: '',
        changes: [{ field: 'deletedAt', before: current.deletedAt, after: null }] });
      return next;
    });
    return answer(c, saved);
  });

  app.post('/customers/:id/return-to-pool', async (c) => {
    const body = await jsonBody(c, ['reason']);
    const reason = body.reason === undefined ? '' : text(body.reason, 'reason').trim();
    if (!reason) throw invalid('reason: a non-empty reason is required');
    const { saved, sawIt } = await repoOf(c).transaction(async (tx) => {
      const current = await permitted(c, deps, tx, c.req.param('id'), 'returnToPool');
      const now = deps.now();
      // A pool administrator may return a customer outside their list: they learn it went back, not the record.
      const sawIt = decide(await callerContext(c, tx), current, 'view', now).allowed;
      const next = await tx.save(bumped(current, { aeId: null }, now));
      await tx.log({ customerId: current.id, type: 'Back customer', at: now.toISOString(), actorId: callerId(c), details: reason,
        changes: [{ field: 'aeId', before: current.aeId, after: null }] });
      return { saved: next, sawIt };
    });
    if (!sawIt) return c.json({ ok: true, id: saved.id, version: saved.version });
    return answer(c, saved);
  });

  app.post('/customers/:id/share', async (c) => {
    const body = await jsonBody(c, ['departmentIds', 'roleIds', 'userIds']);
    const saved = await repoOf(c).transaction(async (tx) => {
      const org = await tx.org();
      const targets = shareTargets(body, org, 'body');
      const current = await permitted(c, deps, tx, c.req.param('id'), 'share');
      const now = deps.now();
      const next = await tx.save(bumped(current, { shares: applyShare(current, targets) }, now));
      await tx.log({ customerId: current.id, type: 'Share customer', at: now.toISOString(), actorId: callerId(c),
        details: describeTargets(org, targets),
        changes: [{ field: 'shares', before: current.shares, after: next.shares }] });
      return next;
    });
    return answer(c, saved);
  });

  return app;
}
