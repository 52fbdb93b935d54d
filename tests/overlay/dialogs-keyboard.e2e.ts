// Issue 18 §10 in Chromium, from the keyboard alone once a dialog is open: every dialog of the CRM page
// (the row menu's, the batch bar's, delete from a file, the pool) takes focus when it opens, keeps it
// through Tab and Shift+Tab, closes on Escape and gives focus back to the control that opened it; in the
// labels dialogs a tag suggestion chosen with Enter leaves focus in the dialog, where Escape still closes
// it. The details panel (not modal) closes on Escape with focus back on the row's [···].
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { row } from './overlay-helpers';

interface Focus {
  /** The dialog (data-crmx-dialog) or the details panel ('details') holding focus, else null. */
  dialog: string | null;
  /** What has focus outside a dialog: a row's [···] (its customer), a batch action, the file tool, the pool button. */
  opener: string | null;
  item: string | null;
}

/** Where focus is, through our shadow roots. */
function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { dialog: null, opener: null, item: null };
    const holder = el.closest('[role=dialog]');
    const dialog = holder ? (holder.getAttribute('data-crmx-dialog') ?? (holder.classList.contains('crmx-details') ? 'details' : '?')) : null;
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const opener = el.matches('button.crmx-row-menu-button')
      ? `row ${host?.closest('tr')?.querySelector('td.col-name a')?.getAttribute('href')?.split('/').pop()}`
      : el.getAttribute('data-crmx-batch-action') ? `batch ${el.getAttribute('data-crmx-batch-action')}`
        : el.hasAttribute('data-crmx-delete-file') ? 'file' : el.hasAttribute('data-crmx-pool-open') ? 'pool' : null;
    return { dialog, opener, item: el.getAttribute('data-crmx-item') };
  });
}

/** The dialog's enabled controls, to know how many Tabs go round it. */
function focusables(page: Page, kind: string): Promise<number> {
  return page.locator(`[role=dialog][data-crmx-dialog="${kind}"]`).evaluate((d) =>
    d.querySelectorAll('button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])').length);
}

/** Tab past the end and Shift+Tab past the start: focus never leaves the dialog. */
async function expectTrapped(page: Page, kind: string): Promise<void> {
  expect((await focus(page)).dialog).toBe(kind);
  const rounds = Math.min((await focusables(page, kind)) + 2, 40);
  for (let i = 0; i < rounds; i += 1) {
    await page.keyboard.press('Tab');
    expect((await focus(page)).dialog, `Tab ${i + 1} in ${kind}`).toBe(kind);
  }
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect((await focus(page)).dialog, `Shift+Tab ${i + 1} in ${kind}`).toBe(kind);
  }
}

async function closesBackTo(page: Page, kind: string, opener: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(`[role=dialog][data-crmx-dialog="${kind}"]`).waitFor({ state: 'detached' });
  expect(await focus(page)).toMatchObject({ dialog: null, opener });
}

/** Opens the row's menu from its [···] with the keyboard and chooses `item` with the arrows and Enter. */
async function chooseFromMenu(page: Page, id: string, item: string): Promise<void> {
  await row(page, id).scrollIntoViewIfNeeded();
  await row(page, id).locator('button.crmx-row-menu-button').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('[role=menu].crmx-menu:not([aria-busy])').waitFor();
  for (let i = 0; i < 10 && (await focus(page)).item !== item; i += 1) await page.keyboard.press('ArrowDown');
  expect((await focus(page)).item).toBe(item);
  await expect(page.locator(`[role=menuitem][data-crmx-item="${item}"]`).getAttribute('aria-disabled')).resolves.toBeNull();
  await page.keyboard.press('Enter');
}

// c-060's account executive is the administrator: every item of its menu is theirs.
describe('every dialog keeps and gives back focus, from the keyboard', () => {
  let s: Scenario;
  let page: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    page = await s.openCustomers('?pageSize=100');
    await page.setViewportSize({ width: 1280, height: 800 });
    await row(page, 'c-060').scrollIntoViewIfNeeded();
    await row(page, 'c-060').locator('button.crmx-row-menu-button').waitFor();
  });
  afterAll(async () => s?.close());

  it.each(['edit', 'delete', 'returnToPool', 'share', 'log'])('the row menu\'s %s', async (item) => {
    await chooseFromMenu(page, 'c-060', item);
    const kind = await page.locator('[role=dialog][data-crmx-dialog]').getAttribute('data-crmx-dialog');
    expect(kind).not.toBeNull();
    await page.waitForFunction((k) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.closest(`[role=dialog][data-crmx-dialog="${k}"]`) !== null;
    }, kind);
    await expectTrapped(page, kind!);
    await closesBackTo(page, kind!, 'row c-060');
  });

  it('the details panel closes on Escape, focus back on the row\'s [···]', async () => {
    await chooseFromMenu(page, 'c-060', 'view');
    await page.locator('.crmx-details [data-crmx-action]').first().waitFor();
    expect((await focus(page)).dialog).toBe('details');
    await page.keyboard.press('Escape');
    await page.locator('.crmx-details').waitFor({ state: 'detached' });
    expect((await focus(page)).opener).toBe('row c-060');
  });

  it('every batch action\'s dialog, and a tag suggestion chosen with Enter in the labels dialogs', async () => {
    for (const id of ['c-001', 'c-002']) {
      await row(page, id).scrollIntoViewIfNeeded();
      await row(page, id).locator('input.crmx-select-box').click();
    }
    const actions = await page.locator('[data-crmx-batch-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-crmx-batch-action')!));
    expect(actions).toEqual(expect.arrayContaining(['share', 'cancelShare', 'setLabels', 'addLabels', 'follow', 'delete']));
    for (const action of actions) {
      await page.locator(`[data-crmx-batch-action="${action}"]`).focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('[role=dialog][data-crmx-dialog]');
      await dialog.waitFor();
      const kind = (await dialog.getAttribute('data-crmx-dialog'))!;
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest('[role=dialog]') !== null;
      });
      if (action === 'setLabels' || action === 'addLabels') {
        const suggestion = dialog.locator('[data-crmx-tag-suggestion]').first();
        await suggestion.waitFor();
        const tag = (await suggestion.getAttribute('data-crmx-tag-suggestion'))!;
        await suggestion.focus();
        await page.keyboard.press('Enter');
        await dialog.locator('[data-crmx-tags] li', { hasText: tag }).waitFor();
        expect((await focus(page)).dialog, `after choosing ${tag}`).toBe(kind);
      }
      await expectTrapped(page, kind);
      await closesBackTo(page, kind, `batch ${action}`);
    }
    await page.locator('[data-crmx-clear]').click();
  });

  it('delete from a file and the pool', async () => {
    await page.locator('[data-crmx-delete-file]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[role=dialog][data-crmx-dialog]').waitFor();
    const file = (await page.locator('[role=dialog][data-crmx-dialog]').getAttribute('data-crmx-dialog'))!;
    await expectTrapped(page, file);
    await closesBackTo(page, file, 'file');

    await page.locator('[data-crmx-pool-open]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[role=dialog][data-crmx-dialog=pool]').waitFor();
    await page.waitForFunction(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.closest('[role=dialog][data-crmx-dialog=pool]') !== null;
    });
    await expectTrapped(page, 'pool');
    await closesBackTo(page, 'pool', 'pool');
  });
});
