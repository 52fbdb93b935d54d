import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

const shareLogs = async () =>
  (await crm.call('tok-admin', 'GET', '/audit?type=Batch%20Share%20customer')).body.items as unknown[];

describe('Idempotency-Key', () => {
  const body = { customerIds: ['c-1', 'c-3'], targets: { departmentIds: [], roleIds: [], userIds: ['u-key'] } };

  it('applies a replayed mutation once and answers the replay from the store', async () => {
    const first = await crm.call('tok-rep', 'POST', '/batch/share', body, { 'idempotency-key': 'k-1' });
    const replay = await crm.call('tok-rep', 'POST', '/batch/share', body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replay')).toBeNull();
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await shareLogs()).toHaveLength(2);
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).body.version).toBe(2);
  });

  it('answers 422 idempotency_mismatch for the same key with another body', async () => {
    await crm.call('tok-rep', 'POST', '/batch/share', body, { 'idempotency-key': 'k-2' });
    const other = await crm.call('tok-rep', 'POST', '/batch/share', { ...body, customerIds: ['c-1'] }, { 'idempotency-key': 'k-2' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_mismatch');
    expect(await shareLogs()).toHaveLength(2);
  });

  it('keeps keys per user', async () => {
    await crm.call('tok-rep', 'PUT', '/follows/c-3', undefined, { 'idempotency-key': 'same' });
    const other = await crm.call('tok-manager', 'PUT', '/follows/c-3', undefined, { 'idempotency-key': 'same' });
    expect(other.headers.get('idempotent-replay')).toBeNull();
    expect((await crm.call('tok-manager', 'GET', '/follows')).body.customerIds).toEqual(['c-3']);
  });

  it('replays a refusal too, and concurrent duplicates run once', async () => {
    const refused = await crm.call('tok-rep', 'DELETE', '/customers/c-1', undefined, { 'idempotency-key': 'k-3' });
    const again = await crm.call('tok-rep', 'DELETE', '/customers/c-1', undefined, { 'idempotency-key': 'k-3' });
    expect([refused.status, again.status, again.headers.get('idempotent-replay')]).toEqual([403, 403, 'true']);

    const [a, b] = await Promise.all([
      crm.call('tok-rep', 'POST', '/batch/share', body, { 'idempotency-key': 'k-4' }),
      crm.call('tok-rep', 'POST', '/batch/share', body, { 'idempotency-key': 'k-4' }),
    ]);
    expect([a.body, b.body]).toEqual([a.body, a.body]);
    expect(await shareLogs()).toHaveLength(2);
  });

  it('does not store injected faults: the retry runs', async () => {
    crm.settings.errorRate = 1;
    expect((await crm.call('tok-rep', 'PUT', '/follows/c-3', undefined, { 'idempotency-key': 'k-5' })).status).toBe(503);
    crm.settings.errorRate = 0;
    const retry = await crm.call('tok-rep', 'PUT', '/follows/c-3', undefined, { 'idempotency-key': 'k-5' });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replay')).toBeNull();
  });
});

describe('a replayed edit', () => {
  it('carries the ETag of the stored answer', async () => {
    const edit = () => crm.call('tok-rep', 'PATCH', '/customers/c-1', { name: 'Once' }, { 'if-match': '"1"', 'idempotency-key': 'e-1' });
    const first = await edit();
    const replay = await edit();
    expect(replay.status).toBe(200);
    expect(replay.headers.get('etag')).toBe('"2"');
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });
});

describe('a crash between the mutation and its stored answer', () => {
  it('leaves neither: the retry applies the mutation once', async () => {
    const { Repository } = await import('../db/repository');
    const { vi } = await import('vitest');
    // The process "dies" after the change is written and before the answer is stored: the transaction never commits.
    const crash = vi.spyOn(Repository.prototype, 'completeIdempotency').mockRejectedValueOnce(new Error('killed'));
    const edit = () => crm.call('tok-rep', 'PATCH', '/customers/c-1', { name: 'Once only' }, { 'if-match': '"1"', 'idempotency-key': 'crash-1' });
    expect((await edit()).status).toBe(500);
    crash.mockRestore();
    expect((await crm.call('tok-rep', 'GET', '/customers/c-1')).body).toMatchObject({ name: 'Anh Phat', version: 1 });
    const retry = await edit();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replay')).toBeNull();
    expect(retry.body).toMatchObject({ name: 'Once only', version: 2 });
    expect((await crm.call('tok-admin', 'GET', '/audit?type=Edit%20customer')).body.items).toHaveLength(1);
  });
});
