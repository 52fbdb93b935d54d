// Issue 14 §1 and §4: the selection never reaches a row the user cannot see, and the Followed tab lists
// every followed customer the user can see, paged, from the cache (also with the CRM down), with the
// same row controls and batch bar as the host's rows.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { okData, sendFromPage, waitFor } from '../background/wire';
import { axeViolations, dialog, menu, menuItem, row } from './overlay-helpers';

const views = (page: Page) => page.locator('crmx-views');
const followedRows = (page: Page) => page.locator('[data-crmx-followed-row]');
const batchBar = (page: Page) => page.locator('[data-crmx-batch-bar]');
const visibleHostRows = (page: Page) => page.locator('#customer-table > tbody > tr.dt-row:visible');

describe('the Followed tab and what the selection reaches', () => {
  let s: Scenario;
  let options: Page;
  let followed: string[];
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    // The rep follows 30 customers of their list (and the seed's own follows).
    const listed = (await api<{ items: { id: string }[] }>(s.crm, 'tok-rep', '/customers?pageSize=100')).body.items.map((c) => c.id);
    expect(listed.length).toBeGreaterThan(30);
    for (const id of listed.slice(0, 30)) expect((await api(s.crm, 'tok-rep', `/follows/${id}`, { method: 'PUT' })).status).toBeLessThan(300);
    followed = (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds;
    okData(await sendFromPage(options, 'syncNow', undefined));
    await waitFor(async () => okData(await sendFromPage(options, 'listFollowed', { offset: 0, limit: 1 })).total, (n) => n === followed.length, 'follows in the cache');
  });
  afterAll(async () => s?.close());

  it('the header box selects the visible rows only; a row that leaves the list leaves the selection', async () => {
    // The rep returns a customer they do not follow (the next test counts the followed ones).
    const page = await s.openCustomers('?pageSize=100');
    const ids = await page.locator('#customer-table > tbody > tr.dt-row td.col-name a').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')!.split('/').pop()!));
    const victim = ids.find((id) => !followed.includes(id))!;
    const other = ids.find((id) => id !== victim)!;
    await row(page, victim).locator('input.crmx-select-box').click();
    await row(page, other).locator('input.crmx-select-box').click();
    await batchBar(page).getByText('2 selected').waitFor();

    // The rep returns one to the pool: its row leaves the page, and the selection.
    await row(page, victim).locator('button.crmx-row-menu-button').click();
    await menuItem(page, 'returnToPool').click();
    const back = dialog(page, 'returnToPool');
    await back.locator('#crmx-pool-reason').fill('Khách chuyển sang đối tác khác');
    await back.getByRole('button', { name: 'Return to the pool' }).click();
    await row(page, victim).waitFor({ state: 'hidden' });
    await batchBar(page).getByText('1 selected').waitFor();

    await page.locator('crmx-select-page input').click();
    const visible = await visibleHostRows(page).count();
    expect(visible).toBe(ids.length - 1);
    await batchBar(page).getByText(`${visible} selected`).waitFor();
    await batchBar(page).locator('[data-crmx-batch-action=share]').click();
    const share = dialog(page, 'batch-share');
    await share.getByText(`Target customers (${visible})`).waitFor();
    const targets = await share.locator('[data-crmx-target]').evaluateAll((items) => items.map((li) => li.getAttribute('data-crmx-target')));
    expect(targets.sort()).toEqual(ids.filter((id) => id !== victim).sort());
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('a batch dialog names the selected customers chosen on another page of the list', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const firstRow = page.locator('#customer-table > tbody > tr.dt-row').first();
    const first = (await firstRow.locator('td.col-name a').getAttribute('href'))!.split('/').pop()!;
    await firstRow.locator('input.crmx-select-box').click();
    await page.click('#page-next');
    await page.getByText(/Showing 21–/).waitFor();
    await page.locator('#customer-table > tbody > tr.dt-row').first().locator('input.crmx-select-box').click();
    await batchBar(page).getByText('2 selected').waitFor();
    await batchBar(page).locator('[data-crmx-batch-action=share]').click();
    const share = dialog(page, 'batch-share');
    await share.getByText('1 of them is not on the page you see: it was selected on another page and is included.').waitFor();
    expect(await share.locator('[data-crmx-target-away]').evaluateAll((items) => items.map((li) => li.getAttribute('data-crmx-target')))).toEqual([first]);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('lists every followed customer, paged, with the row controls and the batch bar', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const total = followed.length;
    await views(page).getByRole('tab', { name: '☆ Followed' }).click();
    await page.locator('#customer-table').waitFor({ state: 'hidden' });
    await page.locator('#page-info').waitFor({ state: 'hidden' }); // the host's own counts and pager go with its list
    await page.locator('[data-crmx-followed-range]').getByText(`1–25 of ${total} followed customers`).waitFor();
    expect(await followedRows(page).count()).toBe(25);
    expect(await axeViolations(page, '.crmx-views', 'crmx-views')).toEqual([]);

    // Next page, then the header box: exactly the shown customers, and the batch bar lists them.
    await views(page).getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-crmx-followed-range]').getByText(`26–${total} of ${total} followed customers`).waitFor();
    const shown = await followedRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-crmx-followed-row')!));
    expect(shown).toHaveLength(total - 25);
    await page.locator('[data-crmx-followed-select-page]').click();
    await batchBar(page).getByText(`${shown.length} selected`).waitFor();
    await batchBar(page).locator('[data-crmx-batch-action=addLabels]').click();
    const labels = dialog(page, 'batch-addLabels');
    await labels.getByText(`Target customers (${shown.length})`).waitFor();
    const targets = await labels.locator('[data-crmx-target]').evaluateAll((items) => items.map((li) => li.getAttribute('data-crmx-target')));
    expect(targets.sort()).toEqual([...shown].sort());
    await page.keyboard.press('Escape');
    await labels.waitFor({ state: 'detached' });

    // The row menu works on our rows as on the host's.
    const first = followedRows(page).first();
    await first.locator('button.crmx-row-menu-button').click();
    await menu(page).and(page.locator(':not([aria-busy])')).waitFor();
    await menuItem(page, 'log').click();
    await dialog(page, 'log').waitFor();
    await page.keyboard.press('Escape');
    await dialog(page, 'log').waitFor({ state: 'detached' });

    // Unstarring one takes it out of the Followed tab and out of the CRM's follows.
    const unfollowed = shown[0];
    await page.locator(`[data-crmx-followed-row="${unfollowed}"] button.crmx-follow-star`).click();
    await page.locator('[data-crmx-followed-range]').getByText(`26–${total - 1} of ${total - 1} followed customers`).waitFor();
    await expect.poll(async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds).not.toContain(unfollowed);

    // Back to all customers: the host's list again, and nothing of the Followed tab stays selected.
    await views(page).getByRole('tab', { name: 'All customers' }).click();
    await page.locator('#customer-table').waitFor({ state: 'visible' });
    expect(await batchBar(page).getByText(/selected/).count()).toBe(0);

    // With the CRM down the Followed tab still lists from the cache.
    await s.crm.stop();
    await views(page).getByRole('tab', { name: '☆ Followed' }).click();
    await page.locator('[data-crmx-followed-range]').getByText(`1–25 of ${total - 1} followed customers`).waitFor();
    await views(page).getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-crmx-followed-range]').getByText(`26–${total - 1} of ${total - 1} followed customers`).waitFor();
    await page.close();
  });
});
