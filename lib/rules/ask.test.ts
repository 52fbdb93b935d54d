import { describe, expect, it } from 'vitest';
import { decide, userContext, type Action, type AskWhom } from './index';
import { makeCustomer, makeUser, sampleOrg } from './test-org';
import type { Customer, Org } from '../domain/types';

const NOW = new Date('2024-06-30T00:00:00.000Z');

function orgWithLoner(): Org {
  const org = sampleOrg();
  // zed has no manager; a second administrator bo makes "the administrators" a real list.
  org.users.push(makeUser('zed', { roleId: 'rep', managerId: null }), makeUser('bo', { roleId: 'admin', managerId: null }));
  return org;
}

type Row = [sentence: string, userId: string, action: Action, customer: Partial<Customer>, ask: AskWhom[]];

const ROWS: Row[] = [
  ['A user refused the list is told to ask their manager', 'rex', 'list', {}, [{ kind: 'manager', userIds: ['mia'] }]],
  ['A user refused view is told to ask their manager', 'mia', 'view', {}, [{ kind: 'manager', userIds: ['tom'] }]],
  ['A user refused edit is told to ask their manager', 'ria', 'edit', { aeId: 'rex' }, [{ kind: 'manager', userIds: ['mia'] }]],
  ['A user refused share is told to ask their manager', 'vic', 'share', { id: 'c-group' }, [{ kind: 'manager', userIds: ['ada'] }]],
  ['A user refused cancel share is told to ask their manager', 'vic', 'cancelShare', { id: 'c-group' }, [{ kind: 'manager', userIds: ['ada'] }]],
  ['A user refused labels is told to ask their manager', 'rex', 'addLabels', {}, [{ kind: 'manager', userIds: ['mia'] }]],
  ['A user refused follow is told to ask their manager', 'rex', 'follow', {}, [{ kind: 'manager', userIds: ['mia'] }]],
  ['A user without a manager is told to ask the administrators', 'zed', 'edit', {}, [{ kind: 'administrator', userIds: ['ada', 'bo'] }]],
  ['A user refused delete is told to ask the administrators', 'rex', 'delete', { aeId: 'rex' }, [{ kind: 'administrator', userIds: ['ada', 'bo'] }]],
  ['A user refused restore is told to ask the administrators', 'rex', 'restore', { deletedAt: '2024-06-29T00:00:00.000Z' }, [{ kind: 'administrator', userIds: ['ada', 'bo'] }]],
  ['An administrator is not told to ask themselves', 'ada', 'edit', {}, [{ kind: 'administrator', userIds: ['bo'] }]],
  ['Anyone meeting a deleted customer is told to ask the administrators (who may restore it)', 'rex', 'edit', { aeId: 'rex', deletedAt: '2024-06-29T00:00:00.000Z' }, [{ kind: 'administrator', userIds: ['ada', 'bo'] }]],
  ["A user refused return to the pool is told to ask the pool's administrators, then their manager", 'ria', 'returnToPool', { aeId: 'rex', poolId: 'pool-2' }, [
    { kind: 'pool-admin', userIds: ['ada', 'pat'] }, { kind: 'manager', userIds: ['mia'] },
  ]],
  ['A pool administrator refused on another pool is not told to ask themselves', 'ada', 'returnToPool', { aeId: 'rex', poolId: 'pool-1' }, [
    { kind: 'pool-admin', userIds: ['pat'] }, { kind: 'administrator', userIds: ['bo'] },
  ]],
  ['A customer without a pool: only the manager to ask', 'ria', 'returnToPool', { aeId: 'rex', poolId: null }, [{ kind: 'manager', userIds: ['mia'] }]],
  ['Nobody can restore a customer deleted too long ago: no one to ask', 'ada', 'restore', { deletedAt: '2024-01-01T00:00:00.000Z' }, []],
  ['A customer already in the pool: no one to ask', 'rex', 'returnToPool', { aeId: null }, []],
  ['An unknown user is told to ask the administrators', 'ghost', 'view', {}, [{ kind: 'administrator', userIds: ['ada', 'bo'] }]],
  ["A user outside a pool's departments is told to ask its administrators, then the administrators (not their manager)", 'cal', 'pickUp', { aeId: null, poolId: 'pool-1' }, [
    { kind: 'pool-admin', userIds: ['pat'] }, { kind: 'administrator', userIds: ['ada', 'bo'] },
  ]],
  ['A customer someone picked up first: no one to ask', 'rex', 'pickUp', { aeId: 'ria', poolId: 'pool-1' }, []],
];

describe('whom to ask', () => {
  it.each(ROWS)('%s', (_sentence, userId, action, partial, ask) => {
    const d = decide(userContext(orgWithLoner(), userId), makeCustomer(partial), action, NOW);
    expect(d.allowed).toBe(false);
    expect(d.ask).toEqual(ask);
  });

  it('One user refused return to the pool on customers of different pools is told about each pool\'s administrators', () => {
    const ctx = userContext(orgWithLoner(), 'ria');
    const ask = (poolId: string) => decide(ctx, makeCustomer({ aeId: 'rex', poolId }), 'returnToPool', NOW).ask[0];
    expect([ask('pool-1'), ask('pool-2'), ask('pool-1')]).toEqual([
      { kind: 'pool-admin', userIds: ['pat'] }, { kind: 'pool-admin', userIds: ['ada', 'pat'] }, { kind: 'pool-admin', userIds: ['pat'] },
    ]);
  });

  it('Decisions are frozen, so a caller cannot change what other callers are told', () => {
    const d = decide(userContext(orgWithLoner(), 'rex'), makeCustomer(), 'edit', NOW);
    expect(Object.isFrozen(d) && Object.isFrozen(d.ask) && Object.isFrozen(d.ask[0].userIds)).toBe(true);
    expect(() => d.ask[0].userIds.push('rex')).toThrow(TypeError);
  });

  it('Every user named in an ask is a user of the org', () => {
    const org = orgWithLoner();
    const ids = new Set(org.users.map((u) => u.id));
    for (const [, userId, action, partial] of ROWS) {
      for (const a of decide(userContext(org, userId), makeCustomer(partial), action, NOW).ask) {
        for (const id of a.userIds) expect(ids.has(id)).toBe(true);
      }
    }
  });
});
