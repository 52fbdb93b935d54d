// The SuiteCRM page adapter (lib/host/adapters/suitecrm.ts) on SuiteCRM's real Accounts list in Chromium:
// the adapter and the row controls are bundled and run in the page as the content script runs them.
// Checked: the pages it matches (plain URL, AjaxUI, the bare index.php of a paging POST), 20 rows whose ids
// are SuiteCRM's own checkbox values, the next 20 after a real "next page" (a full form POST), the list
// arriving later through AjaxUI, and our controls beside SuiteCRM's own without triggering its handlers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPlainChromium } from '../harness/browser';

const { crm } = inject('suitecrm');
const REPO = resolve(import.meta.dirname, '../..');
const PAGE_SIZE = 20;
const LIST_URL = `${crm.url}/index.php?module=Accounts&action=index`;
const AJAX_URL = `${crm.url}/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex`;

/** What the page says through the adapter, and what SuiteCRM's own markup says, read separately. */
interface PageReport {
  matches: boolean;
  ids: Array<string | null>;
  names: string[];
  /** SuiteCRM's own: the values its mass actions submit, in table order. */
  checkboxes: string[];
  menuCellsHoldCheckbox: boolean;
  headerCellAboveCheckboxes: boolean;
  pageNumbers: string;
}

// Exposed on the page as globalThis.crmxTest; no extension APIs: the features get a background that never answers.
const ENTRY = `
import { suitecrmAdapter as adapter } from './lib/host/adapters/suitecrm';
import { observeRows } from './lib/host/observe-rows';
import { startFeatures } from './entrypoints/crm-page/feature';
import { rowSlotFeature } from './entrypoints/crm-page/row-slot';
import { selectionFeature } from './entrypoints/crm-page/features/selection';
import { rowMenuFeature } from './entrypoints/crm-page/features/row-menu';
import { followStarFeature } from './entrypoints/crm-page/features/follow';
import { createOverlayState } from './lib/ui/state';
import { createChangeFeed } from './lib/ui/changes';

const rows = () => [...document.querySelectorAll(adapter.selectors.row)];
const never = () => new Promise(() => {});

globalThis.crmxTest = {
  report() {
    const table = document.querySelector('form#MassUpdate table.list.view');
    const header = adapter.headerCell(document);
    return {
      matches: adapter.matchesPage(new URL(location.href), document),
      ids: rows().map((row) => adapter.rowId(row)),
      names: rows().map((row) => adapter.rowName(row)),
      checkboxes: [...(table?.querySelectorAll('tbody input[type=checkbox][name="mass[]"]') ?? [])].map((box) => box.value),
      menuCellsHoldCheckbox: rows().every((row) => adapter.menuCell(row)?.querySelector('input[name="mass[]"]')),
      headerCellAboveCheckboxes: !!header && rows().every((row) => {
        const a = header.getBoundingClientRect();
        const b = adapter.menuCell(row).getBoundingClientRect();
        return Math.abs(a.left - b.left) < 1 && Math.abs(a.right - b.right) < 1;
      }),
      pageNumbers: document.querySelector('.pageNumbers')?.textContent?.trim() ?? '',
    };
  },
  /** Rows handed out by the row observer from now on, as the content script gets them. */
  observe() {
    const seen = [];
    const startedWith = rows().length;
    const signal = new AbortController().signal;
    observeRows({ root: document, rowSelector: adapter.selectors.row, signal })
      .subscribe('test', (row) => seen.push(adapter.rowId(row)), signal, { eager: true });
    return { startedWith, seen, container: () => !!adapter.container(document) };
  },
  async startControls() {
    const signal = new AbortController().signal;
    const api = { request: never, getDecisions: never, toggleFollow: never, getFollowed: never };
    const ctx = {
      signal, document, adapter, api,
      rows: observeRows({ root: document, rowSelector: adapter.selectors.row, signal }),
      state: createOverlayState(), changes: createChangeFeed(), dialogs: { load: never },
    };
    return startFeatures([rowSlotFeature, selectionFeature, rowMenuFeature, followStarFeature], ctx, () => {});
  },
};
`;

let script = '';
let context: BrowserContext;
let page: Page;

const report = (): Promise<PageReport> => page.evaluate('crmxTest.report()') as Promise<PageReport>;
const inject_ = () => page.addScriptTag({ content: script });

/** "(21 - 40 of 63)" → [21, 40, 63]. */
function pageNumbers(text: string): number[] {
  const m = /\((\d+)\s*-\s*(\d+)\s+of\s+(\d+)\+?\)/.exec(text);
  if (!m) throw new Error(`no page numbers in "${text}"`);
  return m.slice(1).map(Number);
}

beforeAll(async () => {
  const bundled = await build({
    stdin: { contents: ENTRY, resolveDir: REPO, loader: 'ts' },
    bundle: true, format: 'iife', write: false, target: 'chrome120', jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
  });
  script = bundled.outputFiles[0].text;
  context = await launchPlainChromium();
  page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${crm.url}/index.php?module=Users&action=Login`);
  await page.fill('#user_name', crm.adminUser);
  await page.fill('#username_password', crm.adminPassword);
  await Promise.all([page.waitForURL((url) => !/action=Login/.test(url.search)), page.click('#bigbutton')]);
});

afterAll(async () => {
  await context?.close();
});

describe('the SuiteCRM adapter on SuiteCRM\'s Accounts list', () => {
  it('reads 20 rows whose ids are SuiteCRM\'s checkbox values, and the next 20 after a paging POST', async () => {
    await page.goto(LIST_URL);
    await inject_();
    const first = await report();
    const [from, to, total] = pageNumbers(first.pageNumbers);
    expect([from, to]).toEqual([1, PAGE_SIZE]);
    expect(total).toBeGreaterThan(2 * PAGE_SIZE);
    expect(first.matches).toBe(true);
    expect(first.ids).toHaveLength(PAGE_SIZE);
    expect(first.ids).toEqual(first.checkboxes);
    expect(new Set(first.ids).size).toBe(PAGE_SIZE);
    expect(first.names.every((name) => name.length > 0)).toBe(true);
    expect(first.menuCellsHoldCheckbox).toBe(true);
    expect(first.headerCellAboveCheckboxes).toBe(true);

    // SuiteCRM's own "next" button: it sets the offset in form#MassUpdate and submits it.
    const post = page.waitForRequest((request) => request.isNavigationRequest());
    await Promise.all([page.waitForEvent('load'), page.click('#listViewNextButton_top')]);
    expect((await post).method()).toBe('POST');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/index.php');
    await inject_();
    const second = await report();
    expect(second.matches).toBe(true);
    expect(pageNumbers(second.pageNumbers)).toEqual([PAGE_SIZE + 1, 2 * PAGE_SIZE, total]);
    expect(second.ids).toHaveLength(PAGE_SIZE);
    expect(second.ids).toEqual(second.checkboxes);
    expect(second.ids.filter((id) => first.ids.includes(id))).toEqual([]);
  });

  it('finds the list AjaxUI puts into #content after the page loaded', async () => {
    await page.goto(`${crm.url}/index.php?module=Home&action=index`);
    // Start observing before SuiteCRM's AjaxUI fetches the list (as early as a content script could).
    await page.addInitScript({ content: `${script};document.addEventListener('DOMContentLoaded', () => { globalThis.crmxObserved = crmxTest.observe(); globalThis.crmxMatched = crmxTest.report().matches; });` });
    await page.goto(AJAX_URL);
    await page.waitForFunction(`globalThis.crmxObserved?.seen.length >= ${PAGE_SIZE}`);
    const observed = await page.evaluate(`({ startedWith: crmxObserved.startedWith, seen: crmxObserved.seen, container: crmxObserved.container(), matched: crmxMatched })`) as {
      startedWith: number; seen: string[]; container: boolean; matched: boolean;
    };
    expect(observed.matched).toBe(true);
    expect(observed.startedWith).toBe(0);
    expect(observed.container).toBe(true);
    const now = await report();
    expect(new URL(page.url()).hash).toMatch(/^#ajaxUILoc=/);
    expect(observed.seen).toEqual(now.checkboxes);
    expect(now.ids).toEqual(now.checkboxes);
  });
});

describe('our controls beside SuiteCRM\'s own', () => {
  it('sit in the checkbox cell, visible and uncovered, and a click or double-click on them reaches none of SuiteCRM\'s handlers', async () => {
    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1366, height: 900 });
    page = fresh;
    await page.goto(LIST_URL);
    await inject_();
    expect(await page.evaluate('crmxTest.startControls()')).toEqual([]);
    const firstRow = page.locator('form#MassUpdate table.list.view > tbody > tr').first();
    const slot = firstRow.locator('crmx-row-menu');
    const ours = {
      box: slot.locator('input[type=checkbox]'),
      menu: slot.locator('button.crmx-row-menu-button'),
      star: slot.locator('button').last(),
    };
    const theirs = firstRow.locator('input[name="mass[]"]');
    await ours.menu.waitFor();

    // Each control's centre hits that control (and SuiteCRM's checkbox is still its own), inside the table.
    const hits = await page.evaluate(`(() => {
      const row = document.querySelector('form#MassUpdate table.list.view > tbody > tr');
      const host = row.querySelector('crmx-row-menu');
      const table = row.closest('table').getBoundingClientRect();
      const at = (el) => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.left >= table.left && r.right <= table.right]; };
      const out = {};
      for (const el of host.shadowRoot.querySelectorAll('input, button')) {
        const [x, y, inside] = at(el);
        out[el.className || el.type] = host.shadowRoot.elementFromPoint(x, y) === el && inside;
      }
      const box = row.querySelector('input[name="mass[]"]');
      const [x, y, inside] = at(box);
      out.suitecrmCheckbox = document.elementFromPoint(x, y) === box && inside;
      return out;
    })()`) as Record<string, boolean>;
    expect(Object.keys(hits)).toHaveLength(4);
    expect(Object.entries(hits).filter(([, hit]) => !hit)).toEqual([]);

    let navigated = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigated = true;
    });
    // SuiteCRM opens its inline editor inside its dblclick handler (synchronous AJAX): none can be on its way.
    const suitecrm = async () => ({ navigated, ...(await page.evaluate(`({
      inlineEditing: typeof clickListenerActive !== 'undefined' && clickListenerActive === true,
      editors: document.querySelectorAll('form#MassUpdate td.inlineEditActive').length,
      theirsChecked: document.querySelector('form#MassUpdate tbody input[name="mass[]"]').checked,
      selectedCount: document.querySelector('#selectCountTop')?.value,
    })`) as object) });
    const untouched = { inlineEditing: false, editors: 0, theirsChecked: false, selectedCount: '0', navigated: false };
    const gestures: Array<[string, () => Promise<void>]> = [
      ['click on our box', () => ours.box.click({ timeout: 5000 })],
      ['double-click on our [···]', () => ours.menu.dblclick({ timeout: 5000 })],
      ['double-click on our star', () => ours.star.dblclick({ timeout: 5000 })],
      ['double-click on our box', () => ours.box.dblclick({ timeout: 5000 })],
    ];
    for (const [gesture, act] of gestures) {
      await act();
      expect(await suitecrm(), gesture).toEqual(untouched);
    }
    // Our selection box toggled three times (a click, then a double-click = two clicks): checked.
    expect(await ours.box.isChecked()).toBe(true);
    await expect(theirs.isChecked()).resolves.toBe(false);

    // The same gesture on one of SuiteCRM's own editable cells does start its inline editing: the check above can fail.
    await firstRow.locator('td.inlineEdit[field="billing_address_city"]').dblclick();
    expect(await page.evaluate(`document.querySelectorAll('form#MassUpdate td.inlineEditActive[field="billing_address_city"]').length`)).toBe(1);
  });
});
