import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmClient } from '../../lib/crm-client/client';
import { fakeCrm, type FakeCrm } from '../../lib/background/outbox/test-crm';
import { CrmxDb } from '../../lib/background/store/db';
import { wireBackground, type Background } from './wiring';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const unknown = Array.from({ length: 25 }, (_, i) => `c-unknown-${i + 1}`);

let n = 0;
let db: CrmxDb;
let crm: FakeCrm;
/** Every read the CRM answered, as "GET <path>". */
let reads: string[];
/** Clients the worker made. */
let made: number;
let connected: number;
/** The CRM setting, kept across workers as the browser's storage keeps it. */
let origin: string | null;

function worker(): Background {
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET') reads.push(`GET ${new URL(String(input)).pathname.replace('/api/v1', '')}`);
    return crm.fetch(input, init);
  }) as typeof globalThis.fetch;
  const background = wireBackground({
    db,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => {
      made++;
      return new CrmClient({ baseUrl, token, fetch });
    },
    push: () => undefined,
    chunkSize: async () => 4,
    injectDialogs: async () => undefined,
  });
  background.services.events.connected.add(() => connected++);
  return background;
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new CrmxDb(`wiring-test-${++n}`);
  crm = fakeCrm();
  reads = [];
  origin = null;
  made = 0;
  connected = 0;
});
afterEach(() => db.delete());

describe('the background wired once per worker', () => {
  it('has one connection: a connect through the core handlers is the one the outbox, sync and jobs use', async () => {
    const { services, handlers } = worker();
    await expect(services.jobs.start({ kind: 'follow', customerIds: ['c-003'] })).rejects.toMatchObject({ code: 'not_connected' });

    await handlers.connect({ url: ORIGIN, token: 'tok-ae' }, page);
    expect(connected).toBe(1);
    expect((await handlers.getDecisions({ ids: ['c-001'] }, page))['c-001']).toMatchObject({ decisions: { edit: { allowed: true } } });
    expect(await handlers.editCustomer({ id: 'c-001', version: 3, changes: { name: 'Renamed' } }, page)).toMatchObject({ outcome: 'applied' });
    expect((await services.sync.run()).error).toBeNull();
    const job = await services.jobs.start({ kind: 'follow', customerIds: ['c-003'] });
    await services.jobs.runner.kick();
    expect((await handlers.getJobs(undefined, page)).find((j) => j.id === job.id)).toMatchObject({ status: 'done', succeeded: 1 });
    expect(crm.follows.has('c-003')).toBe(true);

    expect(made).toBe(1);
  });

  it('has one customer cache: what a mutation writes a search reads, and a listing read for the rows serves the batch pre-check', async () => {
    const { handlers } = worker();
    await handlers.connect({ url: ORIGIN, token: 'tok-ae' }, page);
    await handlers.getDecisions({ ids: ['c-001'] }, page);
    await handlers.editCustomer({ id: 'c-001', version: 3, changes: { name: 'Renamed by the rep' } }, page);
    expect((await handlers.searchCached({ q: 'renamed by' }, page)).items.map((c) => c.id)).toEqual(['c-001']);

    reads.length = 0;
    const rows = await handlers.getDecisions({ ids: unknown }, page);
    expect(Object.values(rows).every((row) => row === null)).toBe(true);
    expect(reads).toEqual(['GET /customers']);
    // The jobs' pre-check asks the same cache: the listing it just read is not read again.
    const checked = await handlers.precheckBatch({ kind: 'share', customerIds: unknown, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }, page);
    expect(checked).toMatchObject({ total: 25, allowed: 0, refused: [{ rule: 'not-listed', count: 25 }] });
    expect(reads.filter((r) => r === 'GET /customers')).toEqual(['GET /customers']);
  });

  it('builds a new connection for a new worker, which resumes what the last one left in the outbox', async () => {
    const first = worker();
    await first.handlers.connect({ url: ORIGIN, token: 'tok-ae' }, page);
    await first.handlers.getDecisions({ ids: ['c-001'] }, page);
    crm.online = false;
    expect(await first.handlers.editCustomer({ id: 'c-001', version: 3, changes: { name: 'Later' } }, page)).toMatchObject({ outcome: 'queued' });
    crm.online = true;

    const next = worker();
    await next.services.outbox.outbox.flush();
    expect(crm.customers.get('c-001')?.name).toBe('Later');
    expect(made).toBe(2);
  });
});
