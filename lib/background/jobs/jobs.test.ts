import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer } from '../../crm-client/test-data';
import type { Customer } from '../../domain/types';
import { createHandlers } from '../handlers/core';
import type { Change } from '../../protocol/messages';
import type { JobView } from '../../protocol/jobs';
import { fakeCrm, type FakeCrm } from '../outbox/test-crm';
import { CrmxDb } from '../store/db';
import { createBackgroundServices, type BackgroundDeps, type BackgroundServices } from '../services';
import { createJobsHandlers } from '../handlers/jobs';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const CHUNK = 4;
const noShares = { departmentIds: [], roleIds: [], userIds: [] };
const ids = Array.from({ length: 25 }, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);
const toCsr = { departmentIds: [], roleIds: [], userIds: ['u-csr'] };

let dbName: string;
let n = 0;
let crm: FakeCrm;
let pushed: Change[];
const open: CrmxDb[] = [];

function customers(): Customer[] {
  return [
    ...ids.map((id, i) => sampleCustomer({ id, name: `Own ${i + 1}`, shares: i === 0 ? toCsr : noShares, tags: i % 2 ? ['a'] : [] })),
    sampleCustomer({ id: 'c-other', aeId: 'u-other', csrId: null, shares: { ...noShares, userIds: ['u-ae'] } }),
  ];
}

/** A worker: its own connection to the same IndexedDB, its own runner (a fresh service). */
function worker(fetch: typeof globalThis.fetch = crm.fetch, more: Partial<BackgroundDeps> = {}): BackgroundServices {
  const db = new CrmxDb(dbName);
  open.push(db);
  let origin: string | null = ORIGIN;
  return createBackgroundServices({
    db, chunkSize: async () => CHUNK,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch }),
    push: (change) => pushed.push(change),
    ...more,
  });
}

beforeEach(async () => {
  dbName = `jobs-test-${++n}`;
  crm = fakeCrm(customers());
  pushed = [];
  await createHandlers(worker()).connect({ url: ORIGIN, token: 'tok-ae' }, page);
});
afterEach(async () => {
  open.forEach((db) => db.close());
  open.length = 0;
  await new CrmxDb(dbName).delete();
});

/**
 * A worker that dies at the `at`-th batch call, before the CRM gets it or after it applied it: that
 * call and every later one freeze for ever.
 */
function dyingFetch(at: number, phase: 'before' | 'after') {
  let batches = 0;
  let died!: () => void;
  const dead = new Promise<void>((resolve) => (died = resolve));
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input).includes('/batch/')) return crm.fetch(input, init);
    const call = batches++;
    if (call < at) return crm.fetch(input, init);
    if (call === at && phase === 'after') await crm.fetch(input, init);
    died();
    return new Promise<Response>(() => undefined);
  }) as typeof globalThis.fetch;
  return { fetch, dead };
}

async function finished(deps: BackgroundServices, id: string): Promise<JobView> {
  const service = deps.jobs;
  await service.runner.kick();
  await service.runner.cacheSettled();
  return (await service.list()).find((j) => j.id === id)!;
}

const appliedShares = () => crm.applied.filter((a) => a.what.startsWith('share ')).map((a) => a.what.slice(6));

describe('a batch job', () => {
  it('shares in chunks of the configured size, each with its own key, and records progress', async () => {
    const deps = worker();
    const job = await deps.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    const done = await finished(deps, job.id);
    expect(done).toMatchObject({ status: 'done', total: 25, done: 25, succeeded: 25, errors: [] });
    const keys = crm.received.filter((r) => r.path === '/batch/share').map((r) => r.key);
    expect(keys).toEqual(Array.from({ length: 7 }, (_, k) => `${job.id}:${k}`));
    expect(pushed.filter((c) => c.kind === 'job').length).toBeGreaterThanOrEqual(7);
    expect((await deps.db.customers.get('c-005'))?.shares.userIds).toEqual(['u-csr']);
  });

  it('keeps the next chunk on the wire while the CRM works on one, never more than two', async () => {
    const arrived: number[] = [];
    const waiting = new Map<number, () => void>();
    let open = 0;
    let mostOpen = 0;
    const deps = worker((async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/batch/')) return crm.fetch(input, init);
      const k = Number(new Headers(init?.headers).get('Idempotency-Key')!.split(':')[1]);
      mostOpen = Math.max(mostOpen, ++open);
      arrived.push(k);
      waiting.get(k)?.();
      // Chunk k's answer is held until chunk k+1 has come (a sequential runner never sends it: then the
      // answer goes after 300 ms, and the assertions below say why).
      if (k < 6) await Promise.race([new Promise<void>((resolve) => waiting.set(k + 1, resolve)), new Promise((r) => setTimeout(r, 300))]);
      open--;
      return crm.fetch(input, init);
    }) as typeof globalThis.fetch);
    const job = await deps.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    expect(await finished(deps, job.id)).toMatchObject({ status: 'done', done: 25, succeeded: 25 });
    expect(arrived).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(mostOpen).toBe(2);
  });

  it('does not hold a chunk back until the keep-alive call answers', async () => {
    let calls = 0;
    const deps = worker(crm.fetch, { keepAlive: () => { calls++; return new Promise<void>(() => undefined); } });
    const job = await deps.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    expect(await finished(deps, job.id)).toMatchObject({ status: 'done', done: 25, succeeded: 25 });
    expect(calls).toBe(7);
  });

  const boundaries = Array.from({ length: 7 }, (_, k) => k);
  for (const phase of ['before', 'after'] as const) {
    it.each(boundaries)(`resumed after the worker died ${phase === 'before' ? 'before sending' : 'with the answer lost of'} chunk %i shares each customer once`, async (k) => {
      const dying = dyingFetch(k, phase);
      const first = worker(dying.fetch);
      const job = await first.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
      await dying.dead;
      const stored = (await first.jobs.list())[0];
      expect(stored.status).toBe('running');
      // Pipelined: chunk k-1 may still be unrecorded when chunk k goes out.
      expect([Math.max(0, k - 1) * CHUNK, k * CHUNK]).toContain(stored.done);

      const done = await finished(worker(), job.id);
      expect(done).toMatchObject({ status: 'done', done: 25, succeeded: 25 });
      expect(appliedShares().sort()).toEqual([...ids].sort());
      if (phase === 'after') expect(crm.received.filter((r) => r.key === `${job.id}:${k}`)).toHaveLength(2);
    });
  }

  it('skips customers the rules refuse and reports them, grouped by rule in the pre-check', async () => {
    const deps = worker();
    const request = { kind: 'setLabels' as const, customerIds: ['c-001', 'c-other', 'c-404'], tags: ['x'] };
    // The dialog names them: who each customer it knows is (never its id).
    const who = (c: Customer) => ({ name: c.name, code: c.code, phone: c.phone });
    expect(await deps.jobs.precheck(request)).toEqual({
      total: 3, allowed: 1,
      refused: [{ rule: 'edit-required', count: 1, ids: ['c-other'] }, { rule: 'not-listed', count: 1, ids: ['c-404'] }],
      customers: { 'c-001': who(customers()[0]), 'c-other': who(customers().at(-1)!) },
    });
    const job = await deps.jobs.start(request);
    const done = await finished(deps, job.id);
    expect(done).toMatchObject({ status: 'done', total: 3, done: 3, succeeded: 1 });
    expect(done.errors).toMatchObject([{ item: 'c-other', rule: 'edit-required', customer: who(customers().at(-1)!) }, { item: 'c-404', rule: 'not-listed' }]);
    expect(done.errors[1].customer).toBeUndefined();
    expect(crm.received.flatMap((r) => r.path)).toEqual(['/batch/labels']);
    expect(crm.customers.get('c-other')?.tags).toEqual(['vip', 'north']);
  });

  it('deletes file rows by id and reports the others with their row number and why', async () => {
    const deps = worker();
    const job = await deps.jobs.start({
      kind: 'deleteByPhone',
      rows: [
        { row: 1, phone: '0900', customerId: 'c-002' },
        { row: 2, phone: 'abc', customerId: null, problem: 'invalid' },
        { row: 3, phone: '0911', customerId: null, problem: 'not_found' },
        { row: 4, phone: '0900', customerId: 'c-002' },
      ],
    });
    // Only administrators delete: the acting user (an AE) is refused row 1 before anything is sent.
    const done = await finished(deps, job.id);
    expect(done.errors.map((e) => [e.item, e.code])).toEqual([['row 2', 'invalid'], ['row 3', 'not_found'], ['row 4', 'duplicate'], ['row 1', 'forbidden']]);
    expect(done).toMatchObject({ total: 4, done: 4, succeeded: 0, status: 'done' });
    expect(crm.received).toEqual([]);
  });

  it('stops between chunks when cancelled', async () => {
    const dying = dyingFetch(2, 'before');
    const deps = worker(dying.fetch);
    const job = await deps.jobs.start({ kind: 'follow', customerIds: ids });
    await dying.dead;
    expect(await deps.jobs.runner.cancel(job.id)).toMatchObject({ status: 'cancelled' });
    const after = await finished(worker(), job.id);
    expect(after).toMatchObject({ status: 'cancelled', done: 2 * CHUNK });
    expect(crm.follows.size).toBe(2 * CHUNK);
  });

  it('undoes a share on the customers that did not have it, and labels back to what they were', async () => {
    const deps = worker();
    const share = await deps.jobs.start({ kind: 'share', customerIds: ids.slice(0, 6), targets: toCsr });
    expect(await finished(deps, share.id)).toMatchObject({ undoable: true });
    const undo = await deps.jobs.undo(share.id);
    expect(undo).toMatchObject({ kind: 'cancelShare', undoOf: share.id, total: 5 });
    await finished(deps, undo.id);
    expect(ids.slice(0, 6).map((id) => crm.customers.get(id)?.shares.userIds)).toEqual([['u-csr'], [], [], [], [], []]);
    await expect(deps.jobs.undo(share.id)).rejects.toMatchObject({ code: 'invalid' });

    const labels = await deps.jobs.start({ kind: 'addLabels', customerIds: ids.slice(0, 4), tags: ['new'] });
    await finished(deps, labels.id);
    expect(crm.customers.get('c-002')?.tags).toEqual(['a', 'new']);
    await finished(deps, (await deps.jobs.undo(labels.id)).id);
    expect(ids.slice(0, 4).map((id) => crm.customers.get(id)?.tags)).toEqual([[], ['a'], [], ['a']]);
  });
});

describe('resolveMatching', () => {
  it('answers every id the CRM lists under the filter', async () => {
    const answer = await createJobsHandlers(worker()).resolveMatching({ q: 'Own' }, page);
    expect(answer).toEqual({ ids, total: 25 });
  });
});

describe('a job started by one user', () => {
  it('never runs as a user connected after it', async () => {
    crm.online = false;
    const first = worker();
    const job = await first.jobs.start({ kind: 'follow', customerIds: ['c-001'] });
    await first.jobs.runner.kick();
    crm.online = true;
    const next = worker();
    await createHandlers(next).connect({ url: ORIGIN, token: 'tok-csr' }, page);
    expect(await finished(next, job.id)).toMatchObject({ status: 'failed', done: 0 });
    expect(crm.received).toEqual([]);
  });
});

describe('undo of a batch delete', () => {
  const asAdmin = async () => {
    const deps = worker();
    await createHandlers(deps).connect({ url: ORIGIN, token: 'tok-admin' }, page);
    return deps;
  };
  const restored = () => crm.applied.filter((a) => a.what.startsWith('restore ')).map((a) => a.what.slice(8));

  it('restores exactly the customers the delete deleted (not those refused), each once though the worker died', async () => {
    const deps = await asAdmin();
    const deleted = ids.slice(0, 6);
    const job = await deps.jobs.start({ kind: 'delete', customerIds: [...deleted, 'c-404'] });
    const done = await finished(deps, job.id);
    expect(done).toMatchObject({ status: 'done', succeeded: 6, undoable: true, undoUntil: new Date(Date.parse(done.createdAt) + 30 * 86_400_000).toISOString() });
    expect(done.errors.map((e) => e.item)).toEqual(['c-404']);

    // The worker dies with the answer of the undo's first chunk lost.
    const dying = dyingFetch(0, 'after');
    const first = worker(dying.fetch);
    const undo = await first.jobs.undo(job.id);
    expect(undo).toMatchObject({ kind: 'restore', undoOf: job.id, total: 6 });
    expect(undo.undoUntil).toBeUndefined();
    await dying.dead;
    const after = await finished(worker(), undo.id);
    expect(after).toMatchObject({ status: 'done', done: 6, succeeded: 6, errors: [] });
    expect(restored().sort()).toEqual(deleted);
    expect(deleted.every((id) => crm.customers.get(id)?.deletedAt === null)).toBe(true);
    expect((await worker().jobs.list()).find((j) => j.id === job.id)).toMatchObject({ undoable: false });
    // Its open cards were told: the undo is no longer offered there.
    expect(pushed.filter((c) => c.kind === 'job' && c.job.id === job.id).at(-1)).toMatchObject({ job: { undoable: false } });
  });

  it('is refused once the restore window has passed, naming the rule', async () => {
    const deps = await asAdmin();
    const job = await deps.jobs.start({ kind: 'delete', customerIds: ids.slice(0, 2) });
    const done = await finished(deps, job.id);
    const later = worker(crm.fetch, { now: () => new Date(Date.parse(done.undoUntil!) + 1000) });
    await expect(later.jobs.undo(job.id)).rejects.toMatchObject({ code: 'forbidden', rule: 'restore-expired' });
    expect(restored()).toEqual([]);
  });
});

describe('batch reassignment', () => {
  const as = async (token: string) => {
    const deps = worker();
    await createHandlers(deps).connect({ url: ORIGIN, token }, page);
    return deps;
  };

  it('pre-checks by who may change which field: the AE changes the CSR, not the AE', async () => {
    const deps = await as('tok-ae');
    const ae = await deps.jobs.precheck({ kind: 'reassign', customerIds: ['c-001', 'c-002'], field: 'aeId', userId: 'u-other' });
    expect(ae).toMatchObject({ total: 2, allowed: 0, refused: [{ rule: 'reassign-not-allowed', count: 2 }] });
    const csr = await deps.jobs.precheck({ kind: 'reassign', customerIds: ['c-001', 'c-002', 'c-other'], field: 'csrId', userId: 'u-other' });
    expect(csr).toMatchObject({ total: 3, allowed: 2, refused: [{ rule: 'edit-required', ids: ['c-other'] }] });
  });

  it('reassigns the allowed ones, and undo sets each back to its own previous value where nobody changed it since', async () => {
    crm.customers.set('c-002', { ...crm.customers.get('c-002')!, csrId: 'u-mgr' });
    const deps = await as('tok-ae');
    const job = await deps.jobs.start({ kind: 'reassign', customerIds: ['c-001', 'c-002', 'c-003', 'c-other'], field: 'csrId', userId: 'u-other' });
    const done = await finished(deps, job.id);
    expect(done).toMatchObject({ status: 'done', total: 4, succeeded: 3, undoable: true, field: 'csrId' });
    expect(done.errors).toMatchObject([{ item: 'c-other', rule: 'edit-required' }]);
    expect(['c-001', 'c-002', 'c-003', 'c-other'].map((id) => crm.customers.get(id)?.csrId)).toEqual(['u-other', 'u-other', 'u-other', null]);

    // Someone else moves c-003's CSR on meanwhile: the undo leaves it and says so.
    crm.customers.set('c-003', { ...crm.customers.get('c-003')!, csrId: 'u-admin' });
    const undo = await deps.jobs.undo(job.id);
    expect(undo).toMatchObject({ kind: 'reassign', undoOf: job.id, total: 3, field: 'csrId' });
    const undone = await finished(deps, undo.id);
    expect(undone).toMatchObject({ status: 'done', succeeded: 2 });
    expect(undone.errors).toMatchObject([{ item: 'c-003', code: 'changed_since' }]);
    expect(['c-001', 'c-002', 'c-003'].map((id) => crm.customers.get(id)?.csrId)).toEqual(['u-csr', 'u-mgr', 'u-admin']);
    const sent = crm.received.filter((r) => r.path === '/batch/reassign');
    expect(sent).toHaveLength(3); // the job's one chunk, then the undo's two groups (back to u-csr, back to u-mgr)
  });

  it('never reassigns a customer twice though the worker died with an answer lost', async () => {
    const dying = dyingFetch(0, 'after');
    const first = worker(dying.fetch);
    await createHandlers(first).connect({ url: ORIGIN, token: 'tok-mgr' }, page);
    const job = await first.jobs.start({ kind: 'reassign', customerIds: ids.slice(0, 10), field: 'aeId', userId: 'u-other' });
    await dying.dead;
    const done = await finished(worker(), job.id);
    expect(done).toMatchObject({ status: 'done', done: 10, succeeded: 10 });
    const applied = crm.applied.filter((a) => a.what.startsWith('reassign ')).map((a) => a.what.slice(9));
    expect(applied.sort()).toEqual(ids.slice(0, 10));
  });
});
