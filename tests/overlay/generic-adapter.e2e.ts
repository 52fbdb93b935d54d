// The generic adapter set up as a CRM administrator would, in a real Chromium: EspoCRM's Accounts list
// (lib/host/fixtures/espocrm-accounts.html, served on the connected CRM's origin at /espo/, routed by hash)
// configured through the options page from its preset, "Try it" showing the page test and the first ids and
// following each edit; then on the page one set of controls per row with the row's id (not the user link's),
// gone when the hash leaves the list and back when it returns; the configuration exported and imported; and a
// virtualised grid (lib/host/fixtures/virtual-grid-customers.html, at /grid/customers) configured by hand.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOnDisk } from './overlay-helpers';
import { startScenario, type Scenario } from '../harness/scenario';

const ESPO = readFileSync(new URL('../../lib/host/fixtures/espocrm-accounts.html', import.meta.url), 'utf8');
const GRID = readFileSync(new URL('../../lib/host/fixtures/virtual-grid-customers.html', import.meta.url), 'utf8');
const IDS = ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'];

describe('the generic adapter configured for EspoCRM through the options page', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    await s.browser.context.route((url) => url.pathname === '/espo/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: ESPO }));
    await s.browser.context.route((url) => url.pathname === '/grid/customers', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: GRID }));
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const openEspo = async (hash: string) => {
    const page = await s.browser.context.newPage();
    await page.goto(`${s.crm.url}/espo/${hash}`);
    await page.locator('tr.list-row').first().waitFor();
    return page;
  };
  const previewIds = () => options.locator('#crmx-adapter-preview-rows li').evaluateAll((items) => items.map((li) => li.getAttribute('data-crmx-id')));
  const tryIt = async () => {
    await options.bringToFront();
    await options.locator('#crmx-adapter-try').click();
    await options.locator('#crmx-adapter-preview').waitFor();
  };
  /** Per row: how many sets of our controls, and the id our star carries. */
  const decorated = (page: Page) => page.locator('tr.list-row').evaluateAll((rows) => rows.map((tr) => {
    const hosts = tr.querySelectorAll('crmx-row-menu');
    const star = hosts[0]?.shadowRoot?.querySelector<HTMLElement>('button.crmx-follow-star');
    return { row: tr.getAttribute('data-id'), hosts: hosts.length, menus: hosts[0]?.shadowRoot?.querySelectorAll('button.crmx-row-menu-button').length ?? 0, star: star?.dataset.customerId ?? null };
  }));

  it('fills in the EspoCRM preset and "Try it" shows the page test and the first rows\' ids, following each edit', async () => {
    const espo = await openEspo('#Account');
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-preset').selectOption('espocrm-accounts');
    await options.locator('#crmx-adapter-preset-apply').click();
    expect(await options.locator('#crmx-adapter-row').inputValue()).toBe('tr.list-row[data-id]');
    expect(await options.locator('#crmx-adapter-idFrom').inputValue()).toBe('attribute');
    await tryIt();
    await options.locator('[data-crmx-page=match]').waitFor();
    expect(await options.locator('#crmx-adapter-preview [data-crmx-rows]').textContent()).toBe('Found 5 rows; 5 with a customer id, 5 with a menu cell.');
    expect(await previewIds()).toEqual(IDS);
    expect(await options.locator('#crmx-adapter-preview-rows li').first().textContent()).toBe('c-001 — Nguyễn Văn Hùng');

    // An href source on the first link reads the user's link: no account ids, and the preview says so.
    await options.locator('#crmx-adapter-idFrom').selectOption('href');
    await options.locator('#crmx-adapter-idElement').fill('a[href]');
    await options.locator('#crmx-adapter-idPattern').fill('#Account/view/(.+)$');
    expect(await previewIds()).toEqual(IDS);
    await options.locator('#crmx-adapter-idElement').fill('td[data-name="assignedUser"] a');
    await options.getByText('No row has a customer id').waitFor();
    await options.locator('#crmx-adapter-idPattern').fill('#Account/view/.+$');
    await options.locator('#crmx-adapter-probe [data-state=error]').filter({ hasText: 'needs a capture group' }).waitFor();
    await options.locator('#crmx-adapter-preset-apply').click();
    expect(await previewIds()).toEqual(IDS);

    // The page test the content script runs: on an account's own page the overlay would not start.
    await espo.evaluate(() => { location.hash = '#Account/view/c-001'; });
    await tryIt();
    await options.locator('[data-crmx-page=no-match]').filter({ hasText: 'does not start on this page' }).waitFor();
    await espo.close();

    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
  });

  it('decorates each row once with its own id, leaves when the hash leaves the list and comes back with it', async () => {
    const page = await openEspo('#Account');
    const expected = IDS.map((id) => ({ row: id, hosts: 1, menus: 1, star: id }));
    await page.waitForFunction((n) => document.querySelectorAll('tr.list-row crmx-row-menu').length === n, IDS.length, { timeout: 20_000 });
    expect(await decorated(page)).toEqual(expected);
    // Our [···] opens our menu for that customer, above EspoCRM's fixed navbar.
    await page.locator('tr.list-row[data-id="c-002"] button.crmx-row-menu-button').click();
    await page.locator('[role=menu].crmx-menu').waitFor();
    await page.keyboard.press('Escape');

    await page.evaluate(() => { location.hash = '#Contact'; });
    await page.waitForFunction(() => document.querySelectorAll('crmx-row-menu').length === 0 && !document.querySelector('crmx-overlay'));
    await page.evaluate(() => { location.hash = '#Account/list'; });
    await page.waitForFunction((n) => document.querySelectorAll('tr.list-row crmx-row-menu').length === n, IDS.length);
    expect(await decorated(page)).toEqual(expected);
    await page.close();
  });

  it('exports the configuration as a file that imports again, and names what is wrong in a bad one', async () => {
    await options.bringToFront();
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#crmx-adapter-export').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'crm-overlay-generic-adapter', version: 2, adapter: { row: 'tr.list-row[data-id]', idAttribute: 'data-id' } });

    const bad = { ...exported, adapter: { ...exported.adapter, rowz: 'tr' } };
    await options.locator('#crmx-adapter-import').setInputFiles(fileOnDisk('team-adapter.json', JSON.stringify(bad)));
    await options.locator('#crmx-adapter-status[data-state=error]').filter({ hasText: 'team-adapter.json has fields this version does not know: rowz.' }).waitFor();
    await options.locator('#crmx-adapter-import').setInputFiles(fileOnDisk('notes.json', 'row: tr'));
    await options.locator('#crmx-adapter-status[data-state=error]').filter({ hasText: 'notes.json is not a JSON file' }).waitFor();

    // A colleague's file: the same configuration with its list's row selector written another way.
    await options.locator('#crmx-adapter-row').fill('tr');
    const shared = { ...exported, adapter: { ...exported.adapter, row: 'tbody > tr.list-row' } };
    await options.locator('#crmx-adapter-import').setInputFiles(fileOnDisk('team-adapter.json', JSON.stringify(shared)));
    await options.locator('#crmx-adapter-status[data-state=ok]').filter({ hasText: 'Loaded from team-adapter.json' }).waitFor();
    expect(await options.locator('#crmx-adapter-row').inputValue()).toBe('tbody > tr.list-row');
    expect(await options.locator('#crmx-adapter-idAttribute').inputValue()).toBe('data-id');
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();

    const page = await openEspo('#Account');
    await page.waitForFunction((n) => document.querySelectorAll('tr.list-row crmx-row-menu').length === n, IDS.length, { timeout: 20_000 });
    expect((await decorated(page)).map((r) => r.star)).toEqual(IDS);
    await page.close();
  });

  it('decorates a virtualised grid (rows placed by transform, no links) configured by hand, each row with its row-id', async () => {
    await options.bringToFront();
    const fields: Record<string, string> = {
      urlPattern: '^/grid/customers(?:[?#]|$)', container: '.ag-center-cols-container', row: '.ag-row', idElement: '',
      idAttribute: 'row-id', idPattern: '', name: '.ag-cell-value', menuCell: ':scope > [col-id="name"]', headerCell: '.ag-header-cell[col-id="name"]',
    };
    await options.locator('#crmx-adapter-idFrom').selectOption('attribute');
    for (const [field, value] of Object.entries(fields)) await options.locator(`#crmx-adapter-${field}`).fill(value);
    const grid = await s.browser.context.newPage();
    await grid.goto(`${s.crm.url}/grid/customers`);
    await tryIt();
    await options.locator('[data-crmx-page=match]').waitFor();
    expect(await previewIds()).toEqual(IDS);
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();

    await grid.reload();
    const shown = () => grid.locator('.ag-row').evaluateAll((rows) => rows.map((row) => {
      const hosts = row.querySelectorAll('crmx-row-menu');
      return { row: row.getAttribute('row-id'), hosts: hosts.length, star: hosts[0]?.shadowRoot?.querySelector<HTMLElement>('button.crmx-follow-star')?.dataset.customerId ?? null };
    }));
    const settled = (first: number) => grid.waitForFunction((n) => {
      const rows = [...document.querySelectorAll('.ag-row')];
      return rows[0]?.getAttribute('row-id') === `c-${String(n).padStart(3, '0')}` && rows.every((row) => {
        const hosts = row.querySelectorAll('crmx-row-menu');
        return hosts.length === 1 && hosts[0].shadowRoot?.querySelector<HTMLElement>('button.crmx-follow-star')?.dataset.customerId === row.getAttribute('row-id');
      });
    }, first, { timeout: 20_000 });
    await settled(1).catch(async () => expect(await shown()).toEqual('each row with one set of controls carrying its id'));
    expect((await shown()).map((r) => r.star)).toEqual([...IDS, 'c-006']);
    await grid.close();
  });
});
