// Issue 20, points 4b and 4c in Chromium: a batch delete undone with "Undo all" from the job card and from the
// side panel's job list (the customers are back in the list); a batch reassignment of the CSR with one customer
// refused by the rules in the pre-check, logged with the person before and after, and undone; and an undo of a
// delete that survives the service worker being killed, restoring each customer exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { loadBasicSeed, makeLargeSeed } from '../fixtures/seed-large';
import { chooseOption, dialog, row } from '../overlay/overlay-helpers';
import type { JobView } from '../../lib/protocol/jobs';
import { okData, sendFromPage, waitFor } from '../background/wire';

const JOB_WAIT = { timeout: 60_000 };
type Customer = { id: string; aeId: string | null; csrId: string | null };

async function select(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    const box = row(page, id).locator('input.crmx-select-box');
    await box.waitFor();
    await box.click();
  }
  await page.locator(`[data-crmx-batch-bar] [data-crmx-selected-count="${ids.length}"]`).waitFor();
}

async function batchDelete(page: Page, ids: string[]): Promise<string> {
  await select(page, ids);
  await page.locator('[data-crmx-batch-action=delete]').click();
  const open = dialog(page, 'batch-delete');
  await open.locator('[data-crmx-precheck=ok]').waitFor();
  await open.locator('[data-crmx-confirm]:not([disabled])').click();
  const card = page.locator('[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done][aria-label="Batch delete"]');
  await card.waitFor(JOB_WAIT);
  return (await card.getAttribute('data-crmx-job'))!;
}

describe('undo of a batch delete', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: loadBasicSeed(), token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  const live = async (id: string) => (await api(s.crm, 'tok-admin', `/customers/${id}`)).status === 200;

  it('"Undo all" on the job card restores the 3 deleted customers, and they are back in the list', async () => {
    const ids = ['c-001', 'c-002', 'c-003'];
    const page = await s.openCustomers('?pageSize=100');
    const jobId = await batchDelete(page, ids);
    expect(await Promise.all(ids.map(live))).toEqual([false, false, false]);
    const card = page.locator(`[data-crmx-job="${jobId}"]`);
    expect(await card.locator('[data-crmx-undo-until]').textContent()).toMatch(/^Can be undone until \d+ \w{3} \d{4}, \d\d:\d\d\.$/);
    await card.locator('[data-crmx-undo]', { hasText: 'Undo all' }).click();
    const restore = page.locator('[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done][aria-label="Restore deleted customers"]');
    await restore.waitFor(JOB_WAIT);
    expect(await restore.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    expect(await Promise.all(ids.map(live))).toEqual([true, true, true]);
    await page.reload();
    for (const id of ids) await row(page, id).waitFor();
    await page.close();
  });

  it('the side panel\'s job list offers the same undo', async () => {
    const ids = ['c-004', 'c-005', 'c-006'];
    const page = await s.openCustomers('?pageSize=100');
    const jobId = await batchDelete(page, ids);
    await page.close();
    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    const card = panel.locator(`[data-crmx-panel-jobs] [data-crmx-job="${jobId}"]`);
    // The panel lists every job, the first test's finished restore among them: wait for a restore that is new.
    const restores = '[data-crmx-panel-jobs] [data-crmx-job][aria-label="Restore deleted customers"]';
    await card.waitFor();
    const earlier = await panel.locator(restores).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-crmx-job')));
    const newRestore = `${restores}[data-crmx-job-status=done]${earlier.map((id) => `:not([data-crmx-job="${id}"])`).join('')}`;
    await card.locator('[data-crmx-undo]').click();
    await panel.locator(newRestore).waitFor(JOB_WAIT);
    // Undone once: the delete's card offers it no more.
    await card.locator('[data-crmx-undo]').waitFor({ state: 'detached' });
    expect(await Promise.all(ids.map(live))).toEqual([true, true, true]);
    const back = await s.openCustomers('?pageSize=100');
    for (const id of ids) await row(back, id).waitFor();
    await back.close();
    await panel.close();
  });
});

describe('batch reassignment', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: loadBasicSeed(), token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  const customer = async (id: string) => (await api<Customer>(s.crm, 'tok-admin', `/customers/${id}`)).body;

  it('reassigns the CSR of 3 selected (1 refused by the rules in the pre-check): 2 changed, logged, then undone', async () => {
    const editLogs = async () => (await api<{ items: { id: string; customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Edit%20customer&limit=100000')).body.items;
    const seeded = new Set((await editLogs()).map((l) => l.id));
    const page = await s.openCustomers('?pageSize=100');
    // c-001 and c-002: his as AE (he may change their CSR); c-021: he is its CSR (he may not hand it on).
    await select(page, ['c-001', 'c-002', 'c-021']);
    await page.locator('[data-crmx-batch-action=reassign]').click();
    const open = dialog(page, 'batch-reassign');
    await open.locator('[data-crmx-precheck]').waitFor();
    await open.locator('input[value=csrId]').click();
    const refused = open.locator('[data-crmx-refused=reassign-not-allowed][data-crmx-refused-count="1"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Mai Xuân Phúc');
    await chooseOption(open.locator('#crmx-reassign-person'), 'u-csr');
    expect(await open.locator('[data-crmx-confirm-host]').textContent()).toBe(`This changes 2 customers in ${new URL(s.crm.url).host}.`);
    await open.locator('[data-crmx-confirm]:not([disabled])', { hasText: 'Reassign 2 customers' }).click();
    const card = page.locator('[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]');
    await card.waitFor(JOB_WAIT);
    expect(await card.locator('[data-crmx-done]').textContent()).toBe('2 / 3 done');
    expect((await Promise.all(['c-001', 'c-002', 'c-021'].map(customer))).map((c) => c.csrId)).toEqual(['u-csr', 'u-csr', 'u-rep']);

    const logs = (await editLogs()).filter((l) => !seeded.has(l.id));
    expect(logs.map((l) => l.customerId).sort()).toEqual(['c-001', 'c-002']);
    const changes = (await api<{ changes: unknown[] }>(s.crm, 'tok-admin', `/logs/${logs[0].id}/changes`)).body.changes;
    expect(changes).toEqual([{ field: 'csrId', before: null, after: 'u-csr' }]);

    const jobId = (await card.getAttribute('data-crmx-job'))!;
    await card.locator('[data-crmx-undo]').click();
    const undo = page.locator(`[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done][aria-label="Batch reassign"]:not([data-crmx-job="${jobId}"])`);
    await undo.waitFor(JOB_WAIT);
    expect(await undo.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    expect((await Promise.all(['c-001', 'c-002', 'c-021'].map(customer))).map((c) => c.csrId)).toEqual([null, null, 'u-rep']);
    await page.close();
  });
});

describe('undo of a batch delete survives the service worker being killed', () => {
  const N = 300;
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-admin' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchChunkSize: 25 }));
  });
  afterAll(async () => s?.close());

  const restored = async () => (await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Restore%20customer&limit=100000')).body.items;
  const jobOf = async (id: string) => okData(await sendFromPage(options, 'getJobs', undefined)).find((j: JobView) => j.id === id);

  it('restores every customer the delete deleted exactly once', async () => {
    const ids = (await api<{ ids: string[] }>(s.crm, 'tok-admin', '/customers/ids')).body.ids;
    expect(ids).toHaveLength(N);
    const job = okData(await sendFromPage(options, 'startBatch', { kind: 'delete', customerIds: ids }));
    await waitFor(() => jobOf(job.id), (j) => j?.status === 'done', 'the delete to finish');

    await setFaults(s.crm, { latencyMs: 150 });
    const undo = okData(await sendFromPage(options, 'undoJob', job.id));
    expect(undo).toMatchObject({ kind: 'restore', undoOf: job.id, total: N });
    const partWay = await waitFor(restored, (items) => items.length > 0, 'the first restores');
    expect(partWay.length).toBeLessThan(N);
    await s.browser.stopServiceWorker();
    await setFaults(s.crm, { latencyMs: 0 });

    const finished = await waitFor(() => jobOf(undo.id), (j) => j?.status === 'done', 'the undo to finish', 120_000);
    expect(finished).toMatchObject({ done: N, succeeded: N, errors: [] });
    const items = await restored();
    expect(items).toHaveLength(N);
    expect(new Set(items.map((e) => e.customerId)).size).toBe(N);
    expect((await api<{ total: number }>(s.crm, 'tok-admin', '/customers/ids')).body.total).toBe(N);
  });
});
