import { describe, expect, it } from 'vitest';
import { applyCancelShare, applyLabels, applyShare, decide, listedIds, userContext } from './index';
import { makeCustomer, sampleOrg, shares } from './test-org';
import type { Customer, ShareTargets } from '../domain/types';

const org = sampleOrg();
const USER_IDS = org.users.map((u) => u.id);

function listers(c: Customer): string[] {
  return USER_IDS.filter((id) => listedIds(userContext(org, id), [c]).length === 1);
}

describe('share', () => {
  it.each<[string, ShareTargets, ShareTargets, ShareTargets]>([
    ['Adding personnel to the shared list does not clear the current shared list',
      shares({ userIds: ['rex'], roleIds: ['viewer'] }), shares({ userIds: ['ria'] }),
      shares({ userIds: ['rex', 'ria'], roleIds: ['viewer'] })],
    ['The new range is added to the current shared range, without repeats',
      shares({ departmentIds: ['sales'], userIds: ['rex'] }), shares({ departmentIds: ['sales', 'support'], userIds: ['rex', 'rex'] }),
      shares({ departmentIds: ['sales', 'support'], userIds: ['rex'] })],
    ['Sharing with nothing changes nothing', shares({ roleIds: ['rep'] }), shares(), shares({ roleIds: ['rep'] })],
  ])('%s', (_sentence, current, added, expected) => {
    expect(applyShare(makeCustomer({ shares: current }), added)).toEqual(expected);
  });

  it('Sharing lets users without the relevant permission view the customer', () => {
    const c = makeCustomer({ aeId: 'rex' });
    expect(listers(c)).not.toContain('vic');
    const shared = { ...c, shares: applyShare(c, shares({ departmentIds: ['support'] })) };
    expect(listers(shared)).toEqual(expect.arrayContaining(['vic', 'cal']));
  });

  it('rejects malformed targets with an error naming the field', () => {
    expect(() => applyShare(makeCustomer(), { userIds: 'rex' } as unknown as ShareTargets)).toThrow(/applyShare: targets.userIds/);
    expect(() => applyShare(makeCustomer(), null as unknown as ShareTargets)).toThrow(/applyShare: targets must be an object/);
  });
});

describe('cancel sharing in batch', () => {
  const current = shares({ departmentIds: ['support'], roleIds: ['rep'], userIds: ['eve', 'vic'] });

  it.each<[string, boolean, ShareTargets | undefined, ShareTargets]>([
    ['Select "All": clears all sharing for the selected customers', true, undefined, shares()],
    ['Selected specific users: only they have their sharing removed, the remaining scope remains', false,
      shares({ userIds: ['eve'] }), shares({ departmentIds: ['support'], roleIds: ['rep'], userIds: ['vic'] })],
    ['Selected departments and roles: only they are removed', false,
      shares({ departmentIds: ['support'], roleIds: ['rep'] }), shares({ userIds: ['eve', 'vic'] })],
    ['Removing ids that are not shared changes nothing', false, shares({ userIds: ['nobody'] }), current],
  ])('%s', (_sentence, all, targets, expected) => {
    expect(applyCancelShare(makeCustomer({ shares: current }), all, targets)).toEqual(expected);
  });

  it('Users who lose the share and are neither AE nor CSR can no longer view the customer', () => {
    const c = makeCustomer({ aeId: 'rex', csrId: 'cal', shares: shares({ userIds: ['eve', 'vic'], roleIds: ['rep'] }) });
    expect(listers(c).sort()).toEqual(['ada', 'cal', 'eve', 'mia', 'rex', 'ria', 'sam', 'vic']);
    const after = { ...c, shares: applyCancelShare(c, true) };
    // Kept: the AE, the CSR, the AE's manager (otherwise covered) and the administrator.
    expect(listers(after).sort()).toEqual(['ada', 'cal', 'mia', 'rex']);
  });

  it('Cancelling only some targets keeps the users the remaining shares cover', () => {
    const c = makeCustomer({ shares: shares({ userIds: ['eve', 'vic'] }) });
    const after = { ...c, shares: applyCancelShare(c, false, shares({ userIds: ['eve'] })) };
    expect(listers(after).sort()).toEqual(['ada', 'vic']);
  });

  it('This operation can only be applied to customers for which you have editing permission', () => {
    const c = makeCustomer({ aeId: 'rex', shares: shares({ userIds: ['ria'] }) });
    expect(decide(userContext(org, 'rex'), c, 'cancelShare').allowed).toBe(true);
    expect(decide(userContext(org, 'ria'), c, 'cancelShare')).toMatchObject({ allowed: false, rule: 'edit-required' });
  });

  it('requires targets when not cancelling all, and a boolean all', () => {
    expect(() => applyCancelShare(makeCustomer(), false)).toThrow(/targets are required when all is false/);
    expect(() => applyCancelShare(makeCustomer(), 'yes' as unknown as boolean)).toThrow(/all must be a boolean/);
  });
});

describe('return to the pool', () => {
  it('The AE becomes empty and the user no longer finds the customer in their list', () => {
    const c = makeCustomer({ aeId: 'rex', poolId: 'pool-1' });
    expect(listers(c)).toEqual(expect.arrayContaining(['rex', 'mia']));
    expect(decide(userContext(org, 'rex'), c, 'returnToPool').allowed).toBe(true);
    const returned = { ...c, aeId: null };
    expect(listers(returned)).toEqual(['ada']);
    expect(decide(userContext(org, 'rex'), returned, 'returnToPool').rule).toBe('already-in-pool');
  });
});

describe('labels', () => {
  it.each<[string, 'set' | 'add', string[], string[], string[]]>([
    ['"Set labels" overwrites the original tags with the newly assigned tags', 'set', ['vip', 'old'], ['new', 'hot'], ['new', 'hot']],
    ['"Set labels" trims, drops empty tags and repeats', 'set', ['old'], [' a ', '', 'a', '  ', 'b'], ['a', 'b']],
    ['"Set labels" with no tags clears them', 'set', ['old'], [], []],
    ['"Add labels" adds new tags after the existing ones', 'add', ['vip'], ['hot', 'cold'], ['vip', 'hot', 'cold']],
    ['"Add labels" does not repeat a tag the customer already has', 'add', ['vip', 'hot'], [' hot', 'vip', 'new'], ['vip', 'hot', 'new']],
    ['"Add labels" with nothing new keeps the tags', 'add', ['vip'], ['', 'vip'], ['vip']],
  ])('%s', (_sentence, mode, current, tags, expected) => {
    expect(applyLabels(makeCustomer({ tags: current }), mode, tags)).toEqual(expected);
  });

  it('rejects an unknown mode and non-string tags', () => {
    expect(() => applyLabels(makeCustomer(), 'replace' as 'set', [])).toThrow(/mode must be "set" or "add"/);
    expect(() => applyLabels(makeCustomer(), 'add', [1 as unknown as string])).toThrow(/tags must be an array of strings/);
  });
});
