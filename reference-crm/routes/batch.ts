// Batch actions: share, cancel share, labels, follow, delete.
import { Hono } from 'hono';
import type { ShareTargets } from '../../lib/domain/types';
import { deleteOriginDetails } from '../../lib/import/delete-origin';
import { applyCancelShare, applyLabels, applyShare, decideEdit } from '../../lib/rules';
import { stmt } from '../db/statements';
import { invalid } from '../http/errors';
import { booleanField, customerIds, jsonBody, MAX_TAG, shareTargets, stringArray } from '../http/validate';
import { runBatch } from './batch-run';
import { describeTargets } from './describe';
import { bumped, callerId, type AppEnv, type Deps } from './env';

export function batchRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.post('/batch/share', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'targets']);
    const ids = customerIds(body);
    const targets = shareTargets(body.targets, store.org(), 'targets');
    const details = describeTargets(store.org(), targets);
    const results = runBatch(c, deps, ids, 'share', (tx, current, now) => {
      const next = tx.save(bumped(current, { shares: applyShare(current, targets) }, now));
      tx.log({ customerId: current.id, type: 'Batch Share customer', at: now.toISOString(), actorId: callerId(c), details,
        changes: [{ field: 'shares', before: current.shares, after: next.shares }] });
    });
    return c.json({ results });
  });

  app.post('/batch/cancel-share', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'all', 'targets']);
    const ids = customerIds(body);
    const all = booleanField(body, 'all');
    if (!all && body.targets === undefined) throw invalid('targets: required when all is false');
    const targets = all ? undefined : shareTargets(body.targets, store.org(), 'targets');
    const details = all ? 'All' : describeTargets(store.org(), targets!);
    const results = runBatch(c, deps, ids, 'cancelShare', (tx, current, now) => {
      const shares = applyCancelShare(current, all, targets);
      // Nothing of it was shared with them: the customer is left as it is, unlogged, its version kept.
      if (sameShares(shares, current.shares)) return;
      const next = tx.save(bumped(current, { shares }, now));
      tx.log({ customerId: current.id, type: 'Batch Cancel Share customer', at: now.toISOString(), actorId: callerId(c),
        details, changes: [{ field: 'shares', before: current.shares, after: next.shares }] });
    });
    return c.json({ results });
  });

  app.post('/batch/labels', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'mode', 'tags']);
    const ids = customerIds(body);
    const mode = body.mode;
    if (mode !== 'set' && mode !== 'add') throw invalid('mode: must be "set" or "add"');
    const tags = stringArray(body.tags, 'tags', { required: true, max: 100, maxLength: MAX_TAG });
    tags.forEach((tag, i) => {
      if (tag.trim() === '') throw invalid(`tags[${i}]: must be 1 to ${MAX_TAG} characters`);
    });
    const type = mode === 'set' ? 'Batch Set Labels customer' : 'Batch Add Labels customer';
    const results = runBatch(c, deps, ids, mode === 'set' ? 'setLabels' : 'addLabels', (tx, current, now) => {
      const next = tx.save(bumped(current, { tags: applyLabels(current, mode, tags) }, now));
      tx.log({ customerId: current.id, type, at: now.toISOString(), actorId: callerId(c), details: tags.join(', '),
        changes: [{ field: 'tags', before: current.tags, after: next.tags }] });
    });
    return c.json({ results });
  });

  app.post('/batch/follow', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'follow']);
    const ids = customerIds(body);
    const follow = booleanField(body, 'follow');
    const user = callerId(c);
    // Unfollowing needs no rights: a customer that left the list can still be unstarred.
    const results = runBatch(c, deps, ids, follow ? 'follow' : null, (tx, current, now) => {
      setFollow(tx.db, user, current.id, follow, now, (type) =>
        tx.log({ customerId: current.id, type, at: now.toISOString(), actorId: user, details: '' }),
      );
    }, (current) => !follow && follows(store.db, user, current.id));
    return c.json({ results });
  });

  app.post('/batch/delete', async (c) => {
    const ids = customerIds(await jsonBody(c, ['customerIds']));
    const results = runBatch(c, deps, ids, 'delete', (tx, current, now) => {
      tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
      tx.log({ customerId: current.id, type: 'Delete customer', at: now.toISOString(), actorId: callerId(c),
        details: deleteOriginDetails({ from: 'batch' }), changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
    });
    return c.json({ results });
  });

  app.post('/batch/restore', async (c) => {
    const ids = customerIds(await jsonBody(c, ['customerIds']));
    // The rules' restore decision holds the restore window: past it, the customer is answered 'restore-expired'.
    const results = runBatch(c, deps, ids, 'restore', (tx, current, now) => {
      tx.save(bumped(current, { deletedAt: null }, now));
      tx.log({ customerId: current.id, type: 'Restore customer', at: now.toISOString(), actorId: callerId(c), details: '',
        changes: [{ field: 'deletedAt', before: current.deletedAt, after: null }] });
    });
    return c.json({ results });
  });

  app.post('/batch/reassign', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'field', 'to', 'from']);
    const ids = customerIds(body);
    const field = body.field;
    if (field !== 'aeId' && field !== 'csrId') throw invalid('field: must be "aeId" or "csrId"');
    const users = new Set(store.org().users.map((u) => u.id));
    const person = (value: unknown, name: string): string | null => {
      if (value === null) return null;
      if (typeof value !== 'string' || !users.has(value)) throw invalid(`${name}: must be a user id or null`);
      return value;
    };
    const to = person(body.to, 'to');
    const from = body.from === undefined ? undefined : body.from === null ? null : typeof body.from === 'string' ? body.from : person(body.from, 'from');
    // Exactly the rule the edit form and PATCH follow: who may change the AE or the CSR (and never empty the AE).
    const results = runBatch(c, deps, ids, 'edit', (tx, current, now) => {
      if (from !== undefined && current[field] !== from) {
        return { code: 'changed_since', message: `customer ${current.id}: ${field} is no longer ${from ?? 'empty'}; left as it is` };
      }
      if (current[field] === to) return;
      const changes = [{ field, before: current[field], after: to }];
      tx.save(bumped(current, { [field]: to }, now));
      tx.log({ customerId: current.id, type: 'Edit customer', at: now.toISOString(), actorId: callerId(c), details: field, changes });
    }, undefined, (ctx, current, now) => decideEdit(ctx, current, { [field]: to }, now));
    return c.json({ results });
  });

  return app;
}

/** The same departments, roles and users (cancelling only ever removes, so equal sizes mean equal lists). */
function sameShares(a: ShareTargets, b: ShareTargets): boolean {
  return a.departmentIds.length === b.departmentIds.length && a.roleIds.length === b.roleIds.length && a.userIds.length === b.userIds.length;
}

export function follows(db: Parameters<typeof stmt>[0], userId: string, customerId: string): boolean {
  return stmt(db, 'SELECT 1 FROM follows WHERE user_id = ? AND customer_id = ?').get(userId, customerId) !== undefined;
}

/** Adds or removes a follow; logs only when the state changes. */
export function setFollow(
  db: Parameters<typeof stmt>[0],
  userId: string,
  customerId: string,
  follow: boolean,
  now: Date,
  log: (type: 'Follow customer' | 'Unfollow customer') => void,
): void {
  const changed = follow
    ? stmt(db, 'INSERT OR IGNORE INTO follows (user_id, customer_id, created_at) VALUES (?, ?, ?)').run(userId, customerId, now.toISOString())
    : stmt(db, 'DELETE FROM follows WHERE user_id = ? AND customer_id = ?').run(userId, customerId);
  if (changed.changes > 0) log(follow ? 'Follow customer' : 'Unfollow customer');
}
