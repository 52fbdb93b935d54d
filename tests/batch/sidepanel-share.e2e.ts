// A manager's day: 10,000 customers batch-shared from the side panel (no CRM page open). The CRM's audit
// log then holds exactly one "Batch Share customer" per customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { makeLargeSeed } from '../fixtures/seed-large';

const N = 10_000;

describe('the side panel', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep', args: ['--rate-limit', '0'] });
  });
  afterAll(async () => s?.close());

  it('batch-shares 10,000 customers, exactly one audit entry per customer', async () => {
    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    await panel.locator('[data-crmx-panel-select-matching]').click();
    await panel.locator(`[data-crmx-selected-count="${N}"]`).waitFor({ timeout: 60_000 });
    expect(await panel.locator('[data-crmx-matching]').textContent()).toContain(`All ${N} customers matching no filter`);

    await panel.locator('[data-crmx-batch-action=share]').click();
    const dialog = panel.locator('[data-crmx-dialog=batch-share]');
    await dialog.locator('[data-crmx-precheck=ok]').waitFor({ timeout: 60_000 });
    await dialog.locator('[data-crmx-group=roleIds] label', { hasText: 'Customer service' }).click();
    await dialog.locator('[data-crmx-confirm]').click();

    const job = panel.locator('[data-crmx-batch-bar] [data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 300_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${N} / ${N} done`);
    expect(await job.locator('[data-crmx-errors]').count()).toBe(0);
    // The panel's own job list shows it too.
    await panel.locator('[data-crmx-panel-jobs] [data-crmx-job-status=done]').first().waitFor();

    const audit = (await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Batch%20Share%20customer&limit=100000')).body.items;
    expect(audit).toHaveLength(N);
    expect(new Set(audit.map((e) => e.customerId)).size).toBe(N);
  });
});
