// Issue 18, point 1: the host's rows never show a stale value without the user knowing. On the reference
// CRM's page (its adapter redraws rows) an edit, a batch add-labels job and a batch share show their new
// values in the rows, as the CRM has them; with the generic adapter (it cannot redraw) the page counts the
// changed rows and its Refresh reloads the host's page, which then shows them.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { dialog, openCustomer, row, runItem, toast } from './overlay-helpers';

const JOB_WAIT = { timeout: 60_000 };
/** The row shows what the CRM answers now: within this long of the CRM having it. */
const SHOWN = { timeout: 10_000 };
type CrmCustomer = { phone: string; tags: string[]; updatedAt: string };

const bar = (page: Page) => page.locator('[data-crmx-batch-bar]');
const shownTags = (page: Page, id: string) => row(page, id).locator('td.col-tags span.tag').allTextContents();

async function editPhone(page: Page, id: string, phone: string): Promise<void> {
  await runItem(page, id, 'edit');
  const edit = dialog(page, 'edit');
  await edit.locator('#crmx-edit-phone').fill(phone);
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
}

/**
 * Clicks the notice's Refresh and waits for the page that reload brings: a new document, loaded (not a 'load'
 * event, which may still be the first document's when the page was slow to finish loading).
 */
async function refreshFrom(page: Page, refresh: Locator): Promise<void> {
  await page.evaluate(() => Object.assign(window, { crmxBeforeRefresh: true }));
  await refresh.click();
  await page.waitForFunction(() => !('crmxBeforeRefresh' in window) && document.readyState === 'complete');
}

/** Selects the first `count` rows of the page with the row boxes (a real click, then shift-click). */
async function selectFirst(page: Page, count: number): Promise<string[]> {
  const boxes = page.locator('input.crmx-select-box');
  await boxes.nth(count - 1).waitFor();
  await boxes.nth(0).click();
  await boxes.nth(count - 1).click({ modifiers: ['Shift'] });
  await bar(page).locator(`[data-crmx-selected-count="${count}"]`).waitFor();
  return page.locator('#customer-table tbody tr td.col-name a').evaluateAll((links, n) => links.slice(0, n).map((a) => a.getAttribute('href')!.split('/').pop()!), count);
}

describe('on the reference CRM\'s page, rows show the new values', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());
  const crm = async (id: string) => (await api<CrmCustomer>(s.crm, 'tok-rep', `/customers/${id}`)).body;

  it('after an edit: the row shows the new phone', async () => {
    const page = await openCustomer(s, 'KH0003');
    expect(await row(page, 'c-003').locator('td.col-phone').textContent()).toBe('84-913-222-333');
    await editPhone(page, 'c-003', '0913 222 999');
    await toast(page).filter({ hasText: 'Saved Lê Hoàng Long.' }).waitFor();
    expect((await crm('c-003')).phone).toBe('0913 222 999');
    await row(page, 'c-003').locator('td.col-phone', { hasText: '0913 222 999' }).waitFor(SHOWN);
    // And the time the row says it was updated is the CRM's.
    expect(await row(page, 'c-003').locator('td.col-updated time').getAttribute('datetime')).toBe((await crm('c-003')).updatedAt);
    // The host's own drawing of the page agrees.
    await page.reload();
    expect(await row(page, 'c-003').locator('td.col-phone').textContent()).toBe('0913 222 999');
    await page.close();
  });

  it('after a batch add-labels job: the rows show the new labels', async () => {
    const page = await s.openCustomers('?pageSize=20&q=C%C3%B4ng%20ty');
    const ids = await selectFirst(page, 3);
    const before = await Promise.all(ids.map((id) => shownTags(page, id)));
    await bar(page).locator('[data-crmx-batch-action=addLabels]').click();
    const labels = page.locator('[data-crmx-dialog=batch-addLabels]');
    await labels.locator('[data-crmx-precheck]').waitFor();
    await labels.locator('#crmx-batch-tag-input').fill('Page-true');
    await labels.locator('#crmx-batch-tag-input').press('Enter');
    await labels.locator('[data-crmx-tags] li', { hasText: 'Page-true' }).waitFor();
    await labels.locator('[data-crmx-confirm]').click();
    await bar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch add labels"]').waitFor(JOB_WAIT);

    for (const [i, id] of ids.entries()) {
      const expected = [...before[i], 'Page-true'];
      expect((await crm(id)).tags).toEqual(expected);
      await expect.poll(() => shownTags(page, id), SHOWN).toEqual(expected);
    }
    await page.close();
  });

  it('after a batch share: the rows show when the CRM last changed them', async () => {
    const page = await s.openCustomers('?pageSize=20&q=C%C3%B4ng%20ty');
    const ids = await selectFirst(page, 2);
    const shownBefore = await Promise.all(ids.map((id) => row(page, id).locator('td.col-updated time').getAttribute('datetime')));
    await bar(page).locator('[data-crmx-batch-action=share]').click();
    const share = page.locator('[data-crmx-dialog=batch-share]');
    await share.locator('[data-crmx-group=userIds] label', { hasText: 'Đặng Minh Khoa' }).click();
    await share.locator('[data-crmx-confirm]').click();
    await bar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch share"]').waitFor(JOB_WAIT);

    for (const [i, id] of ids.entries()) {
      const { updatedAt } = await crm(id);
      expect(updatedAt).not.toBe(shownBefore[i]);
      await row(page, id).locator(`td.col-updated time[datetime="${updatedAt}"]`).waitFor(SHOWN);
    }
    await page.close();
  });
});

describe('with the generic adapter (it cannot redraw the host\'s rows)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    // Its defaults read the reference page's rows: the same page, decorated by an adapter that cannot redraw it.
    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
  });
  afterAll(async () => s?.close());

  it('counts the rows the user changed, and Refresh reloads the page, which shows them', async () => {
    const page = await openCustomer(s, 'KH0005');
    await editPhone(page, 'c-005', '0915 000 555');
    await toast(page).filter({ hasText: 'Saved Hoàng Đức Thắng.' }).waitFor();
    const notice = toast(page).filter({ hasText: '1 row on this page changed since it was shown.' });
    await notice.waitFor();
    // The host still shows what it loaded, and the page says so.
    expect(await row(page, 'c-005').locator('td.col-phone').textContent()).toBe('0915666777');
    await refreshFrom(page, notice.getByRole('button', { name: 'Refresh' }));
    await row(page, 'c-005').locator('td.col-phone', { hasText: '0915 000 555' }).waitFor();
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    expect(await toast(page).filter({ hasText: 'changed since' }).count()).toBe(0);
    await page.close();
  });

  it('in Vietnamese: counts the rows of a batch add-labels job, and Tải lại reloads the page', async () => {
    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-language').selectOption('vi');
    await options.close();
    const page = await s.openCustomers('?pageSize=20&q=C%C3%B4ng%20ty');
    const ids = await selectFirst(page, 2);
    await bar(page).locator('[data-crmx-batch-action=addLabels]').click();
    const labels = page.locator('[data-crmx-dialog=batch-addLabels]');
    await labels.locator('[data-crmx-precheck]').waitFor();
    await labels.locator('#crmx-batch-tag-input').fill('Trang-mới');
    await labels.locator('#crmx-batch-tag-input').press('Enter');
    await labels.locator('[data-crmx-tags] li', { hasText: 'Trang-mới' }).waitFor();
    await labels.locator('[data-crmx-confirm]').click();
    const notice = toast(page).filter({ hasText: '2 dòng trên trang này đã thay đổi kể từ khi hiển thị.' });
    await notice.waitFor(JOB_WAIT);
    for (const id of ids) expect(await shownTags(page, id)).not.toContain('Trang-mới');
    await refreshFrom(page, notice.getByRole('button', { name: 'Tải lại' }));
    for (const id of ids) await row(page, id).locator('td.col-tags span.tag', { hasText: 'Trang-mới' }).waitFor();
    await page.close();
  });
});
