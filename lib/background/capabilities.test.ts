// A CRM that can do less than ours: the outbox, the jobs and sync adapt to what its connector declares.
// The fake CRM behaves as declared (no idempotency keys: a replay applies again; no conditional updates:
// a stale edit is applied), so each test fails when the adaptation is missing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrmClient } from '../crm-client/client';
import type { CrmCapabilities, CrmConnector } from '../crm-client/connector';
import { sampleCustomer } from '../crm-client/test-data';
import type { JobView } from '../protocol/jobs';
import { createHandlers } from './handlers/core';
import { createJobsHandlers } from './handlers/jobs';
import { createMutationHandlers } from './handlers/mutations';
import { fakeCrm, type FakeCrm } from './outbox/test-crm';
import { createBackgroundServices, type BackgroundServices } from './services';
import { CrmxDb } from './store/db';
import { readCursor } from './store/meta';
import { SCAN_MARGIN_MS } from './sync/scan';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const noShares = { departmentIds: [], roleIds: [], userIds: [] };
const toCsr = { departmentIds: [], roleIds: [], userIds: ['u-csr'] };
const ids = Array.from({ length: 10 }, (_, i) => `c-${String(i + 1).padStart(3, '0')}`);

let dbName: string;
let n = 0;
let crm: FakeCrm;
const open: CrmxDb[] = [];

/** The reference connector, declaring less than it can do. */
function declaring(connector: CrmClient, caps: Partial<CrmCapabilities>): CrmConnector {
  const capabilities = { ...connector.capabilities, ...caps };
  return new Proxy(connector, {
    get(target, property) {
      if (property === 'capabilities') return capabilities;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function worker(
  caps: Partial<CrmCapabilities>, fetch: typeof globalThis.fetch = crm.fetch, wrap: (c: CrmConnector) => CrmConnector = (c) => c,
): BackgroundServices {
  const db = new CrmxDb(dbName);
  open.push(db);
  let origin: string | null = ORIGIN;
  return createBackgroundServices({
    db, chunkSize: async () => 4,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => wrap(declaring(new CrmClient({ baseUrl, token, fetch }), caps)),
    push: () => undefined,
  });
}

async function connected(services: BackgroundServices) {
  const core = createHandlers(services);
  await core.connect({ url: ORIGIN, token: 'tok-ae' }, page);
  await core.getDecisions({ ids }, page);
  return { core, m: createMutationHandlers(services) };
}

const appliedTimes = (what: string) => crm.applied.filter((a) => a.what === what).length;

beforeEach(() => {
  dbName = `capabilities-test-${++n}`;
  crm = fakeCrm(ids.map((id, i) => sampleCustomer({ id, name: `Own ${i + 1}`, shares: noShares })));
});
afterEach(async () => {
  open.forEach((db) => db.close());
  open.length = 0;
  await new CrmxDb(dbName).delete();
});

describe('a CRM with no idempotency keys', () => {
  beforeEach(() => {
    crm.idempotent = false;
  });

  it('the outbox reads back an action whose answer was lost and does not send it again', async () => {
    const services = worker({ idempotencyKeys: false });
    const { m } = await connected(services);
    crm.afterApply = () => {
      crm.afterApply = null;
      crm.online = false;
      throw new TypeError('connection reset');
    };
    expect(await m.shareCustomer({ id: 'c-002', targets: toCsr }, page)).toMatchObject({ outcome: 'queued' });
    expect(appliedTimes('POST /customers/c-002/share')).toBe(1);
    crm.online = true;
    await services.outbox.outbox.flush();
    expect(await services.db.outbox.count()).toBe(0);
    expect(appliedTimes('POST /customers/c-002/share')).toBe(1);
    expect(crm.received.filter((r) => r.path === '/customers/c-002/share')).toHaveLength(1);
    expect((await services.db.customers.get('c-002'))?.shares.userIds).toEqual(['u-csr']);
  });

  it('the outbox sends again an action the read-back shows was never applied', async () => {
    const services = worker({ idempotencyKeys: false });
    const { m } = await connected(services);
    crm.online = false;
    expect(await m.shareCustomer({ id: 'c-003', targets: toCsr }, page)).toMatchObject({ outcome: 'queued' });
    crm.online = true;
    await services.outbox.outbox.flush();
    expect(appliedTimes('POST /customers/c-003/share')).toBe(1);
    expect(await services.db.outbox.count()).toBe(0);
  });

  it('the outbox replays at once an action whose answer was lost while the CRM still answers: the user hears it applied, sent once', async () => {
    const services = worker({ idempotencyKeys: false });
    const { m } = await connected(services);
    crm.afterApply = () => {
      crm.afterApply = null;
      throw new TypeError('connection reset');
    };
    expect(await m.shareCustomer({ id: 'c-004', targets: toCsr }, page)).toMatchObject({ outcome: 'applied' });
    expect(appliedTimes('POST /customers/c-004/share')).toBe(1);
    expect(crm.received.filter((r) => r.path === '/customers/c-004/share')).toHaveLength(1);
    expect(await services.db.outbox.count()).toBe(0);
  });

  it('a job whose chunk\'s answer was lost while the CRM still answers finishes in the same run, each customer once', async () => {
    let batches = 0;
    const losing = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await crm.fetch(input, init);
      if (String(input).includes('/batch/') && batches++ === 1) throw new TypeError('connection reset'); // applied, answer lost
      return answer;
    }) as typeof globalThis.fetch;
    const services = worker({ idempotencyKeys: false }, losing);
    await connected(services);
    const job = await services.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    await services.jobs.runner.kick();
    await services.jobs.runner.cacheSettled();
    expect(batches).toBeGreaterThan(2);
    const done = (await services.jobs.list()).find((j) => j.id === job.id) as JobView;
    expect(done).toMatchObject({ status: 'done', done: 10, succeeded: 10, errors: [] });
    const shares = crm.applied.filter((a) => a.what.startsWith('share ')).map((a) => a.what.slice(6));
    expect(shares.sort()).toEqual([...ids].sort());
  });

  it('a job sends no customer again while the other chunk on the wire is still out with it', async () => {
    let batches = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const onWire = new Map<string, number>();
    const twice = new Set<string>();
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/batch/')) return crm.fetch(input, init);
      const n = batches++;
      const sent = JSON.parse(String(init?.body)).customerIds as string[];
      for (const id of sent) {
        if (onWire.get(id)) twice.add(id);
        onWire.set(id, (onWire.get(id) ?? 0) + 1);
      }
      try {
        if (n === 1) await held; // the second chunk: still on its way to the CRM
        const answer = await crm.fetch(input, init);
        if (n === 0) {
          // The first chunk: applied, and its answer lost once the second is on the wire.
          await vi.waitFor(() => expect(batches).toBe(2));
          throw new TypeError('connection reset');
        }
        return answer;
      } finally {
        for (const id of sent) onWire.set(id, onWire.get(id)! - 1);
      }
    }) as typeof globalThis.fetch;
    const services = worker({ idempotencyKeys: false }, fetch);
    await connected(services);
    const job = await services.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    const kicked = services.jobs.runner.kick();
    await vi.waitFor(() => expect(batches).toBe(2));
    // Long enough for a run to start again and read back (the quick pause is 250 ms).
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(batches).toBe(2);
    release();
    await kicked;
    await services.jobs.runner.cacheSettled();
    expect([...twice]).toEqual([]);
    expect((await services.jobs.list()).find((j) => j.id === job.id)).toMatchObject({ status: 'done', succeeded: 10 });
    expect(crm.applied.filter((a) => a.what.startsWith('share ')).map((a) => a.what.slice(6)).sort()).toEqual([...ids].sort());
  });

  it('a job resumed after the worker died with a chunk\'s answer lost shares each customer once', async () => {
    let batches = 0;
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    const dying = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/batch/')) return crm.fetch(input, init);
      if (batches++ === 1) {
        await crm.fetch(input, init); // applied; the worker dies before the answer is recorded
        died();
      }
      if (batches > 1) return new Promise<Response>(() => undefined);
      return crm.fetch(input, init);
    }) as typeof globalThis.fetch;
    const first = worker({ idempotencyKeys: false }, dying);
    await connected(first);
    const job = await first.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    await dead;

    const second = worker({ idempotencyKeys: false });
    await second.jobs.runner.kick();
    await second.jobs.runner.cacheSettled();
    const done = (await second.jobs.list()).find((j) => j.id === job.id) as JobView;
    expect(done).toMatchObject({ status: 'done', done: 10, succeeded: 10, errors: [] });
    const shares = crm.applied.filter((a) => a.what.startsWith('share ')).map((a) => a.what.slice(6));
    expect(shares.sort()).toEqual([...ids].sort());
  });
});

describe('a CRM with no conditional updates', () => {
  it('refuses an edit made against an older version as a conflict instead of overwriting', async () => {
    crm.conditional = false;
    const services = worker({ conditionalUpdates: false });
    const { m } = await connected(services);
    const theirs = { ...crm.customers.get('c-004')!, phone: '0900 111 222', version: 4 };
    crm.customers.set('c-004', theirs);
    const outcome = await m.editCustomer({ id: 'c-004', version: 3, changes: { phone: '0988 000 000' } }, page);
    expect(outcome).toMatchObject({ outcome: 'conflict', current: { version: 4, phone: '0900 111 222' } });
    expect(crm.customers.get('c-004')?.phone).toBe('0900 111 222');
    expect(crm.received.filter((r) => r.path === '/customers/c-004')).toHaveLength(0);
    await services.outbox.outbox.flush();
  });
});

describe('a CRM that takes fewer customers a call', () => {
  it('cuts jobs into chunks no bigger than it takes', async () => {
    const services = worker({ maxBatch: 3 });
    await connected(services);
    const job = await services.jobs.start({ kind: 'share', customerIds: ids, targets: toCsr });
    await services.jobs.runner.kick();
    await services.jobs.runner.cacheSettled();
    expect((await services.jobs.list()).find((j) => j.id === job.id)).toMatchObject({ status: 'done', succeeded: 10 });
    expect(crm.received.filter((r) => r.path === '/batch/share').map((r) => r.key)).toEqual([0, 1, 2, 3].map((k) => `${job.id}:${k}`));
  });
});

describe('a CRM that cannot restore', () => {
  it('refuses a restore with a clear error, sending nothing', async () => {
    const services = worker({ restore: false });
    const { m } = await connected(services);
    await expect(m.restoreCustomer({ id: 'c-001' }, page)).rejects.toMatchObject({ code: 'unsupported', message: 'This CRM cannot restore deleted customers' });
    expect(crm.received).toHaveLength(0);
  });
});

describe('a CRM with no change cursor', () => {
  it('syncs by scanning the list, then reads what changed since, and drops customers no longer listed', async () => {
    const services = worker({ changeCursor: false });
    await connected(services);
    const status = await services.sync.run();
    expect(status.error).toBeNull();
    expect((await services.db.customers.toCollection().primaryKeys()).sort()).toEqual([...ids].sort());
    const firstBegan = crm.clock();

    // Later: one changed, one deleted, one new (each moves the CRM's clock and the modification time).
    const renamed = { ...crm.customers.get('c-002')!, name: 'Renamed', updatedAt: crm.clock(), version: 9 };
    crm.customers.set('c-002', renamed);
    crm.customers.set('c-005', { ...crm.customers.get('c-005')!, deletedAt: crm.clock() });
    crm.customers.set('c-011', sampleCustomer({ id: 'c-011', name: 'New', shares: noShares, updatedAt: crm.clock() }));
    expect((await services.sync.run({ again: true })).error).toBeNull();
    expect((await services.db.customers.get('c-002'))?.name).toBe('Renamed');
    expect(await services.db.customers.get('c-005')).toBeUndefined();
    expect((await services.db.customers.get('c-011'))?.name).toBe('New');
    // The next window starts where this scan began by the CRM's clock, less the margin.
    expect(JSON.parse(await readCursor(services.db, 'customers'))).toEqual({ done: new Date(Date.parse(firstBegan) - SCAN_MARGIN_MS).toISOString() });
  });
});

describe('a CRM that leaves the seed\'s rules to the extension', () => {
  it('"select all matching" takes only the customers the rules list for the user, not all the CRM lets them read', async () => {
    // The CRM's own access lets the user read a pooled customer too (SuiteCRM's "all" role), which no one's list holds.
    const pooled = sampleCustomer({ id: 'c-pool', name: 'Own pooled', aeId: null, csrId: null, poolId: 'p-1', shares: noShares });
    const readsMore = (c: CrmConnector): CrmConnector => new Proxy(c, {
      get(target, property) {
        if (property === 'customers') {
          return async (q: Parameters<CrmConnector['customers']>[0]) => {
            const answer = await target.customers(q);
            return (q?.page ?? 1) === 1 ? { ...answer, items: [...answer.items, pooled], total: answer.total + 1 } : answer;
          };
        }
        if (property === 'customerIds') {
          return async (q: Parameters<CrmConnector['customerIds']>[0]) => {
            const answer = await target.customerIds(q);
            return { ids: [...answer.ids, pooled.id], total: answer.total + 1 };
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const services = worker({ serverRules: false }, crm.fetch, readsMore);
    await connected(services);
    const answer = await createJobsHandlers(services).resolveMatching({ q: 'Own' }, page);
    expect([...answer.ids].sort()).toEqual([...ids].sort());
    expect(answer.total).toBe(ids.length);
  });
});
