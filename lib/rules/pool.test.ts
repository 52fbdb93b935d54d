import { describe, expect, it } from 'vitest';
import { pickableIds, pickUpPoolIds, userContext } from './index';
import { makeCustomer, sampleOrg } from './test-org';

const org = sampleOrg();
const POOL_IDS = org.pools.map((p) => p.id);

// pool-1: member department sales (and so sales-north), administered by pat; pool-2: open to everyone.
const customers = [
  makeCustomer({ id: 'p1-free', aeId: null, poolId: 'pool-1' }),
  makeCustomer({ id: 'p2-free', aeId: null, poolId: 'pool-2' }),
  makeCustomer({ id: 'p1-taken', aeId: 'rex', poolId: 'pool-1' }),
  makeCustomer({ id: 'p1-deleted', aeId: null, poolId: 'pool-1', deletedAt: '2024-06-01T00:00:00.000Z' }),
  makeCustomer({ id: 'no-pool', aeId: null, poolId: null }),
];

type Row = [sentence: string, userId: string, pickable: string[], pools: string[]];

const ROWS: Row[] = [
  ['A rep of a member department sees the free customers of their pools', 'rex', ['p1-free', 'p2-free'], ['pool-1', 'pool-2']],
  ['A user outside the member departments sees only the open pool', 'cal', ['p2-free'], ['pool-2']],
  ["The pool's administrator sees their pool though their department is not a member", 'pat', ['p1-free', 'p2-free'], ['pool-1', 'pool-2']],
  ['Administrators see every free customer, in a pool or not', 'ada', ['p1-free', 'p2-free', 'no-pool'], ['pool-1', 'pool-2']],
  ['A user who is not in the org sees nothing', 'ghost', [], []],
];

describe('the pool a user may pick up from', () => {
  it.each(ROWS)('%s', (_sentence, userId, pickable, pools) => {
    const ctx = userContext(org, userId);
    expect(pickableIds(ctx, customers)).toEqual(pickable);
    expect(pickUpPoolIds(ctx, POOL_IDS)).toEqual(pools);
  });

  it('An empty list of member departments leaves the pool to its administrators', () => {
    const closed = { ...org, pools: [{ id: 'pool-1', name: 'Closed', adminUserIds: ['pat'], memberDepartmentIds: [] }] };
    expect(pickableIds(userContext(closed, 'rex'), customers)).toEqual([]);
    expect(pickableIds(userContext(closed, 'pat'), customers)).toEqual(['p1-free']);
  });
});
