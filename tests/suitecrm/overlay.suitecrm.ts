// The overlay end to end on SuiteCRM's own Accounts list, in Chromium with the built extension connected
// through its options page as a seeded SuiteCRM user (and SuiteCRM's UI signed in as the same user). Each
// action is checked afterwards in SuiteCRM's own records through V8: its favourites, the account's fields,
// its Security Groups and its history (the overlay's Notes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsWhere, seed, v8 } from './helpers';
import {
  account, controlsOnEveryRow, dialog, menu, menuItem, openMenu, overlayNotes, row, rows, runItem, securityGroups,
  startOverlay, toast, type Overlay,
} from './overlay-helpers';

const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const managerAccounts = accountsWhere((a) => a.assignedUserId === seed.users.manager.id);
/** "CRMX 0007": the start of the account's name, for SuiteCRM's basic search. */
const nameStart = (name: string) => name.split(' ').slice(0, 2).join(' ');

describe('the overlay on SuiteCRM\'s Accounts list, as a rep', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('puts our controls on every row; the row menu offers the seed\'s items with reasons; details open on a click', async () => {
    const page = await o.openAccounts();
    const ids = await rows(page).locator('input[name="mass[]"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(ids.length).toBe(20);
    expect(await controlsOnEveryRow(page)).toBe(ids.length);
    expect(await page.locator('crmx-row-menu').count()).toBe(ids.length);

    // Their own account: every rep's item allowed, delete refused with the rule and whom to ask.
    const own = rep1Accounts[0];
    const mine = await o.openAccounts(nameStart(own.name));
    await openMenu(mine, own.id);
    const items = await menu(mine).locator('[role=menuitem]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-crmx-item'), el.getAttribute('aria-disabled')]));
    expect(items.map(([id]) => id)).toEqual(expect.arrayContaining(['view', 'edit', 'delete', 'returnToPool', 'share', 'log', 'follow']));
    for (const item of ['view', 'edit', 'returnToPool', 'share', 'log', 'follow']) {
      expect(await menuItem(mine, item).getAttribute('aria-disabled'), item).not.toBe('true');
    }
    expect(await menuItem(mine, 'delete').getAttribute('aria-disabled')).toBe('true');
    expect(await menuItem(mine, 'delete').locator('.crmx-menu-reason').textContent()).toMatch(/^Only administrators may do this\. Ask an administrator \(.*Ada Admin.*\)\.$/);
    await mine.keyboard.press('Escape');
    await menu(mine).waitFor({ state: 'detached' });

    // Another rep's account (the manager's, shared with rep1's department North): seen, but not theirs to edit.
    const other = managerAccounts[0];
    const theirs = await o.openAccounts(nameStart(other.name));
    await openMenu(theirs, other.id);
    expect(await menuItem(theirs, 'view').getAttribute('aria-disabled')).not.toBe('true');
    expect(await menuItem(theirs, 'follow').getAttribute('aria-disabled')).not.toBe('true');
    for (const item of ['edit', 'share', 'delete', 'returnToPool']) {
      expect(await menuItem(theirs, item).getAttribute('aria-disabled'), item).toBe('true');
      expect((await menuItem(theirs, item).locator('.crmx-menu-reason').textContent())?.length, item).toBeGreaterThan(10);
    }
    expect(await menuItem(theirs, 'edit').locator('.crmx-menu-reason').textContent()).toBe('You need the right to edit this customer. Ask your manager (Minh Manager).');
    expect(await menuItem(theirs, 'returnToPool').locator('.crmx-menu-reason').textContent()).toMatch(/^Only the pool administrator or the account executive may do this\./);
    await theirs.keyboard.press('Escape');

    // A click in the row, away from SuiteCRM's links (the name, the tel: phone, the user), opens our details.
    await row(theirs, other.id).locator('td[field="billing_address_city"]').click({ position: { x: 4, y: 4 } });
    const panel = theirs.locator('.crmx-details');
    await panel.locator('h2').filter({ hasText: other.name }).waitFor();
    await panel.locator('[data-crmx-field=code] dd').getByText(other.code).waitFor();
    await expect(panel.locator('[data-crmx-action=edit]').getAttribute('aria-disabled')).resolves.toBe('true');
    await theirs.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    for (const p of [page, mine, theirs]) await p.close();
  });
});
