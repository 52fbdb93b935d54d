// P2: a 10,000-customer batch share through the extension's job vs a direct script calling the same CRM
// API with ideal batching (1,000 ids a call, the API's maximum), against the same CRM in the same run.
import type { JobView } from '../lib/messaging/protocol-jobs';
import { largeCustomerId, makeLargeSeed } from '../tests/fixtures/seed-large';
import { okData, sendFromPage, waitFor } from '../tests/background/wire';
import { startScenario } from '../tests/harness/scenario';
import type { Figure } from './figure';

const N = 10_000;
const IDEAL_BATCH = 1000;

export async function runBatchBench(): Promise<Figure[]> {
  const s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep', args: ['--rate-limit', '0'] });
  try {
    const ids = Array.from({ length: N }, (_, i) => largeCustomerId(i + 1));
    // Direct: sequential calls, the way a careful script would do it.
    const directStart = performance.now();
    for (let i = 0; i < N; i += IDEAL_BATCH) {
      const res = await fetch(`${s.crm.url}/api/v1/batch/share`, {
        method: 'POST',
        headers: { authorization: 'Bearer tok-rep', 'content-type': 'application/json', 'idempotency-key': `direct-${i}` },
        body: JSON.stringify({ customerIds: ids.slice(i, i + IDEAL_BATCH), targets: { departmentIds: [], roleIds: [], userIds: ['u-viewer'] } }),
      });
      if (!res.ok) throw new Error(`direct batch ${i}: ${res.status} ${await res.text()}`);
    }
    const directMs = performance.now() - directStart;

    const page = await s.browser.context.newPage();
    await page.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    const extStart = performance.now();
    const job = okData(await sendFromPage(page, 'startBatch', { kind: 'share', customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }));
    const startedMs = performance.now() - extStart;
    const done = await waitFor(
      async () => okData(await sendFromPage(page, 'getJobs', undefined)).find((j: JobView) => j.id === job.id),
      (j) => j?.status === 'done' || j?.status === 'failed',
      'the batch share job', 600_000,
    );
    const extMs = performance.now() - extStart;
    if (done?.status !== 'done' || done.succeeded !== N) throw new Error(`the job ended ${done?.status} with ${done?.succeeded} of ${N}`);
    return [{
      id: 'P2', name: `batch share of ${N.toLocaleString('en')} customers through the job`, value: extMs, unit: 'ms',
      baseline: { name: `direct script, ${IDEAL_BATCH} ids a call`, value: directMs }, ratio: extMs / directMs, target: '≤ 1.25×', met: extMs / directMs <= 1.25,
      notes: `the job was planned (rules pre-check over the cache) in ${Math.round(startedMs)} ms; the rest is sending chunks, persisting progress after each, and the polling interval of the progress reads`,
    }];
  } finally {
    await s.close();
  }
}
