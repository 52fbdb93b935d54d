// Faults over a 10,000-customer batch share: the worker killed at 10 points, a 5xx burst, a 429 storm,
// and the CRM down and back. Reported as requested / applied / lost / doubled from the CRM's audit log.
// Every fault must have happened in the run: the kills are counted, and the CRM counts the 503s and 429s
// it answered. Chunks of 250 with a CRM that answers in 300 ms keep the job running past the last kill.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../lib/protocol/jobs';
import { okData, sendFromPage, waitFor } from '../background/wire';
import { largeCustomerId, makeLargeSeed } from '../fixtures/seed-large';
import { api, injectedFaults, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';

const N = 10_000;
const KILLS = 10;
const CHUNK = 250;
const LATENCY_MS = 300;

describe('faults during a 10,000-customer job', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep', args: ['--rate-limit', '0'] });
  });
  afterAll(async () => s?.close());

  const injected = () => injectedFaults(s.crm);
  const faults = (settings: Record<string, number>) => setFaults(s.crm, settings);

  it('loses nothing and does nothing twice', async () => {
    const page = await s.browser.context.newPage();
    await page.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await page.evaluate((size) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: size }), CHUNK);
    await faults({ latencyMs: LATENCY_MS });
    const ids = Array.from({ length: N }, (_, i) => largeCustomerId(i + 1));
    const job = okData(await sendFromPage(page, 'startBatch', { kind: 'share', customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }));
    const progress = async () => okData(await sendFromPage(page, 'getJobs', undefined)).find((j: JobView) => j.id === job.id)!;
    const events: string[] = [];
    let kills = 0;

    for (let kill = 1; kill <= KILLS; kill++) {
      // The last kill at 10/12 of the job leaves it several chunks still to do.
      const at = (N * kill) / (KILLS + 2);
      const seen = await waitFor(progress, (j) => j.done >= at || j.status === 'done', `the job past ${at}`, 300_000);
      // A job that finished before this kill fails the test below: the run injected fewer faults than it says.
      if (seen.status === 'done') break;
      await s.browser.stopServiceWorker();
      kills += 1;
      events.push(`worker killed at ${seen.done}`);
      if (kill === 3) {
        const before = await injected();
        await faults({ errorRate: 0.3 });
        const from = (await progress()).done;
        await waitFor(progress, (j) => j.done >= from + 2 * CHUNK || j.status === 'done', '5xx burst', 300_000);
        await waitFor(injected, (n) => n.errors > before.errors, 'a 503 answered in the burst', 300_000);
        await faults({ errorRate: 0 });
        events.push(`5xx burst (30% of calls) from ${from}: ${(await injected()).errors - before.errors} answered 503`);
      }
      if (kill === 5) {
        const before = await injected();
        await faults({ rateLimit: 3 });
        const from = (await progress()).done;
        await waitFor(progress, (j) => j.done >= from + 2 * CHUNK || j.status === 'done', '429 storm', 300_000);
        await waitFor(injected, (n) => n.tooMany > before.tooMany, 'a 429 answered in the storm', 300_000);
        await faults({ rateLimit: 0 });
        events.push(`429 storm (3 requests/s) from ${from}: ${(await injected()).tooMany - before.tooMany} answered 429`);
      }
      if (kill === 7) {
        await s.crm.stop();
        await waitFor(progress, (j) => j.status === 'running' || j.status === 'queued', 'the job waiting for the CRM');
        await s.crm.start();
        events.push('CRM down and back');
        // Any successful CRM call resumes waiting jobs at once (otherwise the next alarm does).
        await sendFromPage(page, 'syncNow', undefined);
      }
    }
    const finished = await waitFor(progress, (j) => j.status === 'done', 'the job to finish', 300_000);
    await faults({ latencyMs: 0 });
    console.log(`[faults] ${kills} of ${KILLS} worker kills happened`);
    expect(kills, events.join('; ')).toBe(KILLS);
    expect(events.filter((e) => e.startsWith('5xx burst') || e.startsWith('429 storm') || e === 'CRM down and back')).toHaveLength(3);

    const audit = (await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Batch%20Share%20customer&limit=100000')).body.items;
    const perCustomer = new Map<string, number>();
    for (const e of audit) perCustomer.set(e.customerId, (perCustomer.get(e.customerId) ?? 0) + 1);
    const report = {
      requested: N,
      applied: perCustomer.size,
      lost: ids.filter((id) => !perCustomer.has(id)).length,
      doubled: [...perCustomer.values()].reduce((sum, n) => sum + n - 1, 0),
    };
    console.log(`[faults] ${events.join('; ')}\n[faults] ${JSON.stringify(report)}; job: ${finished.succeeded} ok, ${finished.errors.length} errors`);
    expect(report).toEqual({ requested: N, applied: N, lost: 0, doubled: 0 });
    expect(finished.succeeded).toBe(N);
  });
});
