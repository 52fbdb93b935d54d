// "View change records" (seed 000) as u-rep (Phạm Minh Tuấn): after a batch share and a batch add labels,
// from the finished job and from the customer's log, per customer before and after, who and when; and
// the edit's change records list every edit — by field names and people's names, never keys or ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startScenario, type Scenario } from '../harness/scenario';
import { audit, chooseOption, dialog, openCustomer, row, runItem, toast } from './overlay-helpers';

const JOB_WAIT = { timeout: 60_000 };
const NO_KEYS_OR_IDS = /\b(u-[a-z0-9-]+|d-[a-z0-9-]+|r-[a-z0-9-]+|businessField|aeId|csrId|departmentIds|userIds|roleIds)\b/;

describe('change records', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  async function runBatch(page: Page, id: string, action: 'share' | 'addLabels', fill: (d: Locator) => Promise<void>, kind: string): Promise<Locator> {
    await row(page, id).locator('input.crmx-select-box').click();
    const bar = page.locator('[data-crmx-batch-bar]');
    await bar.locator('[data-crmx-selected-count="1"]').waitFor();
    await bar.locator(`[data-crmx-batch-action=${action}]`).click();
    const d = page.locator(`[data-crmx-dialog=batch-${action}]`);
    await d.locator('[data-crmx-precheck]').waitFor();
    await fill(d);
    await d.locator('[data-crmx-confirm]').click();
    const job = bar.locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="${kind}"]`).last();
    await job.waitFor(JOB_WAIT);
    return job;
  }

  it('after a batch share and a batch add labels, the job and the log show each customer\'s before and after, who and when', async () => {
    const page = await openCustomer(s, 'KH0005');
    const shareJob = await runBatch(page, 'c-005', 'share', async (d) => {
      await d.locator('[data-crmx-group=userIds] label', { hasText: 'Đặng Minh Khoa' }).click();
    }, 'Batch share');
    await shareJob.getByRole('button', { name: 'View change records' }).click();
    const shared = shareJob.locator('[data-crmx-job-change=c-005]');
    await shared.locator('[data-crmx-change=shares] [data-crmx-after]').getByText('People: Đặng Minh Khoa').waitFor();
    await expect(shared.locator('strong').textContent()).resolves.toBe('Hoàng Đức Thắng');
    await expect(shared.locator('[data-crmx-change=shares] th').textContent()).resolves.toBe('Shared with');
    await expect(shared.locator('[data-crmx-change=shares] [data-crmx-before]').textContent()).resolves.toBe('—');
    await expect(shared.locator('[data-crmx-who-when]').textContent()).resolves.toMatch(/^\d{1,2} \w{3} \d{4}, \d\d:\d\d · by Phạm Minh Tuấn$/);
    expect(await shareJob.locator('[data-crmx-job-changes]').textContent()).not.toMatch(NO_KEYS_OR_IDS);

    const labelJob = await runBatch(page, 'c-005', 'addLabels', async (d) => {
      await d.locator('#crmx-batch-tag-input').pressSequentially('Hot');
      await d.locator('#crmx-batch-tag-input').press('Enter');
    }, 'Batch add labels');
    await labelJob.getByRole('button', { name: 'View change records' }).click();
    const labelled = labelJob.locator('[data-crmx-job-change=c-005] [data-crmx-change=tags]');
    await labelled.locator('[data-crmx-after]').getByText('Hot').waitFor();
    await expect(labelled.locator('[data-crmx-before]').textContent()).resolves.toBe('—');

    // The same records from the customer's log, under the batch share entry.
    await runItem(page, 'c-005', 'log');
    const log = dialog(page, 'log');
    const entry = log.locator('.crmx-timeline-entry[data-crmx-log-type="Batch Share customer"]');
    await entry.locator('.crmx-timeline-details').getByText('People: Đặng Minh Khoa').waitFor();
    await entry.getByRole('button', { name: 'View change records' }).click();
    await entry.locator('[data-crmx-change=shares] [data-crmx-after]').getByText('People: Đặng Minh Khoa').waitFor();
    await expect(entry.locator('[data-crmx-who-when]').textContent()).resolves.toContain('by Phạm Minh Tuấn');
    expect(await log.textContent()).not.toMatch(NO_KEYS_OR_IDS);
    expect(await audit(s.crm, 'Batch Share customer', 'c-005')).toHaveLength(1);
    await page.close();
  });

  it('the edit\'s change records list every edit with field names and people\'s names', async () => {
    const page = await openCustomer(s, 'KH0003');
    for (const step of ['businessField', 'csrId'] as const) {
      await runItem(page, 'c-003', 'edit');
      const edit = dialog(page, 'edit');
      if (step === 'businessField') {
        await edit.locator('#crmx-edit-businessField').fill('Shipping');
      } else {
        await chooseOption(edit.locator('#crmx-edit-csrId'), 'u-csr');
      }
      await edit.getByRole('button', { name: 'Save', exact: true }).click();
      await toast(page).filter({ hasText: 'Saved' }).last().waitFor();
      await edit.waitFor({ state: 'detached' });
    }
    await runItem(page, 'c-003', 'edit');
    const edit = dialog(page, 'edit');
    await edit.getByRole('button', { name: 'View change records' }).click();
    const entries = edit.locator('[data-crmx-edit-entry]');
    await entries.nth(1).waitFor();
    expect(await entries.count()).toBe((await audit(s.crm, 'Edit customer', 'c-003')).length);
    const newest = entries.nth(0);
    await newest.locator('[data-crmx-change=csrId] [data-crmx-after]').getByText('Đặng Minh Khoa').waitFor();
    await expect(newest.locator('[data-crmx-change=csrId] th').textContent()).resolves.toBe('Customer service representative');
    await expect(newest.locator('[data-crmx-who-when]').textContent()).resolves.toContain('by Phạm Minh Tuấn');
    const older = entries.nth(1);
    await expect(older.locator('[data-crmx-change=businessField] th').textContent()).resolves.toBe('Business field');
    await expect(older.locator('[data-crmx-change=businessField] td').allTextContents()).resolves.toEqual(['Logistics', 'Shipping']);
    expect(await edit.locator('.crmx-change-records').textContent()).not.toMatch(NO_KEYS_OR_IDS);
    await page.close();
  });
});
