// Batch delete by selection as the administrator: the confirmation lists the exact customers and names
// the CRM's host; above 100 customers the count must be typed. Each customer deleted is logged
// "Delete customer" (the seed's type) saying it was a batch delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { largeCustomerId, makeLargeSeed } from '../fixtures/seed-large';

const N = 150;

describe('batch delete by selection', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  const audit = async () => (await api<{ items: { customerId: string; details: string }[] }>(s.crm, 'tok-admin', '/audit?type=Delete%20customer&limit=100000')).body.items;

  it('deletes two checked rows after a confirmation that lists them and names the host', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const boxes = page.locator('input.crmx-select-box');
    await boxes.nth(1).waitFor();
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await page.locator('[data-crmx-batch-action=delete]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-delete]');
    await dialog.locator('[data-crmx-precheck=ok]').waitFor();
    expect(await dialog.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).toEqual([largeCustomerId(1), largeCustomerId(2)]);
    expect(await dialog.locator('[data-crmx-delete-confirm]').textContent()).toContain(new URL(s.crm.url).host);
    expect(await dialog.locator('#crmx-batch-type-count').count()).toBe(0);
    await dialog.locator('[data-crmx-confirm]').click();
    await page.locator('[data-crmx-job][data-crmx-job-status=done]').waitFor({ timeout: 60_000 });
    expect((await audit()).map((e) => [e.customerId, e.details]).sort()).toEqual([[largeCustomerId(1), 'Batch delete'], [largeCustomerId(2), 'Batch delete']]);
    expect((await api<{ items: unknown[] }>(s.crm, 'tok-admin', '/audit?type=Batch%20Delete%20customer')).body.items).toEqual([]);
  });

  it('says "1 customer", not "1 customers", when one is selected', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const boxes = page.locator('input.crmx-select-box');
    await boxes.nth(0).waitFor();
    await boxes.nth(0).click();
    await page.locator('[data-crmx-batch-action=delete]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-delete]');
    await dialog.locator('[data-crmx-precheck=ok]').waitFor();
    expect(await dialog.locator('[data-crmx-confirm]').textContent()).toBe('Delete 1 customer');
    expect(await dialog.locator('[data-crmx-delete-confirm]').textContent()).toContain('This deletes the customer listed above from');
    await page.keyboard.press('Escape');
  });

  it('above 100 customers, asks for the count to be typed before deleting', async () => {
    const page = await s.openCustomers('?pageSize=20');
    await page.locator('input.crmx-select-page-box').click();
    await page.locator('[data-crmx-select-matching]').click();
    await page.locator(`[data-crmx-selected-count="${N - 2}"]`).waitFor();
    await page.locator('[data-crmx-batch-action=delete]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-delete]');
    await dialog.locator('[data-crmx-precheck=ok]').waitFor();
    await dialog.locator('#crmx-batch-type-count').fill('100');
    await dialog.locator('[data-crmx-confirm]').click();
    await dialog.locator('[role=alert]', { hasText: `(${N - 2})` }).waitFor();
    expect(await audit()).toHaveLength(2);
    await dialog.locator('#crmx-batch-type-count').fill(String(N - 2));
    await dialog.locator('[data-crmx-confirm]').click();
    await page.locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch delete"]').waitFor({ timeout: 60_000 });
    expect(await audit()).toHaveLength(N);
    expect((await api<{ total: number }>(s.crm, 'tok-admin', '/customers/ids')).body.total).toBe(0);
  });
});
