// Accessibility of the overlay as an administrator (who may open every dialog): axe-core finds no
// violations in the menu, the details panel and each dialog; a keyboard-only flow opens the menu and
// a dialog and gets focus back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../harness/scenario';
import { axeViolations, dialog, menu, openCustomer, openMenu, row, runItem } from './overlay-helpers';

describe('the overlay with assistive technology in mind', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  const focused = (page: Page) => page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}.${el.className}:${el.getAttribute('data-crmx-item') ?? ''}` : '';
  });

  it('axe-core finds no violations in the menu, the details panel and every dialog', async () => {
    const page = await openCustomer(s, 'KH0059');
    await openMenu(page, 'c-059');
    expect(await axeViolations(page, '.crmx-menu')).toEqual([]);
    await page.keyboard.press('Escape');

    await row(page, 'c-059').locator('td.col-code').click();
    await page.locator('.crmx-details [data-crmx-field=code] dd').waitFor();
    expect(await axeViolations(page, '.crmx-details')).toEqual([]);
    await page.keyboard.press('Escape');

    const ready: Record<string, string> = {
      edit: '#crmx-edit-csrId', delete: '[data-crmx-confirm]', returnToPool: '#crmx-pool-reason',
      share: '[data-crmx-group=userIds] input[type=checkbox]', log: '#crmx-log-type',
    };
    for (const [kind, content] of Object.entries(ready)) {
      await runItem(page, 'c-059', kind);
      const open = dialog(page, kind);
      await open.locator(content).first().waitFor();
      await open.locator('[role=status]').filter({ hasText: 'Loading…' }).waitFor({ state: 'detached' });
      expect(await axeViolations(page, `[data-crmx-dialog=${kind}]`), kind).toEqual([]);
      await page.keyboard.press('Escape');
      await open.waitFor({ state: 'detached' });
    }
    await page.close();
  });

  it('works by keyboard alone: menu with arrows, a dialog with its focus trap, focus back on Escape', async () => {
    const page = await openCustomer(s, 'KH0060');
    await row(page, 'c-060').locator('button.crmx-row-menu-button').focus();
    await page.keyboard.press('Enter');
    await menu(page).waitFor();
    await expect.poll(() => focused(page)).toMatch(/:view$/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toMatch(/:edit$/);
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toMatch(/:follow$/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-code').waitFor();
    expect(await edit.getAttribute('aria-modal')).toBe('true');
    await expect(page.locator(`#${await edit.getAttribute('aria-labelledby')}`).textContent()).resolves.toMatch(/^Edit /);
    await expect.poll(() => focused(page)).toMatch(/^input#crmx-edit-code/);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toMatch(/crmx-dialog-close/);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toMatch(/^button.*crmx-primary/); // wrapped to the last control: Save
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatch(/crmx-dialog-close/);

    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^button.*crmx-row-menu-button/);
    await page.close();
  });
});
