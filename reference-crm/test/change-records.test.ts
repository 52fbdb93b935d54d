// Each customer's entry of a batch share, cancel sharing or labels keeps what changed: before and after,
// who and when (the extension's "View change records" reads them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

const none = { departmentIds: [], roleIds: [], userIds: [] };

async function latest(type: string, customerId: string) {
  const { body } = await crm.call('tok-admin', 'GET', `/customers/${customerId}/logs?types=${encodeURIComponent(type)}&limit=1`);
  return body.items[0];
}

describe('change records of batch operations', () => {
  it('batch share, then cancel sharing: each customer\'s shares before and after, the actor and the time', async () => {
    const before = (await crm.call('tok-admin', 'GET', '/customers/c-shared')).body.shares;
    await crm.call('tok-admin', 'POST', '/batch/share', { customerIds: ['c-shared'], targets: { userIds: ['u-key'] } });
    const share = await latest('Batch Share customer', 'c-shared');
    expect(share).toMatchObject({ actorId: 'u-admin', changes: [{ field: 'shares', before, after: { ...before, userIds: [...before.userIds, 'u-key'] } }] });
    expect(Number.isNaN(Date.parse(share.at))).toBe(false);

    await crm.call('tok-admin', 'POST', '/batch/cancel-share', { customerIds: ['c-shared'], all: true });
    const cancel = await latest('Batch Cancel Share customer', 'c-shared');
    expect(cancel).toMatchObject({ actorId: 'u-admin', changes: [{ field: 'shares', before: share.changes[0].after, after: none }] });
    expect((await crm.call('tok-admin', 'GET', `/logs/${cancel.id}/changes`)).body.changes).toEqual(cancel.changes);
  });

  it('set and add labels: each customer\'s tags before and after', async () => {
    const before = (await crm.call('tok-rep', 'GET', '/customers/c-1')).body.tags;
    await crm.call('tok-rep', 'POST', '/batch/labels', { customerIds: ['c-1'], mode: 'add', tags: ['hot'] });
    const add = await latest('Batch Add Labels customer', 'c-1');
    expect(add).toMatchObject({ actorId: 'u-rep', changes: [{ field: 'tags', before, after: [...before, 'hot'] }] });
    await crm.call('tok-rep', 'POST', '/batch/labels', { customerIds: ['c-1'], mode: 'set', tags: ['new'] });
    const set = await latest('Batch Set Labels customer', 'c-1');
    expect(set.changes).toEqual([{ field: 'tags', before: [...before, 'hot'], after: ['new'] }]);
  });
});
