import { describe, expect, it } from 'vitest';
import type { BatchOp, CustomerOp } from './connector';
import { batchShowsEffect, showsEffect } from './operations';
import { sampleCustomer } from './test-data';

const NONE = { departmentIds: [], roleIds: [], userIds: [] };
const base = sampleCustomer({ id: 'c-1', version: 3, name: 'An', aeId: 'u-ae', shares: { ...NONE, userIds: ['u-1'] }, tags: ['vip'] });
const at = (patch: Partial<typeof base>) => ({ ...base, ...patch });

describe('showsEffect: whether a read-back shows a single-customer operation done', () => {
  it.each<[string, CustomerOp, Partial<typeof base> | null, boolean, boolean]>([
    ['an edit at a later version with my values', { op: 'edit', customerId: 'c-1', version: 3, changes: { name: 'Bình' } }, { version: 4, name: 'Bình' }, false, true],
    ['an edit not made yet', { op: 'edit', customerId: 'c-1', version: 3, changes: { name: 'Bình' } }, {}, false, false],
    ['someone else\'s later edit', { op: 'edit', customerId: 'c-1', version: 3, changes: { name: 'Bình' } }, { version: 4, name: 'Chi' }, false, false],
    ['a delete, customer gone', { op: 'delete', customerId: 'c-1' }, null, false, true],
    ['a delete, customer soft-deleted', { op: 'delete', customerId: 'c-1' }, { deletedAt: '2026-01-01T00:00:00.000Z' }, false, true],
    ['a delete not made', { op: 'delete', customerId: 'c-1' }, {}, false, false],
    ['a restore done', { op: 'restore', customerId: 'c-1' }, {}, false, true],
    ['a restore not made', { op: 'restore', customerId: 'c-1' }, { deletedAt: '2026-01-01T00:00:00.000Z' }, false, false],
    ['a return, no account executive', { op: 'returnToPool', customerId: 'c-1', reason: '' }, { aeId: null }, false, true],
    ['a return, out of my list', { op: 'returnToPool', customerId: 'c-1', reason: '' }, null, false, true],
    ['a return not made', { op: 'returnToPool', customerId: 'c-1', reason: '' }, {}, false, false],
    ['a pick up, I am the AE', { op: 'pickUp', customerId: 'c-1' }, { aeId: 'u-me' }, false, true],
    ['a pick up, someone else is', { op: 'pickUp', customerId: 'c-1' }, { aeId: 'u-ae' }, false, false],
    ['a share, targets there', { op: 'share', customerId: 'c-1', targets: { ...NONE, userIds: ['u-1'] } }, {}, false, true],
    ['a share, one target missing', { op: 'share', customerId: 'c-1', targets: { ...NONE, userIds: ['u-1', 'u-2'] } }, {}, false, false],
    ['a follow, starred', { op: 'follow', customerId: 'c-1' }, {}, true, true],
    ['a follow, not starred', { op: 'follow', customerId: 'c-1' }, {}, false, false],
    ['an unfollow, not starred', { op: 'unfollow', customerId: 'c-1' }, {}, false, true],
  ])('%s', (_, op, customer, followed, expected) => {
    expect(showsEffect(op, { customer: customer === null ? null : at(customer), followed, userId: 'u-me' })).toBe(expected);
  });
});

describe('batchShowsEffect: whether a read-back shows one customer of a batch done', () => {
  it.each<[string, BatchOp, Partial<typeof base> | null, boolean, boolean]>([
    ['share done', { op: 'share', targets: { ...NONE, userIds: ['u-1'] } }, {}, false, true],
    ['share not done', { op: 'share', targets: { ...NONE, roleIds: ['r-1'] } }, {}, false, false],
    ['share, customer gone', { op: 'share', targets: NONE }, null, false, false],
    ['cancel all done', { op: 'cancelShare', all: true }, { shares: NONE }, false, true],
    ['cancel all not done', { op: 'cancelShare', all: true }, {}, false, false],
    ['cancel some done', { op: 'cancelShare', all: false, targets: { ...NONE, userIds: ['u-9'] } }, {}, false, true],
    ['cancel some not done', { op: 'cancelShare', all: false, targets: { ...NONE, userIds: ['u-1'] } }, {}, false, false],
    ['add labels done', { op: 'labels', mode: 'add', tags: ['vip'] }, { tags: ['vip', 'x'] }, false, true],
    ['add labels not done', { op: 'labels', mode: 'add', tags: ['new'] }, {}, false, false],
    ['set labels done', { op: 'labels', mode: 'set', tags: ['a', 'b'] }, { tags: ['b', 'a'] }, false, true],
    ['set labels, an extra tag left', { op: 'labels', mode: 'set', tags: ['a'] }, { tags: ['a', 'vip'] }, false, false],
    ['follow done', { op: 'follow', follow: true }, {}, true, true],
    ['unfollow not done', { op: 'follow', follow: false }, {}, true, false],
    ['delete done', { op: 'delete' }, null, false, true],
    ['delete not done', { op: 'delete' }, {}, false, false],
    ['file delete done', { op: 'deleteByPhone', rows: {} }, { deletedAt: '2026-01-01T00:00:00.000Z' }, false, true],
  ])('%s', (_, op, customer, followed, expected) => {
    expect(batchShowsEffect(op, { customer: customer === null ? null : at(customer), followed })).toBe(expected);
  });
});
