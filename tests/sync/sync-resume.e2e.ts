// Issue 3 §3: a large first sync is written page by page with its cursor; the service worker killed in
// the middle of it (CDP Target.closeTarget) starts again and finishes, and the cache holds exactly the
// customers the CRM lists for the user.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { makeLargeSeed } from '../fixtures/seed-large';
import { okData, sendFromPage, waitFor } from '../background/wire';

const N = 30_000;

describe('a first sync interrupted by the worker dying', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  }, 240_000);
  afterAll(async () => s?.close());

  const status = async () => okData(await sendFromPage(options, 'getSyncStatus', undefined));

  it('resumes and ends with exactly the listed customers', async () => {
    const midway = await waitFor(status, (st) => st.lastSyncAt !== null || (st.phase === 'customers' && st.done >= 2000), 'customers syncing');
    expect(midway.lastSyncAt).toBeNull(); // still in the middle of the first sync
    await s.browser.stopServiceWorker();

    // The next message wakes the worker; its start runs the unfinished sync from the stored cursor.
    const finished = await waitFor(status, (st) => st.lastSyncAt !== null && !st.running, 'sync finished after the restart', 180_000);
    expect(finished.error).toBeNull();
    const listed = (await api<{ total: number }>(s.crm, 'tok-rep', '/customers/ids')).body.total;
    expect(listed).toBeGreaterThanOrEqual(N);
    const cached = okData(await sendFromPage(options, 'searchCached', { limit: 1 }));
    expect(cached.total).toBe(listed);
  }, 300_000);
});
