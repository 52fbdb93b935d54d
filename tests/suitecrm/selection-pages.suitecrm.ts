// The selection across SuiteCRM's pager, in Chromium with the built extension as rep1. SuiteCRM pages by posting
// its MassUpdate form (the whole document reloads, answered by a bare index.php): the selection is kept by the
// background for the tab and comes back on the next page with the batch bar and its count, and a batch share
// then shares every selected account, those of the page left too. Checked in SuiteCRM's records (V8: the
// accounts' Security Groups, one Note each) and in its own Security Groups subpanel.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsWhere, seed } from './helpers';
import {
  LIST_URL, batchBar, controlsOnEveryRow, dialog, overlayNotes, row, rows, securityGroups, startOverlay, suiteCrmDetailView, suiteCrmSubpanel,
  type Overlay,
} from './overlay-helpers';

const rep1 = new Set(accountsWhere((a) => a.assignedUserId === seed.users.rep1.id).map((a) => a.id));
const NOTE_SHARE = '[CRM overlay] Batch Share customer';

const idsOn = (page: Page) => rows(page).locator('input[name="mass[]"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
/** rep1's accounts on the page shown, not yet shared with South. */
async function shareable(page: Page, count: number): Promise<string[]> {
  const found: string[] = [];
  for (const id of await idsOn(page)) {
    if (found.length === count) break;
    if (rep1.has(id) && !(await securityGroups(id)).includes(seed.groups.south)) found.push(id);
  }
  expect(found, 'rep1\'s accounts on this page').toHaveLength(count);
  return found;
}
const selectedCount = (page: Page) => batchBar(page).locator('[data-crmx-selected-count]');

/** Ticks a row, loads the list again in the tab (a new document) and answers the count the bar comes back with. */
async function keptThroughLoad(page: Page, id: string): Promise<string | null> {
  await row(page, id).locator('input.crmx-select-box').click();
  await selectedCount(page).waitFor();
  await page.goto(LIST_URL);
  await controlsOnEveryRow(page);
  // The new document starts with no selection: the first count it shows is what the tab kept.
  await selectedCount(page).waitFor();
  return selectedCount(page).getAttribute('data-crmx-selected-count');
}

describe('the selection across SuiteCRM\'s pager (a full-page form POST)', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('keeps 2 rows selected on page 1 through the next page, adds 1 there: 3 selected, and a batch share shares the 3', async () => {
    const page = await o.openAccounts();
    const first = await shareable(page, 2);
    for (const id of first) await row(page, id).locator('input.crmx-select-box').click();
    await batchBar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    // SuiteCRM's search is its own form, not the address: the bar says what the selection is instead of offering all matching.
    await batchBar(page).locator('[data-crmx-pages-shown]').waitFor();
    expect(await batchBar(page).locator('[data-crmx-select-matching]').count()).toBe(0);

    // SuiteCRM's next page: its form posted, the whole document loaded again.
    await Promise.all([page.waitForEvent('load'), page.click('#listViewNextButton_top')]);
    await controlsOnEveryRow(page);
    const shownNow = await idsOn(page);
    expect(shownNow.filter((id) => first.includes(id))).toEqual([]);
    // The selection came back with the bar and its count, the rows of page 1 not shown here.
    await batchBar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    const [third] = await shareable(page, 1);
    await row(page, third).locator('input.crmx-select-box').click();
    await batchBar(page).locator('[data-crmx-selected-count="3"]').waitFor();
    expect(await selectedCount(page).textContent()).toBe('3 selected');

    // Another tab on the same list is not given this tab's selection: it keeps only its own.
    const other = await o.openAccounts();
    expect(await keptThroughLoad(other, (await idsOn(other))[0])).toBe('1');
    await other.close();

    await batchBar(page).locator('[data-crmx-batch-action=share]').click();
    const share = dialog(page, 'batch-share');
    await share.locator('[data-crmx-precheck=ok]').waitFor();
    const chosen = [...first, third];
    expect((await share.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).sort())
      .toEqual([...chosen].sort());
    await share.locator('[data-crmx-group=departmentIds] label', { hasText: 'CRMX Dept South' }).click();
    await share.locator('[data-crmx-confirm]').click();
    const job = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch share"]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('3 / 3 done');

    for (const id of chosen) {
      expect(await securityGroups(id), id).toContain(seed.groups.south);
      expect((await overlayNotes(id)).filter((n) => n.name === NOTE_SHARE), id).toHaveLength(1);
    }
    // The batch started, the selection was cleared: the tab keeps nothing of it (a row ticked now is the only one kept).
    expect(await keptThroughLoad(page, (await idsOn(page))[0])).toBe('1');
    await page.close();

    // SuiteCRM's own screens: an account selected on page 1 lists South in its Security Groups subpanel.
    const detail = await suiteCrmDetailView(o, first[0]);
    const groups = await suiteCrmSubpanel(detail, 'securitygroups');
    await groups.getByText(/CRMX Dept South/).waitFor();
    await detail.close();
  });
});
