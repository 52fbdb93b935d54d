import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer } from '../../crm-client/test-data';
import { createHandlers } from '../handlers/core';
import { createMutationHandlers } from '../handlers/mutations';
import type { Change } from '../../protocol/messages';
import { fakeCrm, type FakeCrm } from '../outbox/test-crm';
import { CrmxDb } from '../store/db';
import { createCacheCatchUp, markCacheBehind } from './catch-up';
import { createBackgroundServices, type BackgroundServices } from '../services';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const ids = Array.from({ length: 10 }, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);
const toCsr = { departmentIds: [], roleIds: [], userIds: ['u-csr'] };
const noShares = { departmentIds: [], roleIds: [], userIds: [] };

let dbName: string;
let n = 0;
let crm: FakeCrm;
let pushed: Change[];
const open: CrmxDb[] = [];

/** A worker on the shared database; `gate` holds every /sync/customers call until it resolves. */
function worker(gate: Promise<unknown> = Promise.resolve()): BackgroundServices {
  const db = new CrmxDb(dbName);
  open.push(db);
  let origin: string | null = ORIGIN;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).includes('/sync/customers')) await gate;
    return crm.fetch(input, init);
  }) as typeof globalThis.fetch;
  return createBackgroundServices({
    db, chunkSize: async () => 4, getCrmOrigin: async () => origin, setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch }), push: (change) => pushed.push(change),
  });
}

beforeEach(async () => {
  dbName = `catch-up-test-${++n}`;
  crm = fakeCrm(ids.map((id) => sampleCustomer({ id, shares: noShares })));
  pushed = [];
  const first = worker();
  await createHandlers(first).connect({ url: ORIGIN, token: 'tok-ae' }, page);
  await first.sync.run();
});
afterEach(async () => {
  open.forEach((db) => db.close());
  open.length = 0;
  await new CrmxDb(dbName).delete();
});

const share = (deps: BackgroundServices) => deps.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
const status = async (deps: BackgroundServices, id: string) => (await deps.jobs.list()).find((j) => j.id === id)?.status;

describe('the cache after a batch job', () => {
  it('is not rewritten by the chunks: the job is done first, then the customers are read back from the CRM', async () => {
    let open!: (value?: unknown) => void;
    const deps = worker(new Promise((resolve) => (open = resolve)));
    const job = await share(deps);
    await deps.jobs.runner.kick();
    expect(await status(deps, job.id)).toBe('done');
    expect((await deps.db.customers.get('c-005'))?.shares).toEqual(noShares);
    open();
    await deps.jobs.runner.cacheSettled();
    expect(await deps.db.customers.get('c-005')).toMatchObject({ shares: toCsr, version: crm.customers.get('c-005')!.version });
    const told = pushed.flatMap((c) => (c.kind === 'customers' && !c.mine ? c.ids : []));
    expect(told.sort()).toEqual(ids);
    // Each chunk says at once which customers the user's job changed (a page that cannot redraw them says so).
    const mine = pushed.flatMap((c) => (c.kind === 'customers' && c.mine ? c.ids : []));
    expect(mine.sort()).toEqual(ids);
  });

  it('holds the versions the job gave its customers: an edit made from it right after is not stale', async () => {
    const deps = worker();
    const job = await share(deps);
    await deps.jobs.runner.kick();
    await deps.jobs.runner.cacheSettled();
    expect(await status(deps, job.id)).toBe('done');
    const cached = (await deps.db.customers.get('c-005'))!;
    const edit = await createMutationHandlers(deps).editCustomer({ id: 'c-005', version: cached.version, changes: { name: 'Renamed' } }, page);
    expect(edit).toMatchObject({ outcome: 'applied' });
    await deps.outbox.outbox.flush();
  });

  it('catches up in the next worker when this one died before it could', async () => {
    const deps = worker(new Promise(() => undefined));
    const job = await share(deps);
    await deps.jobs.runner.kick();
    expect(await status(deps, job.id)).toBe('done');

    const next = worker();
    await next.jobs.runner.kick();
    await next.jobs.runner.cacheSettled();
    expect((await next.db.customers.get('c-009'))?.shares).toEqual(toCsr);
  });
});

describe('undo while the cache lags an earlier job', () => {
  const view = async (deps: BackgroundServices, id: string) => (await deps.jobs.list()).find((j) => j.id === id)!;

  it('offers no undo for a job planned from a cache that missed an earlier job\'s changes', async () => {
    let open!: (value?: unknown) => void;
    const deps = worker(new Promise((resolve) => (open = resolve)));
    const first = await share(deps);
    await deps.jobs.runner.kick();
    expect(await view(deps, first.id)).toMatchObject({ status: 'done', undoable: true });
    // The cache still shows no shares: the second job would think it added them all, and its undo
    // would take back the first job's shares too.
    const second = await share(deps);
    await deps.jobs.runner.kick();
    expect(await view(deps, second.id)).toMatchObject({ status: 'done', undoable: false });
    await expect(deps.jobs.undo(second.id)).rejects.toThrow(/cannot be undone/);
    open();
    await deps.jobs.runner.cacheSettled();
    const third = await share(deps);
    await deps.jobs.runner.kick();
    expect(await view(deps, third.id)).toMatchObject({ status: 'done', undoable: true });
  });
});

describe('the catch-up mark', () => {
  it('stays when a chunk was recorded during the sync, and goes once a sync covered every chunk', async () => {
    const db = new CrmxDb(dbName);
    open.push(db);
    let syncs = 0;
    const catchUp = createCacheCatchUp(db, async () => {
      if (syncs++ === 0) await db.transaction('rw', db.meta, () => markCacheBehind(db, 'job-a'));
      return true;
    });
    await catchUp.run(); // nothing recorded: no sync
    expect(syncs).toBe(0);
    await db.transaction('rw', db.meta, () => markCacheBehind(db, 'job-a'));
    await catchUp.run();
    await catchUp.run();
    await catchUp.run();
    expect(syncs).toBe(2);
  });
});
