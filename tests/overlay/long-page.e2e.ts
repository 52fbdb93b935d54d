// A 5,000-row host page: every row has its room reserved at once, the rows near the view get exactly one
// menu and one box, rows further down get theirs when scrolled to, and nothing on the page moves.
// (Page-wide work done once per row made this quadratic: the page never finished decorating.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLargeSeed } from '../fixtures/seed-large';
import { startScenario, type Scenario } from '../harness/scenario';

const N = 5000;

describe('a 5,000-row page', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(N), token: 'tok-rep', args: ['--rate-limit', '0'] });
  });
  afterAll(async () => s?.close());

  it('decorates the rows near the view once each, the others when scrolled to, without moving the host\'s content', async () => {
    const page = await s.openCustomers(`?pageSize=${N}`);
    await page.getByText(`Showing 1–${N} of ${N}`).waitFor();
    await page.locator('#customer-table tbody tr').first().locator('button.crmx-row-menu-button').waitFor();
    const census = () => page.evaluate(() => {
      const rows = [...document.querySelectorAll('#customer-table tbody tr')];
      const drawn = (r: Element) => r.querySelector('crmx-row-menu')?.shadowRoot?.querySelectorAll('button.crmx-row-menu-button').length ?? 0;
      const linkLeft = (r: Element) => Math.round(r.querySelector('td.col-name a')!.getBoundingClientRect().left);
      const inView = rows.filter((r) => { const { top, bottom } = r.getBoundingClientRect(); return bottom > 0 && top < innerHeight; });
      return {
        rows: rows.length,
        reserved: rows.filter((r) => getComputedStyle(r.firstElementChild!).textIndent === '74px').length,
        slotsPerRow: Math.max(...rows.map((r) => r.querySelectorAll('crmx-row-menu').length)),
        drawn: rows.filter((r) => drawn(r) === 1).length,
        inViewDrawn: inView.length > 0 && inView.every((r) => drawn(r) === 1),
        linkLefts: [...new Set(rows.map(linkLeft))],
        slotClearOfLink: inView.every((r) => r.querySelector('crmx-row-menu')!.getBoundingClientRect().right <= r.querySelector('td.col-name a')!.getBoundingClientRect().left),
      };
    });
    const top = await census();
    expect(top).toMatchObject({ rows: N, reserved: N, slotsPerRow: 1, inViewDrawn: true, slotClearOfLink: true });
    expect(top.linkLefts).toHaveLength(1);
    expect(top.drawn).toBeLessThan(N / 10);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('#customer-table tbody tr').last().locator('button.crmx-row-menu-button').waitFor();
    const bottom = await census();
    expect(bottom).toMatchObject({ rows: N, reserved: N, slotsPerRow: 1, inViewDrawn: true, slotClearOfLink: true });
    expect(bottom.linkLefts).toEqual(top.linkLefts);
    expect(bottom.drawn).toBeGreaterThan(top.drawn);
    expect(bottom.drawn).toBeLessThan(N / 5);
  });

  it('draws a far row\'s controls when the keyboard reaches it, in the tab order before its name', async () => {
    const page = await s.openCustomers(`?pageSize=${N}`);
    await page.getByText(`Showing 1–${N} of ${N}`).waitFor();
    await page.locator('#customer-table tbody tr').first().locator('button.crmx-row-menu-button').waitFor();
    const far = page.locator('#customer-table tbody tr').nth(2500);
    expect(await far.locator('crmx-row-menu').count()).toBe(0);
    await far.locator('td.col-name a').focus();
    await far.locator('button.crmx-follow-star').waitFor();
    await page.keyboard.press('Shift+Tab');
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.className;
    });
    expect(focused).toBe('crmx-follow-star');
  });
});
