// The generic adapter set up as a CRM administrator would, in a real Chromium: EspoCRM's Accounts list
// (lib/host/fixtures/espocrm-accounts.html, served on the connected CRM's origin at /espo/, routed by hash)
// configured through the options page from its preset, "Try it" showing the page test and the first ids and
// following each edit; then on the page one set of controls per row with the row's id (not the user link's),
// gone when the hash leaves the list and back when it returns; the configuration exported and imported; and a
// virtualised grid (lib/host/fixtures/virtual-grid-customers.html, at /grid/customers) configured by hand, its
// recycled rows' controls following the customer each row shows; and EspoCRM's list in a mass-update form with our
// controls in its 25 px buttons cell (hidden: the page says so) or in a column of our own (visible, clickable, the
// host's form and listeners untouched by them).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOnDisk } from './overlay-helpers';
import { startScenario, type Scenario } from '../harness/scenario';
import { api } from '../harness/crm';

const ESPO = readFileSync(new URL('../../lib/host/fixtures/espocrm-accounts.html', import.meta.url), 'utf8');
const GRID = readFileSync(new URL('../../lib/host/fixtures/virtual-grid-customers.html', import.meta.url), 'utf8');
/** EspoCRM's list inside a mass-update form (as SuiteCRM's is): a host button without type="button" submits it. */
const ESPO_FORM = ESPO.replace('<div class="list list-expanded"><table class="table">', '<form id="mass-update" method="post" action="/espo-form/submitted"><div class="list list-expanded"><table class="table">')
  .replace('</tbody></table>', '</tbody></table></form>');
const IDS = ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'];

describe('the generic adapter configured for EspoCRM through the options page', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    await s.browser.context.route((url) => url.pathname === '/espo/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: ESPO }));
    await s.browser.context.route((url) => url.pathname === '/espo-form/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: ESPO_FORM }));
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

  it('follows a virtualised grid that recycles its row elements, configured by hand: each row\'s controls carry the id it shows now', async () => {
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
    expect(await previewIds()).toEqual([...IDS]);
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
    // Scrolled 20 rows down: the same 6 elements now show c-021 … c-026.
    await grid.locator('.ag-body-viewport').evaluate((viewport) => { viewport.scrollTop = 20 * 42; });
    await settled(21).catch(async () => expect(await shown()).toEqual('each recycled row with one set of controls carrying its new id'));
    expect((await shown()).map((r) => r.row)).toEqual(['c-021', 'c-022', 'c-023', 'c-024', 'c-025', 'c-026']);
    // The star says whom it follows now.
    const label = await grid.locator('.ag-row[row-id="c-021"] button.crmx-follow-star').getAttribute('aria-label');
    expect(label).toBe('Follow Customer c-021');
    await grid.close();
  });

  const openEspoForm = async () => {
    const page = await s.browser.context.newPage();
    await page.goto(`${s.crm.url}/espo-form/#Account`);
    // In front: a tab in the background is not hit-tested.
    await page.bringToFront();
    await page.locator('tr.list-row').first().waitFor();
    // What the host hears: its listeners on the document and the rows (bubbling, as jQuery's delegated ones), and submits.
    await page.evaluate(() => {
      const w = window as unknown as { heard: string[]; submits: number };
      w.heard = [];
      w.submits = 0;
      const types = ['dblclick', 'mousedown', 'mouseup', 'click', 'contextmenu', 'pointerdown', 'pointerup', 'auxclick', 'keydown', 'keyup', 'keypress'];
      for (const type of types) {
        document.addEventListener(type, (e) => w.heard.push(`document:${e.type}`));
        document.querySelector('table.table')!.addEventListener(type, (e) => w.heard.push(`table:${e.type}`));
      }
      document.addEventListener('submit', (e) => { w.submits++; e.preventDefault(); }, true);
    });
    return page;
  };
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard.splice(0));
  const submits = (page: Page) => page.evaluate(() => (window as unknown as { submits: number }).submits);
  /** The element at the centre of each of the row's controls, in the page (our slot) or not. */
  const hits = (page: Page, id: string) => page.locator(`tr.list-row[data-id="${id}"] crmx-row-menu`).evaluate((host) => [...host.shadowRoot!.children]
    .filter((control) => control.localName !== 'style')
    .map((control) => {
      const box = control.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return `${control.className}: ${hit === host ? 'ours' : hit ? `${hit.localName}.${hit.className}` : 'off screen'}`;
    }));
  const centre = async (page: Page, selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const configureEspo = async (placement: 'cell' | 'column') => {
    await options.bringToFront();
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-preset').selectOption('espocrm-accounts');
    await options.locator('#crmx-adapter-preset-apply').click();
    // EspoCRM's 25 px buttons cell, the header cell above it.
    await options.locator('#crmx-adapter-menuCell').fill(':scope > td[data-name="buttons"]');
    await options.locator('#crmx-adapter-headerCell').fill('#main .list-container .list > table.table > thead > tr > th[data-name="buttons"]');
    await options.locator('#crmx-adapter-placement').selectOption(placement);
    await expect.poll(() => options.locator('#crmx-adapter-menuCell').count()).toBe(placement === 'column' ? 0 : 1);
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
  };

  it('rows found with no customer id read: the page says so, naming the setting, and draws no controls', async () => {
    await configureEspo('column');
    await options.locator('#crmx-adapter-idAttribute').fill('data-record-id');
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();
    const page = await openEspoForm();
    await page.locator('[data-crmx-notice]').filter({ hasText: 'could not read their customer ids. Check “Where the customer id is”' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('tr.list-row crmx-row-menu').count()).toBe(0);
    await page.close();
  });

  it('in EspoCRM\'s 25 px buttons cell our controls are hidden, and the page says so, naming the setting', async () => {
    await configureEspo('cell');
    const page = await openEspoForm();
    await page.waitForFunction(() => document.querySelectorAll('tr.list-row td[data-name="buttons"] crmx-row-menu').length === 5, undefined, { timeout: 20_000 });
    await page.locator('[data-crmx-notice]').filter({ hasText: 'buttons are hidden or covered on this page' }).filter({ hasText: '“Where our buttons go”' }).waitFor({ timeout: 20_000 });
    // Under the host's caret, or past the window's edge.
    expect((await hits(page, 'c-001')).filter((hit) => !hit.endsWith(': ours'))).not.toEqual([]);
    // Dismissed, it stays away while the user pages within the list.
    await page.locator('[data-crmx-notice] button').click();
    await page.evaluate(() => { location.hash = '#Account/list'; });
    await page.waitForFunction(() => document.querySelectorAll('tr.list-row crmx-row-menu').length === 5);
    await page.locator('[data-crmx-notice]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('in a column of their own, our controls are visible and clickable, the header box above the row boxes, and no host form is submitted', async () => {
    await configureEspo('column');
    const page = await openEspoForm();
    await page.waitForFunction(() => document.querySelectorAll('tr.list-row > td[data-crmx-cell]:first-child crmx-row-menu').length === 5, undefined, { timeout: 20_000 });
    // One column of ours, in the header too, the host's cells all still there.
    expect(await page.locator('table.table > thead > tr > th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-name') ?? (th.hasAttribute('data-crmx-cell') ? 'ours' : '?'))))
      .toEqual(['ours', 'r-checkbox', 'name', 'billingAddressCity', 'assignedUser', 'createdAt', 'buttons']);
    for (const id of IDS) {
      expect(await hits(page, id)).toEqual(['crmx-select-box: ours', 'crmx-row-menu-button: ours', 'crmx-follow-star: ours']);
    }
    // The page's box sits above the rows' boxes.
    const headerBox = (await page.locator('th[data-crmx-cell] input.crmx-select-page-box').boundingBox())!;
    const rowBox = (await page.locator('tr.list-row[data-id="c-001"] input.crmx-select-box').boundingBox())!;
    expect(Math.abs(headerBox.x + headerBox.width / 2 - (rowBox.x + rowBox.width / 2))).toBeLessThan(rowBox.width / 2);
    expect(headerBox.y + headerBox.height).toBeLessThanOrEqual(rowBox.y);
    expect(await page.locator('[data-crmx-notice]').count()).toBe(0);

    // Real clicks at the controls' centres: each does its own thing, and nothing of the host's.
    await heard(page);
    const star = 'tr.list-row[data-id="c-002"] button.crmx-follow-star';
    const { x, y } = await centre(page, star);
    await page.mouse.click(x, y);
    await expect.poll(() => page.locator(star).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-admin', '/follows')).body.customerIds).toContain('c-002');
    const box = await centre(page, 'tr.list-row[data-id="c-003"] input.crmx-select-box');
    await page.mouse.click(box.x, box.y);
    expect(await page.locator('tr.list-row[data-id="c-003"] input.crmx-select-box').isChecked()).toBe(true);
    const more = await centre(page, 'tr.list-row[data-id="c-004"] button.crmx-row-menu-button');
    await page.mouse.click(more.x, more.y);
    await page.locator('[role=menu].crmx-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[role=menu].crmx-menu').waitFor({ state: 'detached' });
    expect(await heard(page)).toEqual([]);
    expect(await submits(page)).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/espo-form/');
    await page.close();
  });

  it('a user\'s double-click, mousedown, right-click or key on our star and [···] reaches none of the host\'s listeners', async () => {
    await configureEspo('column');
    const page = await openEspoForm();
    await page.waitForFunction(() => document.querySelectorAll('tr.list-row > td[data-crmx-cell] crmx-row-menu').length === 5, undefined, { timeout: 20_000 });
    // The host's listeners hear a double-click on its own cell (the test can see them).
    const name = await centre(page, 'tr.list-row[data-id="c-002"] td[data-name="billingAddressCity"]');
    await page.mouse.dblclick(name.x, name.y);
    expect(await heard(page)).toEqual(expect.arrayContaining(['table:dblclick', 'document:dblclick', 'table:mousedown']));
    for (const control of ['button.crmx-follow-star', 'button.crmx-row-menu-button']) {
      const at = await centre(page, `tr.list-row[data-id="c-002"] ${control}`);
      await page.mouse.dblclick(at.x, at.y);
      await page.mouse.down();
      await page.mouse.up();
      await page.mouse.click(at.x, at.y, { button: 'right' });
      await page.keyboard.press('Escape');
      await page.locator(`tr.list-row[data-id="c-002"] ${control}`).focus();
      await page.keyboard.press('x');
      await page.keyboard.press('Escape');
      expect(await heard(page), control).toEqual([]);
    }
    expect(await submits(page)).toBe(0);
    await page.close();
  });
});
