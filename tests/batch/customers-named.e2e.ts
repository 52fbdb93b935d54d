// Issue 18, points 3, 4 and 5 in Chromium, English and Vietnamese, on a page listing two customers named Anna
// Wilson: the batch dialog lists each by name and code, its pre-check names the one the rep may not edit and
// marks it, the confirm button counts only the other, the job's errors name it too (never its id); the delete
// and return-to-the-pool confirmations say which Anna Wilson by her code.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs, dialog, row, runItem } from '../overlay/overlay-helpers';

const JOB_WAIT = { timeout: 60_000 };
const NAME = 'Anna Wilson';

/** seed-basic with c-001 (the rep's own) and c-048 (only shared with the rep's department: not editable) both named Anna Wilson. */
function seed(): object {
  const basic = JSON.parse(readFileSync('tests/fixtures/seed-basic.json', 'utf8')) as { customers: { id: string; name: string }[] };
  for (const c of basic.customers) if (c.id === 'c-001' || c.id === 'c-048') c.name = NAME;
  return basic;
}

const WORDS = {
  en: {
    refused: `1 of 2 can’t be shared: you need the right to edit ${NAME} (KH0048).`,
    skipped: '(will be skipped)', confirm: 'Share 1 customer', jobKind: 'Batch share',
    jobError: `${NAME} (KH0048): You need the right to edit this customer.`,
    delete: `Delete ${NAME} (KH0048)?`, pool: `Return ${NAME} (KH0001) to the pool`,
  },
  vi: {
    refused: `1/2 khách hàng không chia sẻ được: bạn cần quyền sửa ${NAME} (KH0048).`,
    skipped: '(sẽ được bỏ qua)', confirm: 'Chia sẻ 1 khách hàng', jobKind: 'Chia sẻ hàng loạt',
    jobError: `${NAME} (KH0048): Bạn cần quyền sửa khách hàng này.`,
    delete: `Xóa ${NAME} (KH0048)?`, pool: `Trả ${NAME} (KH0001) về kho`,
  },
} as const;

describe('customers named by name and code wherever the user decides', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: seed(), token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const twins = () => s.openCustomers(`?q=${encodeURIComponent(NAME)}`);

  describe.each(['en', 'vi'] as const)('in %s', (language) => {
    const words = WORDS[language];
    beforeAll(async () => {
      await actAs(s, 'tok-rep');
      await options.locator('#crmx-language').selectOption(language);
    });

    it('the batch share names and marks the refused Anna Wilson and counts only the other', async () => {
      const page = await twins();
      for (const id of ['c-001', 'c-048']) await row(page, id).locator('input.crmx-select-box').click();
      const bar = page.locator('[data-crmx-batch-bar]');
      await bar.locator('[data-crmx-selected-count="2"]').waitFor();
      await bar.locator('[data-crmx-batch-action=share]').click();

      const box = dialog(page, 'batch-share');
      await box.locator('[data-crmx-refused=edit-required]').waitFor();
      await expect(box.locator('[data-crmx-refused=edit-required]').textContent()).resolves.toBe(words.refused);
      await expect(box.locator('[data-crmx-target=c-001]').textContent()).resolves.toBe(`${NAME} (KH0001)`);
      await expect(box.locator('[data-crmx-target=c-048]').textContent()).resolves.toBe(`${NAME} (KH0048) ${words.skipped}`);
      await expect(box.locator('[data-crmx-target-refused]').getAttribute('data-crmx-target')).resolves.toBe('c-048');
      await expect(box.locator('[data-crmx-confirm]').textContent()).resolves.toBe(words.confirm);

      await box.locator('[data-crmx-group=userIds] label', { hasText: 'Đặng Minh Khoa' }).click();
      await box.locator('[data-crmx-confirm]:not([disabled])').click();
      const job = bar.locator(`[data-crmx-job][data-crmx-job-status=done][aria-label="${words.jobKind}"]`).last();
      await job.waitFor(JOB_WAIT);
      await job.locator('[data-crmx-errors="1"]').waitFor();
      await job.locator('button.crmx-link').first().click();
      await expect(job.locator('[data-crmx-error-item=c-048]').textContent()).resolves.toBe(words.jobError);
      // Nowhere in the dialog's list or the job's card an id.
      expect(await job.textContent()).not.toMatch(/\bc-\d+/);
      // The side panel's job list says the same, and shows no id, path or method anywhere.
      const panel = await s.browser.context.newPage();
      await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
      const panelJob = panel.locator(`[data-crmx-panel-jobs] [data-crmx-job-status=done][aria-label="${words.jobKind}"]`).first();
      await panelJob.locator('[data-crmx-errors="1"]').waitFor();
      await panelJob.locator('button.crmx-link').first().click();
      await expect(panelJob.locator('[data-crmx-error-item=c-048]').textContent()).resolves.toBe(words.jobError);
      expect(await panel.locator('main').textContent()).not.toMatch(/\bc-\d+|\/customers|\/batch|\b(GET|POST|PATCH|PUT|DELETE)\b|Failed to fetch/);
      await panel.close();
      const shared = await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', `/audit?type=${encodeURIComponent('Batch Share customer')}&limit=100`);
      expect(shared.body.items.map((e) => e.customerId)).toContain('c-001');
      expect(shared.body.items.map((e) => e.customerId)).not.toContain('c-048');
      await page.close();
    });

    it('the return to the pool names the rep’s Anna Wilson by her code', async () => {
      const page = await twins();
      await runItem(page, 'c-001', 'returnToPool');
      const box = dialog(page, 'returnToPool');
      await box.locator('h2', { hasText: words.pool }).waitFor();
      await page.close();
    });

    it('an administrator’s delete names which Anna Wilson', async () => {
      await actAs(s, 'tok-admin');
      const page = await twins();
      await runItem(page, 'c-048', 'delete');
      const box = dialog(page, 'delete');
      await box.locator('h2', { hasText: words.delete }).waitFor();
      await expect(box.locator('.crmx-confirm-text').textContent()).resolves.toContain(`${NAME} (KH0048)`);
      await page.close();
    });
  });
});
