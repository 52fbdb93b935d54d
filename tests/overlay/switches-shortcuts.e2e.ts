// Issue 20, 4d and 4e: the options page's feature switches take a feature off the open CRM page at once
// (nothing drawn, nothing left watching the rows) and put it back; the keyboard shortcuts are listed in the
// options with their keys, and a shortcut the browser hands to the background acts on the row under focus.
// Headless Chromium cannot press browser-level shortcut keys: pressShortcut fires the browser's own commands
// event in the service worker, as a key press does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressShortcut } from '../harness/browser';
import { startScenario, type Scenario } from '../harness/scenario';
import { menu } from './overlay-helpers';

const ROWS = '#customer-table > tbody > tr.dt-row';

describe('feature switches and keyboard shortcuts', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const setSwitch = async (name: string, on: boolean) => {
    const box = options.locator(`[data-crmx-switch=${name}]`);
    if (on) await box.check();
    else await box.uncheck();
    await options.locator('#crmx-switches-status').filter({ hasText: 'Saved.' }).waitFor();
  };

  /** What we put in each decorated row's slot, by kind, over every row of the page. */
  const slotContents = (page: Page) => page.evaluate((rows) => {
    const counts: Record<string, number> = { rows: 0, slots: 0, star: 0, menu: 0, box: 0, other: 0 };
    for (const row of document.querySelectorAll(rows)) {
      counts.rows++;
      for (const slot of row.querySelectorAll('crmx-row-menu')) {
        counts.slots++;
        for (const el of slot.shadowRoot!.children) {
          if (el.matches('button.crmx-follow-star')) counts.star++;
          else if (el.matches('button.crmx-row-menu-button')) counts.menu++;
          else if (el.matches('input.crmx-select-box')) counts.box++;
          else if (el.localName !== 'style') counts.other++;
        }
      }
    }
    return counts;
  }, ROWS);

  it('lists each shortcut with its keys, and offers the browser\'s page to change them', async () => {
    const section = options.locator('[data-crmx-shortcuts]');
    const keys = (command: string) => section.locator(`tr[data-crmx-command="${command}"] td`);
    await keys('focus-search').locator('kbd').waitFor();
    expect(await keys('_execute_action').textContent()).toBe('Alt+Shift+O');
    expect(await keys('focus-search').textContent()).toBe('Alt+Shift+F');
    expect(await keys('select-row').textContent()).toBe('Alt+Shift+S');
    expect(await keys('open-row-menu').textContent()).toBe('Alt+Shift+M');
    expect(await section.locator('tbody th').allTextContents()).toEqual([
      'Open the side panel', 'Go to the CRM page\'s search field',
      'Select or unselect the customer row you are on', 'Open the actions menu of the customer row you are on',
    ]);
    const opened = s.browser.context.waitForEvent('page');
    await section.locator('[data-crmx-shortcuts-change]').click();
    const shortcutsPage = await opened;
    await shortcutsPage.waitForURL('chrome://extensions/shortcuts');
    await shortcutsPage.close();
  });

  it('takes the stars off the open page at once, draws none on rows the host renders next, and puts them back', async () => {
    const page = await s.openCustomers('?pageSize=20');
    await page.locator(`${ROWS} button.crmx-follow-star`).first().waitFor();
    const indent = () => page.locator(`${ROWS} > td:first-child`).first().evaluate((cell) => getComputedStyle(cell).textIndent);
    const before = await slotContents(page);
    const roomBefore = await indent();
    expect(before.star).toBeGreaterThan(0);
    expect(before.star).toBe(before.menu);

    await setSwitch('followStars', false);
    await page.waitForFunction(() => document.querySelectorAll('crmx-row-menu').length > 0
      && [...document.querySelectorAll('crmx-row-menu')].every((slot) => !slot.shadowRoot!.querySelector('.crmx-follow-star')));
    const off = await slotContents(page);
    expect(off).toMatchObject({ star: 0, menu: before.menu, box: before.box, other: 0 });
    // No gap left where the stars were: the row's reserved room shrinks by a star's width.
    expect(parseFloat(roomBefore) - parseFloat(await indent())).toBe(24);

    // The host renders the next page: its rows get our other controls, and no star (nothing watches for them).
    const firstBefore = await page.locator(`${ROWS} td.col-name a`).first().getAttribute('href');
    await page.locator('#page-next').click();
    await page.waitForFunction(([rows, href]) => {
      const first = document.querySelector(`${rows} td.col-name a`);
      return first && first.getAttribute('href') !== href && first.closest('tr')!.querySelector('crmx-row-menu')?.shadowRoot?.querySelector('.crmx-row-menu-button');
    }, [ROWS, firstBefore] as const);
    const next = await slotContents(page);
    expect(next.menu).toBeGreaterThan(0);
    expect(next).toMatchObject({ star: 0, box: next.menu, other: 0 });
    // Nor in the row menu, nor in the details.
    await page.locator(`${ROWS} button.crmx-row-menu-button`).first().click();
    await menu(page).and(page.locator(':not([aria-busy])')).waitFor();
    expect(await menu(page).locator('[role=menuitem]').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.crmxItem)))
      .toEqual(['view', 'edit', 'delete', 'returnToPool', 'share', 'log']);
    await page.keyboard.press('Escape');

    await setSwitch('followStars', true);
    await page.waitForFunction(() => [...document.querySelectorAll('crmx-row-menu')].every((slot) => slot.shadowRoot!.querySelector('.crmx-follow-star')));
    const back = await slotContents(page);
    expect(back).toMatchObject({ star: back.menu, box: back.menu, other: 0 });
    expect(await indent()).toBe(roomBefore);
    await page.close();
  });

  it('takes the row boxes and the batch bar off with the batch bar\'s switch, and a row click no longer opens details with its own', async () => {
    const page = await s.openCustomers('?pageSize=20');
    await page.locator(`${ROWS} input.crmx-select-box`).first().waitFor();
    await page.locator(`${ROWS} input.crmx-select-box`).first().check();
    await page.locator('[data-crmx-batch-bar] [data-crmx-selected-count="1"]').waitFor();

    await setSwitch('batchBar', false);
    // Delete from a file needs the bar: shown switched off with why.
    expect(await options.locator('[data-crmx-switch=deleteFromFile]').isDisabled()).toBe(true);
    expect(await options.locator('[data-crmx-switch=deleteFromFile]').isChecked()).toBe(false);
    await page.locator('crmx-batch-bar').waitFor({ state: 'detached' });
    await page.locator('crmx-select-page').waitFor({ state: 'detached' });
    const off = await slotContents(page);
    expect(off).toMatchObject({ box: 0, star: off.menu, other: 0 });

    await setSwitch('detailsOnClick', false);
    await page.locator(`${ROWS} td.col-code`).first().click();
    // Something the page shows after that click (the menu opened by a later click): the details never opened.
    await page.locator(`${ROWS} button.crmx-row-menu-button`).first().click();
    await menu(page).waitFor();
    expect(await page.locator('.crmx-details').count()).toBe(0);
    await page.keyboard.press('Escape');

    await setSwitch('detailsOnClick', true);
    await setSwitch('batchBar', true);
    expect(await options.locator('[data-crmx-switch=deleteFromFile]').isChecked()).toBe(true);
    await page.locator(`${ROWS} input.crmx-select-box`).first().waitFor();
    // The selection was kept for the tab: it comes back with the boxes.
    await page.locator('[data-crmx-batch-bar] [data-crmx-selected-count="1"]').waitFor();
    await page.locator(`${ROWS} td.col-code`).first().click();
    await page.locator('.crmx-details').waitFor();
    await page.close();
  });

  it('runs a shortcut the browser hands to the background on the row under focus, and ignores a page\'s imitations', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const press = (command: string) => pressShortcut(s.browser, page, command);
    const second = page.locator(ROWS).nth(1);
    await second.locator('button.crmx-row-menu-button').waitFor();
    await second.locator('td.col-name a').focus();

    await press('select-row');
    await second.locator('input.crmx-select-box:checked').waitFor();
    await page.locator('[data-crmx-batch-bar] [data-crmx-selected-count="1"]').waitFor();
    expect(await page.locator(`${ROWS} input.crmx-select-box:checked`).count()).toBe(1);

    // The page imitates the shortcut: a key event of its own, a window message shaped as ours.
    await page.evaluate(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true }));
      window.postMessage({ type: 'command', data: 'select-row' }, '*');
      window.postMessage({ id: 1, type: 'command', data: 'open-row-menu', timestamp: Date.now() }, '*');
    });
    // Then a real one: the menu of the focused row opens, focus on its first item; the selection did not change.
    await press('open-row-menu');
    await menu(page).waitFor();
    const name = await second.locator('td.col-name a').textContent();
    expect(await menu(page).getAttribute('aria-label')).toContain(name!.trim());
    await page.waitForFunction(() => {
      const host = document.querySelector('crmx-overlay')!;
      return host.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem';
    });
    expect(await page.locator(`${ROWS} input.crmx-select-box:checked`).count()).toBe(1);
    await page.keyboard.press('Escape');
    await menu(page).waitFor({ state: 'detached' });

    await press('focus-search');
    await page.waitForFunction(() => document.activeElement?.id === 'customer-search');

    // Back in the row, the same shortcut unselects it.
    await second.locator('td.col-name a').focus();
    await press('select-row');
    await page.locator('[data-crmx-batch-bar] [data-crmx-selected-count]').waitFor({ state: 'detached' });
    expect(await page.locator(`${ROWS} input.crmx-select-box:checked`).count()).toBe(0);
    await page.close();
  });
});
