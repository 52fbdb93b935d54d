// Issue 18 §9 in Chromium: the log timeline (the log dialog and the details panel's latest activity)
// names who did each operation and shows an edit's fields before → after with their labels, and every
// time we show is written the one way of the UI language, in English and Vietnamese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { dialog, openCustomer, row, runItem } from './overlay-helpers';

const TIME = { en: /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/, vi: /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/ };

describe('the log timeline says who and what changed', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const rounds = [
    { language: 'en', id: 'c-009', code: 'KH0009', before: '0902 334 455', after: '0902 345 678', by: 'by Trần Thị Bình', phone: 'Phone', source: 'Source' },
    { language: 'vi', id: 'c-014', code: 'KH0014', before: '0938.222.333', after: '0938 777 888', by: 'bởi Trần Thị Bình', phone: 'Số điện thoại', source: 'Nguồn khách' },
  ] as const;

  it.each(rounds)('$language', async ({ language, id, code, before, after, by, phone, source }) => {
    await options.locator('#crmx-language').selectOption(language);
    // The manager edits the customer's phone and source in the CRM.
    const edited = await api<{ source: string }>(s.crm, 'tok-manager', `/customers/${id}`, {
      method: 'PATCH', headers: { 'if-match': '"1"' }, body: JSON.stringify({ phone: after, source: 'Trade fair' }),
    });
    expect(edited.status).toBe(200);

    const page = await openCustomer(s, code);
    await runItem(page, id, 'log');
    const log = dialog(page, 'log');
    const entry = log.locator('.crmx-timeline-entry[data-crmx-log-type="Edit customer"]').first();
    await entry.locator('[data-crmx-actor]').filter({ hasText: by }).waitFor();
    await expect(entry.locator('[data-crmx-change=phone] .crmx-timeline-field').textContent()).resolves.toBe(phone);
    await expect(entry.locator('[data-crmx-change=phone] del').textContent()).resolves.toBe(before);
    await expect(entry.locator('[data-crmx-change=phone] ins').textContent()).resolves.toBe(after);
    await expect(entry.locator('[data-crmx-change=source] .crmx-timeline-field').textContent()).resolves.toBe(source);
    await expect(entry.innerText()).resolves.not.toMatch(/u-manager|businessField|\bphone\b/);
    for (const time of await log.locator('time').allTextContents()) expect(time).toMatch(TIME[language]);
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });

    // The details panel's latest activity says the same, and its times are written the same way.
    await row(page, id).locator('td.col-code').click();
    const latest = page.locator('.crmx-details .crmx-details-log .crmx-timeline-entry[data-crmx-log-type="Edit customer"]').first();
    await latest.locator('[data-crmx-actor]').filter({ hasText: by }).waitFor();
    await expect(latest.locator('[data-crmx-change=phone] ins').textContent()).resolves.toBe(after);
    await expect(page.locator('.crmx-details [data-crmx-field=updatedAt] dd').textContent()).resolves.toMatch(TIME[language]);
    await page.close();
  });
});
