import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer } from '../../crm-client/test-data';
import { createHandlers } from '../handlers/core';
import { fakeCrm, type FakeCrm } from '../outbox/test-crm';
import { CrmxDb } from '../store/db';
import { chunkSizeOf, type ChunkPlan } from './chunk-plan';
import { createBackgroundServices, type BackgroundServices } from '../services';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const ids = Array.from({ length: 12 }, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);
const toCsr = { departmentIds: [], roleIds: [], userIds: ['u-csr'] };

let dbName: string;
let n = 0;
let crm: FakeCrm;
const open: CrmxDb[] = [];

/** A worker on the shared database; `onBatch` sees every batch call before the CRM does. */
function worker(onBatch: (key: string, customerIds: string[]) => Promise<void> = async () => {}): BackgroundServices {
  const db = new CrmxDb(dbName);
  open.push(db);
  let origin: string | null = ORIGIN;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).includes('/batch/')) {
      await onBatch(new Headers(init?.headers).get('Idempotency-Key')!, (JSON.parse(String(init?.body)) as { customerIds: string[] }).customerIds);
    }
    return crm.fetch(input, init);
  }) as typeof globalThis.fetch;
  return createBackgroundServices({
    db, chunkSize: async () => 4, getCrmOrigin: async () => origin, setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => new CrmClient({ baseUrl, token, fetch }), push: () => {},
  });
}

beforeEach(async () => {
  dbName = `chunk-plan-test-${++n}`;
  crm = fakeCrm(ids.map((id) => sampleCustomer({ id })));
  await createHandlers(worker()).connect({ url: ORIGIN, token: 'tok-ae' }, page);
});
afterEach(async () => {
  open.forEach((db) => db.close());
  open.length = 0;
  await new CrmxDb(dbName).delete();
});

const planOf = async (db: CrmxDb, key: string) => (await db.meta.get(`job-plan:${key}`))?.value as ChunkPlan | undefined;

describe('a job planned a chunk at a time', () => {
  it('has each chunk planned and persisted before it is sent, the later ones not yet', async () => {
    const seen: { key: string; sent: string[]; planned?: string[]; later: boolean }[] = [];
    const deps = worker(async (key, sent) => {
      const [job, k] = key.split(':');
      seen.push({ key, sent, planned: (await planOf(deps.db, key))?.ids, later: (await planOf(deps.db, `${job}:${Number(k) + 2}`)) !== undefined });
    });
    const job = await deps.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    await deps.jobs.runner.kick();
    await deps.jobs.runner.cacheSettled();
    expect(seen.map((s) => s.key)).toEqual([0, 1, 2].map((k) => `${job.id}:${k}`));
    for (const s of seen) expect(s.planned).toEqual(s.sent);
    expect(seen.map((s) => s.later)).toEqual([false, false, false]);
  });

  it('resumed, sends a planned chunk with the ids of its plan though the rules would now refuse one', async () => {
    let die = true;
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    const first = worker(async (key) => {
      if (key.endsWith(':1') && die) {
        died();
        await new Promise(() => undefined);
      }
    });
    const job = await first.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    void first.jobs.runner.kick();
    await dead;
    die = false;
    const planned = (await planOf(first.db, `${job.id}:1`))!.ids;
    expect(planned).toEqual(ids.slice(4, 8));
    await first.db.customers.update('c-006', { aeId: 'u-other', csrId: null });

    const next = worker();
    await next.jobs.runner.kick();
    await next.jobs.runner.cacheSettled();
    expect(crm.received.filter((r) => r.key === `${job.id}:1`)).toHaveLength(1);
    expect(crm.applied.filter((a) => a.key === `${job.id}:1`).map((a) => a.what)).toEqual(planned.map((id) => `share ${id}`));
    expect((await next.jobs.list())[0]).toMatchObject({ status: 'done', succeeded: 12 });
  });
});

describe('chunkSizeOf', () => {
  it.each([
    [1000, 1000], [250, 250], [250.7, 250], [5000, 1000], [0, 1], [-3, 1],
    [Number.NaN, 1000], ['abc', 1000], [undefined, 1000], [Number.POSITIVE_INFINITY, 1000],
  ])('%s → %s', (value, expected) => {
    expect(chunkSizeOf(value)).toBe(expected);
  });
});
