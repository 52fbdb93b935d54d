// The generic adapter in the options page ("try it on this tab"), the notice when an adapter finds no
// rows, and a second load of the content script leaving one overlay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../lib/i18n/vi';
import { EXTENSION_DIR } from '../harness/browser';
import { startScenario, type Scenario } from '../harness/scenario';

describe('the adapter settings and the page notices', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  const configure = async (row: string) => {
    options ??= await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-row').fill(row);
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
  };

  it('tries the generic selectors in the CRM tab: how many rows, the first ids', async () => {
    const crmPage = await s.openCustomers();
    await configure('table tbody tr');
    await options.locator('#crmx-adapter-try').click();
    const probe = options.locator('#crmx-adapter-probe');
    await probe.filter({ hasText: 'Found 34 rows' }).waitFor();
    expect(await probe.textContent()).toContain('34 with a customer id, 34 with a menu cell.');
    expect(await options.locator('#crmx-adapter-preview-rows li').first().getAttribute('data-crmx-id')).toBe('c-052');
    await options.locator('#crmx-adapter-row').fill('table.nothing tr');
    await options.locator('#crmx-adapter-try').click();
    await probe.filter({ hasText: 'Found no rows' }).waitFor();
    await options.locator('#crmx-adapter-idPattern').fill('([');
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: '“Customer id in the address (regular expression with one capture group)” is not a regular expression' }).waitFor();
    await crmPage.close();
  });

  it('says so on the page when the adapter finds no rows, and decorates with a working generic adapter', async () => {
    await configure('table.nothing tr');
    const page = await s.openCustomers();
    await page.locator('[data-crmx-notice]').filter({ hasText: 'found no customer rows' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('crmx-row-menu').count()).toBe(0);
    await configure('table tbody tr');
    await page.reload();
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    expect(await page.locator('[data-crmx-notice]').count()).toBe(0);
    await page.close();
  });

  it('leaves one overlay and one menu per row when the content script is loaded a second time', async () => {
    const page = await s.openCustomers();
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    const worker = await s.browser.serviceWorker();
    const url = page.url();
    await worker.evaluate(async (tabUrl) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> }; scripting: { executeScript(o: object): Promise<unknown> } } }).chrome;
      const [tab] = (await c.tabs.query({})).filter((t) => t.url === tabUrl);
      await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['crm-page.js'] });
    }, url);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('#customer-table > tbody > tr.dt-row')];
      return document.querySelectorAll('crmx-overlay').length === 1 && rows.length === 34
        && rows.every((tr) => tr.querySelectorAll('crmx-row-menu').length === 1
          && tr.querySelector('crmx-row-menu')!.shadowRoot!.querySelectorAll('button.crmx-row-menu-button').length === 1);
    }, undefined, { timeout: 20_000 });
    await page.locator('#customer-table tbody tr.dt-row').first().locator('button.crmx-row-menu-button').click();
    // The menu is drawn once the dialogs' load has ended: wait for it, then count.
    await page.locator('[role=menu].crmx-menu:not([aria-busy])').first().waitFor();
    expect(await page.locator('[role=menu].crmx-menu').count()).toBe(1);
    await page.close();
  });
  it('loads the dialogs into the tab on first use, where the page cannot see them', async () => {
    const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
    expect(read('crm-page.js')).not.toContain('crmx-pool-reason');
    expect(read('crm-dialogs.js')).toContain('crmx-pool-reason');
    expect(read('manifest.json')).not.toContain('web_accessible_resources');
    const page = await s.openCustomers('?q=KH0004');
    const ours = () => page.evaluate(() => ['__crmxShared', '__crmxDialogs', 'crmDialogs'].filter((name) => name in window));
    await page.locator('#customer-table tbody tr.dt-row button.crmx-row-menu-button').click();
    await page.locator('[role=menu].crmx-menu:not([aria-busy]) [data-crmx-item=log]').click();
    await page.locator('[role=dialog][data-crmx-dialog=log]').waitFor();
    expect(await ours()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[role=dialog]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('speaks Vietnamese when the language is switched, down to the refusal reasons', async () => {
    // The content script carries no strings: the chosen language's come from the background.
    const contentScript = readFileSync(join(EXTENSION_DIR, 'crm-page.js'), 'utf8');
    expect(contentScript).not.toContain('More actions for');
    expect(contentScript).not.toContain(vi['menu.moreActionsFor'].replace(' {name}', ''));
    options ??= await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-language').selectOption('vi');
    const page = await s.openCustomers('?q=KH0004');
    await page.locator('#customer-table tbody tr.dt-row button.crmx-row-menu-button').click();
    const del = page.locator('[role=menu].crmx-menu:not([aria-busy]) [data-crmx-item=delete]');
    await del.waitFor();
    expect(await page.locator('[role=menu].crmx-menu [data-crmx-item=edit] .crmx-menu-label').textContent()).toBe('Sửa');
    expect(await del.locator('.crmx-menu-reason').textContent()).not.toMatch(/Only administrators/);
    await options.locator('#crmx-language').selectOption('en');
    await page.locator('[role=menu].crmx-menu [data-crmx-item=edit] .crmx-menu-label').filter({ hasText: /^Edit$/ }).waitFor();
    await page.close();
  });
});
