// A hostile host page, part two: CSS that fades or covers our confirmation so a real click lands on it
// unseen, and huge, malformed DOM with forged ids. None may cause an action, and the page's good rows
// keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, auditCount } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { dialog, menuItem, openCustomer, openMenu, runItem } from '../overlay/overlay-helpers';

/** A real (trusted) mouse click at the middle of the delete dialog's confirm button, whatever the page painted there. */
async function clickWhereConfirmIs(page: Page): Promise<void> {
  const box = (await dialog(page, 'delete').locator('[data-crmx-confirm]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('a hostile host page: CSS and DOM', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  it.each([
    // (Our host element resets every property with `all: initial !important`, which beats the page's own
    // !important: the page can only fade an ancestor.)
    ['fades the whole page, our dialog with it, to almost nothing', 'body { opacity: 0.02 !important; }', ''],
    ['covers the confirmation with a decoy that lets clicks through', '',
      '<div id="decoy" style="position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:32px sans-serif">Click anywhere to continue</div>'],
  ])('a page that %s cannot get a delete confirmed by a real click', async (_what, css, html) => {
    const page = await openCustomer(s, 'KH0010');
    await runItem(page, 'c-010', 'delete');
    await dialog(page, 'delete').locator('[data-crmx-confirm]:not([disabled])').waitFor();
    const before = await auditCount(s.crm);
    await page.evaluate(({ css, html }) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      document.body.insertAdjacentHTML('beforeend', html);
    }, { css, html });
    await clickWhereConfirmIs(page);
    await dialog(page, 'delete').getByText(/covers or hides|che hoặc ẩn/).waitFor();
    expect((await api(s.crm, 'tok-admin', '/customers/c-010')).status).toBe(200);
    expect(await auditCount(s.crm)).toBe(before);

    // Once the page stops hiding it, the same real click confirms.
    await page.evaluate(() => {
      document.querySelectorAll('head > style:last-of-type, #decoy').forEach((el) => el.remove());
    });
    await dialog(page, 'delete').locator('[data-crmx-confirm]:not([disabled])').waitFor();
    await clickWhereConfirmIs(page);
    await dialog(page, 'delete').waitFor({ state: 'detached' });
    await expect.poll(async () => (await api(s.crm, 'tok-admin', '/customers/c-010')).status).toBe(404);
    expect((await api(s.crm, 'tok-admin', '/customers/c-010/restore', { method: 'POST' })).status).toBe(200);
    await page.close();
  });

  it('huge and malformed rows with forged ids cause no action, inject nothing, and the real rows still work', async () => {
    const page = await openCustomer(s, 'KH0007');
    const before = await auditCount(s.crm);
    const forged = [
      '"><img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', 'c-001/../../admin',
      'c-0\u0000\u202e01', 'x'.repeat(20_000), '%E0%A4%A', 'c-001?delete=1', '', ' ',
    ];
    await page.evaluate((ids) => {
      const tbody = document.querySelector('#customer-table tbody')!;
      const template = tbody.querySelector('tr.dt-row')!;
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < 5_000; i++) {
        const tr = template.cloneNode(true) as HTMLTableRowElement;
        tr.querySelectorAll('crmx-row-menu, [data-crmx-slot]').forEach((el) => el.remove());
        const link = tr.querySelector<HTMLAnchorElement>('td.col-name a');
        if (i % 3 === 0) link?.remove(); // a row without the id link
        else link!.setAttribute('href', `/customers/${ids[i % ids.length]}`);
        if (i % 7 === 0) tr.innerHTML += '<td><table><tr class="dt-row"><td class="col-name"><a href="/customers/c-002">nested</a></td></tr></table>'.repeat(3);
        fragment.append(tr);
      }
      // 800 levels: Chromium's own renderer crashes near 3,000 with or without the extension.
      let deep: HTMLElement = document.createElement('div');
      const top = deep;
      for (let d = 0; d < 800; d++) deep = deep.appendChild(document.createElement('div'));
      deep.innerHTML = '<tr class="dt-row"><td class="col-name"><a href="/customers/c-003">out of place</a></td></tr><p><b><i>unclosed';
      // One well-formed row for a customer not shown before, in the same burst as the malformed ones.
      const good = template.cloneNode(true) as HTMLTableRowElement;
      good.querySelectorAll('crmx-row-menu, [data-crmx-slot]').forEach((el) => el.remove());
      good.querySelector('td.col-name a')!.setAttribute('href', '/customers/c-030');
      fragment.append(good);
      tbody.append(fragment);
      document.body.append(top);
    }, forged);

    // Decisions still arrive for the good rows: the one that was there and the one that came with the junk.
    for (const id of ['c-007', 'c-030']) {
      await openMenu(page, id);
      await expect(menuItem(page, 'delete').getAttribute('aria-disabled')).resolves.not.toBe('true');
      await page.keyboard.press('Escape');
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await auditCount(s.crm)).toBe(before);
    expect((await api(s.crm, 'tok-admin', '/customers/c-001')).status).toBe(200);
    await page.close();
  });
});
