// Batch actions: share, cancel share, labels, follow, delete.
import { Hono } from 'hono';
import type { ShareTargets } from '../../lib/domain/types';
import { deleteOriginDetails } from '../../lib/import/delete-origin';
import { applyCancelShare, applyLabels, applyShare } from '../../lib/rules';
import { invalid } from '../http/errors';
import { booleanField, customerIds, jsonBody, MAX_TAG, shareTargets, stringArray } from '../http/validate';
import type { Repository } from '../db/repository';
import { runBatch } from './batch-run';
import { describeTargets } from './describe';
import { bumped, callerId, repoOf, type AppEnv, type Deps } from './env';

export function batchRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/batch/share', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'targets']);
    const ids = customerIds(body);
    const org = await repoOf(c).org();
    const targets = shareTargets(body.targets, org, 'targets');
    const details = describeTargets(org, targets);
    const results = await runBatch(c, deps, ids, 'share', async (tx, current, now) => {
      const next = await tx.save(bumped(current, { shares: applyShare(current, targets) }, now));
      await tx.log({ customerId: current.id, type: 'Batch Share customer', at: now.toISOString(), actorId: callerId(c), details,
        changes: [{ field: 'shares', before: current.shares, after: next.shares }] });
    });
    return c.json({ results });
  });

  app.post('/batch/cancel-share', async (c) => {
    const body = await jsonBody(c, ['customerIds', 'all', 'targets']);
    const ids = customerIds(body);
    const all = booleanField(body, 'all');
    if (!all && body.targets === undefined) throw invalid('targets: required when all is false');
    const org = await repoOf(c).org();
    const targets = all ? undefined : shareTargets(body.targets, org, 'targets');
    const details = all ? 'All' : describeTargets(org, targets!);
    const results = await runBatch(c, deps, ids, 'cancelShare', async (tx, current, now) => {
      const shares = applyCancelShare(current, all, targets);
      // Nothing of it was shared with them: the customer is left as it is, unlogged, its version kept.
      if (sameShares(shares, current.shares)) return;
      const next = await tx.save(bumped(current, { shares }, now));
      await tx.log({ customerId: current.id, type: 'Batch Cancel Share customer', at: now.toISOString(), actorId: callerId(c),
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
    const results = await runBatch(c, deps, ids, mode === 'set' ? 'setLabels' : 'addLabels', async (tx, current, now) => {
      const next = await tx.save(bumped(current, { tags: applyLabels(current, mode, tags) }, now));
      await tx.log({ customerId: current.id, type, at: now.toISOString(), actorId: callerId(c), details: tags.join(', '),
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
    const results = await runBatch(c, deps, ids, follow ? 'follow' : null, async (tx, current, now) => {
      await setFollow(tx, user, current.id, follow, now);
    }, async (tx, current) => !follow && (await tx.isFollowing(user, current.id)));
    return c.json({ results });
  });

  app.post('/batch/delete', async (c) => {
    const ids = customerIds(await jsonBody(c, ['customerIds']));
    const results = await runBatch(c, deps, ids, 'delete', async (tx, current, now) => {
      await tx.save(bumped(current, { deletedAt: now.toISOString() }, now));
      await tx.log({ customerId: current.id, type: 'Delete customer', at: now.toISOString(), actorId: callerId(c),
        details: deleteOriginDetails({ from: 'batch' }), changes: [{ field: 'deletedAt', before: null, after: now.toISOString() }] });
    });
    return c.json({ results });
  });

  return app;
}

/** The same departments, roles and users (cancelling only ever removes, so equal sizes mean equal lists). */
function sameShares(a: ShareTargets, b: ShareTargets): boolean {
  return a.departmentIds.length === b.departmentIds.length && a.roleIds.length === b.roleIds.length && a.userIds.length === b.userIds.length;
}

/** Adds or removes a follow in the transaction; logs only when the state changes. */
export async function setFollow(tx: Repository, userId: string, customerId: string, follow: boolean, now: Date): Promise<void> {
  if (await tx.setFollow(userId, customerId, follow, now)) {
    await tx.log({ customerId, type: follow ? 'Follow customer' : 'Unfollow customer', at: now.toISOString(), actorId: userId, details: '' });
  }
}
