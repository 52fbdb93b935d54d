import { describe, expect, it } from 'vitest';
import { batchOpOfRequest, customerOpOfRequest } from './operations-v3';

const T = { departmentIds: ['d-1'], roleIds: [], userIds: ['u-2'] };

describe('customerOpOfRequest: a version 2 outbox request as the operation it was', () => {
  it.each([
    [{ method: 'PATCH', path: '/customers/c-1', body: { name: 'An' }, ifMatch: '4' }, { op: 'edit', customerId: 'c-1', version: 4, changes: { name: 'An' } }],
    [{ method: 'DELETE', path: '/customers/c-1', body: undefined }, { op: 'delete', customerId: 'c-1' }],
    [{ method: 'POST', path: '/customers/c-1/restore', body: {} }, { op: 'restore', customerId: 'c-1' }],
    [{ method: 'POST', path: '/customers/c-1/return-to-pool', body: { reason: 'moved' } }, { op: 'returnToPool', customerId: 'c-1', reason: 'moved' }],
    [{ method: 'POST', path: '/customers/c-1/pick-up', body: {} }, { op: 'pickUp', customerId: 'c-1' }],
    [{ method: 'POST', path: '/customers/c-1/share', body: T }, { op: 'share', customerId: 'c-1', targets: T }],
    [{ method: 'PUT', path: '/follows/c%2F1', body: undefined }, { op: 'follow', customerId: 'c/1' }],
    [{ method: 'DELETE', path: '/follows/c-1', body: undefined }, { op: 'unfollow', customerId: 'c-1' }],
    [{ method: 'POST', path: '/customers/c-1/archive', body: {} }, null],
    [{ method: 'GET', path: '/follows/c-1', body: undefined }, null],
  ])('%o', (row, op) => {
    expect(customerOpOfRequest(row)).toEqual(op);
  });
});

describe('batchOpOfRequest: a version 2 job step as the operation it was', () => {
  it.each([
    [{ path: '/batch/share', body: { targets: T } }, { op: 'share', targets: T }],
    [{ path: '/batch/cancel-share', body: { all: true } }, { op: 'cancelShare', all: true }],
    [{ path: '/batch/cancel-share', body: { all: false, targets: T } }, { op: 'cancelShare', all: false, targets: T }],
    [{ path: '/batch/labels', body: { mode: 'set', tags: ['a'] } }, { op: 'labels', mode: 'set', tags: ['a'] }],
    [{ path: '/batch/labels', body: { mode: 'add', tags: ['b'] } }, { op: 'labels', mode: 'add', tags: ['b'] }],
    [{ path: '/batch/follow', body: { follow: false } }, { op: 'follow', follow: false }],
    [{ path: '/batch/delete', body: {} }, { op: 'delete' }],
    [{ path: '/batch/delete-by-phone', body: { file: 'a.csv', rows: { 'c-1': { row: 2, phone: '0912' } } } },
      { op: 'deleteByPhone', file: 'a.csv', rows: { 'c-1': { row: 2, phone: '0912' } } }],
    [{ path: '/batch/archive', body: {} }, null],
  ])('%o', (step, op) => {
    expect(batchOpOfRequest(step)).toEqual(op);
  });
});
