// Issue 3 (a): the service worker is killed in the middle of a 2,000-customer batch share; woken again,
// it finishes the job, and the CRM's audit log holds exactly one share per customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { largeCustomerId, makeLargeSeed } from '../fixtures/seed-large';
import type { JobView } from '../../lib/protocol/jobs';
import { okData, sendFromPage, waitFor } from './wire';

const N = 2000;
const AUDIT = '/audit?type=Batch%20Share%20customer&limit=100000';

describe('a batch job survives the service worker being killed', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    // 20 chunks of 100 (the default is the API's 1,000): a worker killed after the first shares is
    // surely part-way through the job.
    await options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: 100 }));
  });
  afterAll(async () => s?.close());

  /** When the running service worker started (null if none answers). */
  async function workerBoot(): Promise<number | null> {
    for (const worker of s.browser.context.serviceWorkers()) {
      const boot = await worker.evaluate(() => performance.timeOrigin).catch(() => null);
      if (boot !== null) return boot;
    }
    return null;
  }
  const audit = async () => (await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', AUDIT)).body.items;

  it('shares 2,000 customers exactly once each though the worker died part-way', async () => {
    const ids = Array.from({ length: N }, (_, i) => largeCustomerId(i + 1));
    // Slow answers, so the job is surely part-way when the worker is killed.
    await setFaults(s.crm, { latencyMs: 150 });

    const job = okData(await sendFromPage(options, 'startBatch', {
      kind: 'share', customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] },
    }));
    expect(job).toMatchObject({ kind: 'share', total: N });

    const partWay = await waitFor(audit, (items) => items.length > 0, 'the first shares');
    expect(partWay.length).toBeLessThan(N);
    const bootBefore = await workerBoot();
    await s.browser.stopServiceWorker();
    await setFaults(s.crm, { latencyMs: 0 });

    // Any message wakes the worker; on start it resumes the job from its last recorded chunk.
    const finished = await waitFor(
      async () => okData(await sendFromPage(options, 'getJobs', undefined)).find((j: JobView) => j.id === job.id),
      (j) => j?.status === 'done',
      'the job to finish',
      120_000,
    );
    expect(finished).toMatchObject({ done: N, succeeded: N, errors: [] });
    // It was a new worker that finished the job.
    const bootAfter = await waitFor(workerBoot, (boot) => boot !== null && boot !== bootBefore, 'a new service worker');
    expect(bootAfter).toBeGreaterThan(bootBefore!);

    const items = await audit();
    expect(items).toHaveLength(N);
    expect(new Set(items.map((e) => e.customerId)).size).toBe(N);
  });
});
