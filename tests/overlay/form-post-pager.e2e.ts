// A list that pages by posting its form (SuiteCRM 7's ListView does: the whole document loads again), served
// on the connected CRM's origin at /mass/list and set up with the generic adapter through the options page,
// in a real Chromium as the reference CRM's admin. The selection is kept by the background for the tab: after
// the pager's POST the batch bar comes back with its count, the rows of the page left included; the bar says
// the selection is what the pages showed (the list's filter is not in its address); a batch follow then
// follows every selected customer, checked in the CRM.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';

const PAGE_SIZE = 3;
const IDS = ['c-001', 'c-002', 'c-003', 'c-004', 'c-005', 'c-006'];

/** One page of the list: its rows from `offset`, and the pager posting the form with the next offset. */
function listPage(offset: number): string {
  const rows = IDS.slice(offset, offset + PAGE_SIZE)
    .map((id) => `<tr class="row" data-id="${id}"><td class="sel"><input type="checkbox" name="mass[]" value="${id}"></td><td class="name">Account ${id}</td></tr>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Accounts</title></head><body>
<form id="MassUpdate" method="post" action="/mass/list">
<input type="hidden" name="offset" value="${offset + PAGE_SIZE}">
<table class="list"><thead><tr><th class="sel"></th><th>Name</th></tr></thead><tbody>${rows}</tbody></table>
<button type="submit" id="next" ${offset + PAGE_SIZE >= IDS.length ? 'disabled' : ''}>Next</button>
</form></body></html>`;
}

describe('a list paging by form POST, set up with the generic adapter', () => {
  let s: Scenario;
  let posts = 0;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    await s.browser.context.route((url) => url.pathname === '/mass/list', async (route) => {
      const request = route.request();
      let offset = 0;
      if (request.method() === 'POST') {
        posts++;
        offset = Number(new URLSearchParams(request.postData() ?? '').get('offset'));
      }
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: listPage(offset) });
    });
    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-idFrom').selectOption('attribute');
    const fields: Record<string, string> = {
      urlPattern: '^/mass/list(?:[?#]|$)', pageHas: '', container: 'table.list > tbody', row: 'tr.row', idElement: '', idAttribute: 'data-id',
      idPattern: '', name: 'td.name', menuCell: ':scope > td.sel', headerCell: 'table.list > thead th.sel',
    };
    for (const [field, value] of Object.entries(fields)) await options.locator(`#crmx-adapter-${field}`).fill(value);
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
  });
  afterAll(async () => s?.close());

  const bar = (page: Page) => page.locator('[data-crmx-batch-bar]');
  const box = (page: Page, id: string) => page.locator(`tr.row[data-id="${id}"] input.crmx-select-box`);
  const follows = async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-admin', '/follows')).body.customerIds;

  it('keeps the selection through the pager\'s POST, and a batch acts on every selected customer', async () => {
    const followedBefore = await follows();
    expect(IDS.filter((id) => followedBefore.includes(id))).toEqual([]);
    const page = await s.browser.context.newPage();
    await page.goto(`${s.crm.url}/mass/list`);
    await box(page, 'c-001').click();
    await box(page, 'c-002').click();
    await bar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    await bar(page).locator('[data-crmx-pages-shown]').filter({ hasText: 'Selected from the pages shown only' }).waitFor();
    expect(await bar(page).locator('[data-crmx-select-matching]').count()).toBe(0);

    await Promise.all([page.waitForEvent('load'), page.click('#next')]);
    expect(posts).toBe(1);
    await box(page, 'c-004').waitFor();
    // The selection of the page left came back with the bar and its count.
    await bar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    expect(await box(page, 'c-004').isChecked()).toBe(false);
    await box(page, 'c-004').click();
    await bar(page).locator('[data-crmx-selected-count="3"]').waitFor();
    expect(await bar(page).locator('[data-crmx-selected-count]').textContent()).toBe('3 selected');

    await bar(page).locator('[data-crmx-batch-action=follow]').click();
    const dialog = page.locator('[data-crmx-dialog=batch-follow]');
    const precheck = dialog.locator('[data-crmx-precheck]');
    await precheck.waitFor();
    expect(await precheck.getAttribute('data-crmx-precheck'), (await precheck.textContent()) ?? '').toBe('ok');
    expect((await dialog.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).sort())
      .toEqual(['c-001', 'c-002', 'c-004']);
    await dialog.locator('[data-crmx-confirm]').click();
    const job = bar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch follow"]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');
    const followed = await follows();
    expect(IDS.filter((id) => followed.includes(id))).toEqual(['c-001', 'c-002', 'c-004']);
    await page.close();
  });
});
