// Issue 14 §9: no floating control of ours covers another, in English and Vietnamese, at 1280×720 and
// 1440×900 — with the batch bar (a finished job's summary and Undo in it), the details panel, a toast
// with its Restore action and the list's tabs all on screen at once. Checked by a hit test at the
// centre of every control: the element there must be the control itself.
// Issue 18 §8: nor does anything of ours cover the host's own content — its header's Sign out, the row
// names above the bar, and (scrolled to the end) its footer's page size and paging above the bar.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { dialog, row, runItem, toast } from './overlay-helpers';

/** Every visible control in our floating UI and the list tabs that is not at the centre of its own box. */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hosts = ['crmx-overlay', 'crmx-batch-bar', 'crmx-views'];
    const deepest = (x: number, y: number): Element | null => {
      let el = document.elementFromPoint(x, y);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el;
    };
    const name = (el: Element) => `${el.closest('[class]')?.getAttribute('class') ?? el.localName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
    const problems: string[] = [];
    for (const hostName of hosts) {
      const root = document.querySelector(hostName)?.shadowRoot;
      if (!root) continue;
      for (const control of root.querySelectorAll<HTMLElement>('button, input, select, textarea, [role=tab], a[href]')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
        // Scrolled out of its own panel is not covered by another control.
        let clipped = false;
        for (let up = control.parentElement; up; up = up.parentElement) {
          if (getComputedStyle(up).overflowY === 'visible') continue;
          const r = up.getBoundingClientRect();
          if (y < r.top || y > r.bottom || x < r.left || x > r.right) clipped = true;
        }
        if (clipped) continue;
        const hit = deepest(x, y);
        if (hit !== control && !control.contains(hit)) problems.push(`${hostName}: ${name(control)} is under ${hit ? name(hit) : 'nothing'}`);
      }
    }
    return problems;
  });
}

/**
 * The host's controls and row names that something else is drawn over. The header and the rows are
 * checked at the top of the page, the footer and the last row once the page is scrolled to its end; a
 * row scrolled under the bar is not covered for good, so rows are checked above the bar's top.
 */
function coveredHostContent(page: Page, where: 'top' | 'end'): Promise<string[]> {
  return page.evaluate(async (at) => {
    scrollTo(0, at === 'top' ? 0 : document.scrollingElement!.scrollHeight);
    // Our panels follow a scroll in the next frame.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const deepest = (x: number, y: number): Element | null => {
      let el = document.elementFromPoint(x, y);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el;
    };
    const barTop = document.querySelector('crmx-batch-bar')?.shadowRoot?.querySelector('.crmx-batch')?.getBoundingClientRect().top ?? innerHeight;
    const names = [...document.querySelectorAll<HTMLElement>('#customer-table > tbody > tr > td.col-name a')];
    const targets = at === 'top'
      ? [...document.querySelectorAll<HTMLElement>('header .sign-out'), ...names]
      : [...document.querySelectorAll<HTMLElement>('#page-size, #page-prev, #page-next'), names[names.length - 1]];
    const problems: string[] = [];
    let checked = 0;
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      const x = box.left + Math.min(box.width / 2, 40);
      const y = box.top + box.height / 2;
      if (box.width === 0 || y < 0 || y > innerHeight) {
        if (at === 'end' || target.matches('.sign-out')) problems.push(`${target.id || target.textContent} is out of the window`);
        continue;
      }
      // Hit-testing is in whole pixels: a centre less than a pixel above the bar's top is hit as the bar.
      if (!target.matches('.sign-out') && at === 'top' && y > barTop - 1) continue;
      checked += 1;
      const hit = deepest(x, y);
      if (hit !== target && !target.contains(hit)) {
        problems.push(`${target.id || target.textContent} is under ${hit ? `${hit.localName}.${hit.getAttribute('class') ?? ''} "${(hit.textContent ?? '').trim().slice(0, 40)}"` : 'nothing'}`);
      }
    }
    if (checked < (at === 'top' ? 4 : 4)) problems.push(`only ${checked} host elements were in the window to check`);
    return problems;
  }, where);
}

describe('our floating controls never cover one another', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  const rounds = [
    { language: 'en', width: 1280, height: 720, deleted: 'c-021', follow: ['c-022', 'c-023'] },
    { language: 'en', width: 1440, height: 900, deleted: 'c-024', follow: ['c-025', 'c-026'] },
    { language: 'vi', width: 1280, height: 720, deleted: 'c-027', follow: ['c-028', 'c-029'] },
    { language: 'vi', width: 1440, height: 900, deleted: 'c-030', follow: ['c-031', 'c-032'] },
  ] as const;

  it.each(rounds)('$language at $width×$height', async ({ language, width, height, deleted, follow }) => {
    await options.locator('#crmx-language').selectOption(language);
    const page = await s.openCustomers('?pageSize=100');
    await page.setViewportSize({ width, height });
    await row(page, follow[0]).locator('button.crmx-row-menu-button').waitFor();

    // A finished batch job: its summary (and Undo) stays in the bar.
    for (const id of follow) await row(page, id).locator('input.crmx-select-box').click();
    await page.locator('[data-crmx-batch-action=follow]').click();
    const batch = page.locator('[role=dialog][data-crmx-dialog=batch-follow]');
    await batch.locator('[data-crmx-confirm]:not([disabled])').click();
    await page.locator('[data-crmx-job-status=done]').waitFor();
    // A second one: the bar keeps one finished job's card, the newest, not a pile of them.
    const first = await page.locator('[data-crmx-job-status=done]').getAttribute('data-crmx-job');
    await row(page, follow[0]).locator('input.crmx-select-box').click();
    await page.locator('[data-crmx-batch-action=unfollow]').click();
    await page.locator('[role=dialog][data-crmx-dialog=batch-unfollow] [data-crmx-confirm]:not([disabled])').click();
    await expect.poll(() => page.locator('[data-crmx-job]').evaluateAll((cards, firstId) =>
      cards.map((c) => `${c.getAttribute('data-crmx-job-status')}${c.getAttribute('data-crmx-job') === firstId ? ' (first)' : ''}`), first), { timeout: 15_000 }).toEqual(['done']);

    // A toast with an action: a delete with Restore.
    await runItem(page, deleted, 'delete');
    await dialog(page, 'delete').locator('[data-crmx-confirm]:not([disabled])').click();
    await toast(page).locator('[data-crmx-toast-action]').waitFor();

    // A selection (the bar's actions) and the details panel.
    for (const id of follow) await row(page, id).locator('input.crmx-select-box').click();
    await page.locator('[data-crmx-batch-action=share]').waitFor();
    await row(page, follow[1]).locator('td.col-code').click();
    await page.locator('.crmx-details [data-crmx-action=log]').waitFor();

    expect(await coveredControls(page)).toEqual([]);
    // The host's header, rows and footer stay in reach; the details' actions sit in one row, with no
    // internal version among its fields.
    expect(await coveredHostContent(page, 'top')).toEqual([]);
    const actionTops = await page.locator('.crmx-details [data-crmx-action]').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(actionTops.length).toBeGreaterThan(1);
    expect(new Set(actionTops).size).toBe(1);
    await expect(page.locator('.crmx-details [data-crmx-field=version]').count()).resolves.toBe(0);
    await expect(page.locator('.crmx-details .crmx-details-fields').innerText()).resolves.not.toMatch(/Version|Phiên bản/);
    // The details panel is a side panel over the page's right (closed with ×); with it closed, the footer
    // scrolls above the bar and its finished job's card.
    await page.locator('.crmx-details .crmx-details-close').click();
    await page.locator('.crmx-details').waitFor({ state: 'detached' });
    expect(await coveredHostContent(page, 'end')).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    // And each of them still takes a real click: the bar's first action opens its dialog.
    await page.locator('[data-crmx-batch-action=share]').click();
    await page.locator('[role=dialog][data-crmx-dialog=batch-share]').waitFor();
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('the pool opens as a modal dialog over the page, not inside the list\'s toolbar', async () => {
    await options.locator('#crmx-language').selectOption('en');
    const page = await s.openCustomers('?pageSize=20');
    await page.locator('[data-crmx-pool-open]').click();
    const pool = page.locator('[role=dialog][data-crmx-dialog=pool]');
    await pool.waitFor();
    const covered = await page.evaluate(() => {
      const tab = document.querySelector('crmx-views')!.shadowRoot!.querySelector('[role=tab]')!.getBoundingClientRect();
      const hit = document.elementFromPoint(tab.left + tab.width / 2, tab.top + tab.height / 2);
      const box = document.querySelector('crmx-pool')!.shadowRoot!.querySelector('[role=dialog]')!.getBoundingClientRect();
      return { tabUnderBackdrop: hit?.localName === 'crmx-pool', dialogCentred: Math.abs(box.left + box.width / 2 - document.documentElement.clientWidth / 2) < 2 };
    });
    expect(covered).toEqual({ tabUnderBackdrop: true, dialogCentred: true });
    await page.keyboard.press('Escape');
    await pool.waitFor({ state: 'detached' });
    await page.close();
  });
});
