// The overlay's dialogs that read through the background's sync side (org directory, timeline, change
// records), as a rep: share adds, the log timeline filtered and offline, the last edit's change records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { audit, chooseOption, dialog, menuItem, openCustomer, openMenu, row, runItem, toast, typeDate } from './overlay-helpers';

describe('the overlay\'s share, log and change records as a rep', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('shares with a role and then a department: the second share adds, the first stays', async () => {
    const page = await openCustomer(s, 'KH0005');
    for (const name of ['Customer service', 'Key accounts']) {
      await runItem(page, 'c-005', 'share');
      const share = dialog(page, 'share');
      await share.locator('#crmx-share-search').fill(name);
      const group = name === 'Key accounts' ? 'departmentIds' : 'roleIds';
      await share.locator(`[data-crmx-group=${group}]`).getByLabel(name, { exact: true }).check();
      await share.getByRole('button', { name: 'Share', exact: true }).click();
      await toast(page).filter({ hasText: 'Shared' }).last().waitFor();
      await share.waitFor({ state: 'detached' });
    }
    const { body } = await api<{ shares: { departmentIds: string[]; roleIds: string[] } }>(s.crm, 'tok-admin', '/customers/c-005');
    expect(body.shares.roleIds).toEqual(['r-csr']);
    expect(body.shares.departmentIds).toEqual(['d-key']);
    expect(await audit(s.crm, 'Share customer', 'c-005')).toHaveLength(2);
    await runItem(page, 'c-005', 'share');
    await dialog(page, 'share').locator('.crmx-share-current').getByText('Customer service').waitFor();
    await page.close();
  });

  it('lists every edit\'s change records (field, before, after), newest first, from the edit dialog', async () => {
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await runItem(page, 'c-001', 'edit');
    const edit = dialog(page, 'edit');
    await edit.getByRole('button', { name: 'View change records' }).click();
    await edit.locator('[data-crmx-edit-entry]').nth(1).waitFor();
    expect(await edit.locator('[data-crmx-edit-entry]').count()).toBe((await audit(s.crm, 'Edit customer', 'c-001')).length);
    const records = edit.locator('[data-crmx-edit-entry]').first();
    await records.locator('[data-crmx-change=businessField]').waitFor();
    await expect(records.locator('[data-crmx-change=source] td').allTextContents()).resolves.toEqual(['Facebook', 'Website']);
    await expect(records.locator('[data-crmx-change=businessField] td').allTextContents()).resolves.toEqual(['Retail', 'Bất động sản']);
    expect(await records.locator('[data-crmx-change=phone]').count()).toBe(0);
    await page.close();
  });

  it('shows the log as a timeline filtered by operation type and by time range', async () => {
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await runItem(page, 'c-001', 'log');
    const log = dialog(page, 'log');
    const types = () => log.locator('.crmx-timeline-type').allTextContents();
    await log.locator('.crmx-timeline-entry').first().waitFor();
    await expect.poll(types).toEqual(['Edit customer', 'Follow customer', 'Edit customer', 'Create customer']);
    await expect(log.locator('.crmx-timeline-entry').first().locator('time').getAttribute('datetime')).resolves.toBe('2024-03-11T02:00:00.000Z');
    await chooseOption(log.locator('#crmx-log-type'), 'Edit customer');
    await expect.poll(types).toEqual(['Edit customer', 'Edit customer']);
    await chooseOption(log.locator('#crmx-log-type'), '');
    await typeDate(log.locator('#crmx-log-from'), '2024-03-05');
    await typeDate(log.locator('#crmx-log-to'), '2024-03-10');
    await expect.poll(types).toEqual(['Follow customer']);
    await page.close();
  });

  it('opens the log timeline with the CRM stopped, from the cache', async () => {
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await runItem(page, 'c-001', 'log');
    await dialog(page, 'log').locator('.crmx-timeline-entry').first().waitFor();
    await page.keyboard.press('Escape');
    await s.crm.stop();
    try {
      await openMenu(page, 'c-001');
      await menuItem(page, 'log').click();
      const log = dialog(page, 'log');
      await log.locator('.crmx-timeline-entry').nth(3).waitFor({ timeout: 30_000 });
      await expect(log.locator('.crmx-timeline-type').allTextContents()).resolves.toEqual(['Edit customer', 'Follow customer', 'Edit customer', 'Create customer']);
      await log.locator('[data-crmx-from-cache]').waitFor();
    } finally {
      await s.crm.start();
    }
    await page.close();
  });
  it('pages a long history back 50 entries at a time instead of rendering everything', async () => {
    const faults = (settings: Record<string, number>) => setFaults(s.crm, settings);
    await faults({ rateLimit: 1_000_000 });
    try {
      for (let i = 0; i < 60; i++) {
        expect((await api(s.crm, 'tok-rep', '/follows/c-008', { method: 'PUT' })).status).toBe(200);
        expect((await api(s.crm, 'tok-rep', '/follows/c-008', { method: 'DELETE' })).status).toBe(200);
      }
    } finally {
      await faults({ rateLimit: 50 });
    }
    const page = await openCustomer(s, 'James Wilson');
    await runItem(page, 'c-008', 'log');
    const log = dialog(page, 'log');
    const entries = log.locator('.crmx-timeline-entry');
    await entries.nth(49).waitFor();
    expect(await entries.count()).toBe(50);
    await log.getByRole('button', { name: 'Show older entries' }).click();
    await entries.nth(99).waitFor();
    expect(await entries.count()).toBe(100);
    await log.getByRole('button', { name: 'Show older entries' }).click();
    await log.getByText('That is the whole log.').waitFor();
    expect(await entries.count()).toBe(120);
    await expect(entries.last().locator('.crmx-timeline-type').textContent()).resolves.toBe('Follow customer');
    await page.close();
  });
  it('keeps working with the CRM stopped: a star and an edit wait as pending and reach the CRM when it is back', async () => {
    const page = await openCustomer(s, 'Olivia Brown');
    await openMenu(page, 'c-009');
    await page.keyboard.press('Escape');
    await s.crm.stop();
    try {
      await row(page, 'c-009').locator('button.crmx-follow-star').click();
      await row(page, 'c-009').locator('button.crmx-follow-star[aria-pressed=true][data-pending]').waitFor({ timeout: 30_000 });
      await runItem(page, 'c-009', 'edit');
      const edit = dialog(page, 'edit');
      await edit.locator('#crmx-edit-source').fill('Hotline');
      await edit.getByRole('button', { name: 'Save' }).click();
      await toast(page).filter({ hasText: 'Pending — will be sent when the CRM answers.' }).first().waitFor({ timeout: 30_000 });
    } finally {
      await s.crm.start();
    }
    // Any call that reaches the CRM again sends what waited (a fresh look at the row's rights is one).
    await openMenu(page, 'c-009');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await api<{ source: string }>(s.crm, 'tok-rep', '/customers/c-009')).body.source, { timeout: 90_000, interval: 1000 }).toBe('Hotline');
    await expect.poll(async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds, { timeout: 90_000, interval: 1000 }).toContain('c-009');
    await row(page, 'c-009').locator('button.crmx-follow-star[aria-pressed=true]:not([data-pending])').waitFor({ timeout: 30_000 });
    await page.close();
  }, 240_000);
});
