// A 5,000-row host page: every row gets exactly one menu and one box, and the page stays usable.
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

  it('decorates every row once', async () => {
    const page = await s.openCustomers(`?pageSize=${N}`);
    await page.getByText(`Showing 1–${N} of ${N}`).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('#customer-table tbody tr crmx-row-menu').length >= n, N, { timeout: 60_000 });
    const counts = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('#customer-table tbody tr')];
      return {
        rows: rows.length,
        oneMenu: rows.filter((r) => r.querySelectorAll('crmx-row-menu').length === 1 && r.querySelector('crmx-row-menu')!.shadowRoot!.querySelectorAll('button.crmx-row-menu-button').length === 1).length,
      };
    });
    expect(counts).toEqual({ rows: N, oneMenu: N });
  });
});
