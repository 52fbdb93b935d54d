// The reference CRM as it scales: two server processes sharing one PostgreSQL behind a round-robin proxy. A batch
// share runs through the proxy while one process is killed (SIGKILL, requests in flight) and later comes back.
// Reported as requested / applied / lost / doubled from the CRM's audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../lib/protocol/jobs';
import { startCluster, type Cluster } from '../../reference-crm/test/postgres-cluster';
import { okData, sendFromPage, waitFor } from '../background/wire';
import { largeCustomerId, makeLargeSeed } from '../fixtures/seed-large';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { connectExtension } from '../harness/connect';
import { api, setFaults, startCrm, type CrmProcess } from '../harness/crm';
import { startRoundRobin, type RoundRobin } from '../harness/round-robin';

const N = 3_000;
const CHUNK = 100;
// Each answer takes this long, so the kill finds requests in flight.
const LATENCY_MS = 200;

describe('two CRM processes on one PostgreSQL behind a round-robin proxy, one killed mid-batch', () => {
  let cluster: Cluster;
  let a: CrmProcess;
  let b: CrmProcess;
  let proxy: RoundRobin;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    cluster = await startCluster();
    const db = cluster.createDatabase('faults');
    const seed = makeLargeSeed(N);
    a = await startCrm({ seed, db, args: ['--rate-limit', '0'] });
    b = await startCrm({ seed, db, join: true, args: ['--rate-limit', '0'] });
    proxy = await startRoundRobin([a.url, b.url]);
    browser = await launchWithExtension();
    await connectExtension(browser, proxy.url, 'tok-rep');
  });
  afterAll(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    await proxy?.close();
    cluster?.stop();
  });

  it('applies every share exactly once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.evaluate((size) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: size }), CHUNK);
    for (const crm of [a, b]) await setFaults(crm, { latencyMs: LATENCY_MS });
    const ids = Array.from({ length: N }, (_, i) => largeCustomerId(i + 1));
    const job = okData(await sendFromPage(page, 'startBatch', { kind: 'share', customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }));
    const progress = async () => okData(await sendFromPage(page, 'getJobs', undefined)).find((j: JobView) => j.id === job.id)!;

    const killedAt = await waitFor(progress, (j) => j.done >= N / 3 || j.status === 'done', 'a third of the job', 300_000);
    expect(killedAt.status, 'the job ended before the kill').not.toBe('done');
    // Killed while it handles a request: that request dies with it.
    await proxy.whenBusy(0);
    await a.kill();
    const down = await waitFor(progress, (j) => j.done >= (2 * N) / 3 || j.status === 'done', 'two thirds with one process down', 300_000);
    expect(down.status, 'the job ended while a process was down').not.toBe('done');
    await a.start();
    await setFaults(a, { latencyMs: LATENCY_MS });
    // Any successful CRM call resumes waiting jobs at once (otherwise the next alarm does).
    await sendFromPage(page, 'syncNow', undefined);
    const finished = await waitFor(progress, (j) => j.status === 'done', 'the job to finish', 300_000);
    const { forwarded, refused, dropped } = proxy.counts();
    console.log(`[faults-postgres] killed at ${killedAt.done}, back at ${down.done}; proxy forwarded ${forwarded.join(' + ')}; ` +
      `the killed process dropped ${dropped[0]} and refused ${refused[0]} while down`);
    // Requests went to both, and the killed process failed some: the job went on through the other.
    expect(forwarded[1]).toBeGreaterThan(0);
    expect(dropped[0] + refused[0]).toBeGreaterThan(0);

    const audit = (await api<{ items: { customerId: string }[] }>(b, 'tok-admin', '/audit?type=Batch%20Share%20customer&limit=100000')).body.items;
    const perCustomer = new Map<string, number>();
    for (const e of audit) perCustomer.set(e.customerId, (perCustomer.get(e.customerId) ?? 0) + 1);
    const report = {
      requested: N,
      applied: perCustomer.size,
      lost: ids.filter((id) => !perCustomer.has(id)).length,
      doubled: [...perCustomer.values()].reduce((sum, n) => sum + n - 1, 0),
    };
    console.log(`[faults-postgres] ${JSON.stringify(report)}; job: ${finished.succeeded} ok, ${finished.errors.length} errors`);
    expect(report).toEqual({ requested: N, applied: N, lost: 0, doubled: 0 });
    expect(finished.succeeded).toBe(N);
  });
});
