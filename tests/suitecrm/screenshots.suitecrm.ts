// The README's pictures of the overlay on SuiteCRM's Accounts list, taken from the real page with the built
// extension, each after checking that it shows what its caption says. They go to .output/suitecrm/screenshots;
// `npm run suitecrm:screenshots` writes them where the README shows them from (CRMX_SCREENSHOTS_DIR).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsWhere, seed } from './helpers';
import { batchBar, menu, openMenu, row, rows, startOverlay, type Overlay } from './overlay-helpers';

const dir = resolve(process.env.CRMX_SCREENSHOTS_DIR ?? resolve(import.meta.dirname, '../../.output/suitecrm/screenshots'));
const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);

describe('pictures of the overlay on SuiteCRM', () => {
  let o: Overlay;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('the row menu beside SuiteCRM\'s own columns, the details panel, and the batch bar', async () => {
    const page = await o.openAccounts('CRMX 000');
    await page.setViewportSize({ width: 1280, height: 720 });
    const own = rep1Accounts[1];
    await openMenu(page, own.id);
    await expect(menu(page).locator('[role=menuitem]').count()).resolves.toBeGreaterThanOrEqual(7);
    await page.screenshot({ path: join(dir, 'suitecrm-row-menu.png') });
    await page.keyboard.press('Escape');
    await menu(page).waitFor({ state: 'detached' });

    await row(page, own.id).locator('td[field="billing_address_city"]').click({ position: { x: 4, y: 4 } });
    const panel = page.locator('.crmx-details');
    await panel.locator('h2').filter({ hasText: own.name }).waitFor();
    await panel.locator('[data-crmx-field=code] dd').getByText(own.code).waitFor();
    await page.screenshot({ path: join(dir, 'suitecrm-details.png') });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    const chosen = await rows(page).locator('input[name="mass[]"]').evaluateAll((boxes) => boxes.slice(0, 3).map((b) => (b as HTMLInputElement).value));
    for (const id of chosen) await row(page, id).locator('input.crmx-select-box').click();
    await batchBar(page).locator('[data-crmx-selected-count="3"]').waitFor();
    await page.screenshot({ path: join(dir, 'suitecrm-batch-bar.png') });
    await page.close();
  });
});
