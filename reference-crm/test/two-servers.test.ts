// Two server processes' worth of CRM (each its own connections and caches) on one database: what one writes, the
// other answers at once, and an Idempotency-Key sent to both at the same time is applied once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCrm, type RunningCrm } from '../server';
import { TEST_ENGINE, tempDbPath, testSeed } from './support';

let a: RunningCrm;
let b: RunningCrm;
beforeEach(async () => {
  const dbPath = tempDbPath();
  a = await startCrm({ dbPath, seed: testSeed(), pages: false, rateLimit: 0 });
  b = await startCrm({ dbPath, pages: false, rateLimit: 0 });
});
afterEach(async () => {
  await a.close();
  await b.close();
});

async function call(crm: RunningCrm, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${crm.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe(`two servers on one ${TEST_ENGINE} database`, () => {
  it('each reads at once what the other wrote: the record, the list, search, sort, tags, follows and sync', async () => {
    expect(b.seededFrom).toBe('existing');
    const since = (await call(b, 'tok-rep', 'GET', '/sync/customers?since=')).body.next;
    // Both have answered (and cached what they cache) before the write.
    expect((await call(b, 'tok-rep', 'GET', '/customers/c-1')).body.name).toBe('Anh Phat');
    expect((await call(b, 'tok-key', 'GET', '/customers?sort=name')).body.items.map((c: { id: string }) => c.id)).toEqual(['c-1', 'c-key']);

    expect((await call(a, 'tok-rep', 'PATCH', '/customers/c-1', { name: 'Zeta Phát' }, { 'if-match': '"1"' })).status).toBe(200);
    const shared = await call(a, 'tok-manager', 'POST', '/batch/share', { customerIds: ['c-2'], targets: { departmentIds: [], roleIds: [], userIds: ['u-key'] } });
    expect(shared.body.results).toEqual([{ id: 'c-2', ok: true }]);
    expect((await call(a, 'tok-key', 'POST', '/batch/labels', { customerIds: ['c-key'], mode: 'add', tags: ['gold'] })).status).toBe(200);
    expect((await call(a, 'tok-key', 'PUT', '/follows/c-2')).status).toBe(200);

    expect((await call(b, 'tok-rep', 'GET', '/customers/c-1')).body).toMatchObject({ name: 'Zeta Phát', version: 2 });
    const list = (await call(b, 'tok-key', 'GET', '/customers?sort=name')).body;
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(['c-2', 'c-key', 'c-1']);
    expect((await call(b, 'tok-key', 'GET', '/customers?q=zeta')).body.items.map((c: { id: string }) => c.id)).toEqual(['c-1']);
    expect((await call(b, 'tok-key', 'GET', '/tags')).body.tags).toEqual(['gold', 'vip']);
    expect((await call(b, 'tok-key', 'GET', '/follows')).body.customerIds).toEqual(['c-2']);
    const sync = (await call(b, 'tok-rep', 'GET', `/sync/customers?since=${since}`)).body;
    expect(sync.changed.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([['c-1', 'Zeta Phát']]);
  });

  it('applies a mutation sent with one Idempotency-Key to both servers at once exactly once, and both answer alike', async () => {
    const body = { customerIds: ['c-1', 'c-3'], targets: { departmentIds: [], roleIds: [], userIds: ['u-key'] } };
    const headers = { 'idempotency-key': 'both-servers' };
    const answers = await Promise.all([a, b, a, b].map((crm) => call(crm, 'tok-rep', 'POST', '/batch/share', body, headers)));
    expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const logs = (await call(b, 'tok-admin', 'GET', '/audit?type=Batch%20Share%20customer')).body.items;
    expect(logs).toHaveLength(2);
    expect((await call(a, 'tok-rep', 'GET', '/customers/c-1')).body.version).toBe(2);
  });
});
