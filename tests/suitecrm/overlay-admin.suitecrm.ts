// Delete on SuiteCRM's Accounts list as the CRM's administrator (crmAdmin, SuiteCRM's is_admin): from the row
// menu and for a selection, each after a confirmation naming SuiteCRM's host (and the count for a selection);
// SuiteCRM's own records then hold the accounts deleted, with the overlay's Note in their history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { accountsWhere, env, seed, v8 } from './helpers';
import { batchBar, dialog, menuItem, openMenu, overlayNotes, row, startOverlay, toast, type Overlay } from './overlay-helpers';

const host = new URL(env.crm.url).host;
const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);

/** SuiteCRM's own flag on the account (V8 no longer reads a deleted one). */
const deletedFlag = (id: string) => sql(env.crm, `SELECT deleted FROM accounts WHERE id = '${id}'`)[0]?.[0];

describe('delete on SuiteCRM as its administrator', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('crmAdmin');
  });
  afterAll(async () => o?.close());

  it('deletes from the row menu after a confirmation naming the account and SuiteCRM\'s host', async () => {
    const a = rep1Accounts[0];
    const page = await o.openAccounts('CRMX 0001');
    await openMenu(page, a.id);
    expect(await menuItem(page, 'delete').getAttribute('aria-disabled')).not.toBe('true');
    await menuItem(page, 'delete').click();
    const confirm = dialog(page, 'delete');
    await confirm.locator('h2', { hasText: `Delete ${a.name} (${a.code})?` }).waitFor();
    await expect(confirm.locator('.crmx-confirm-text').textContent()).resolves.toContain(`${a.name} (${a.code}) from the CRM at ${host}`);
    expect(deletedFlag(a.id)).toBe('0');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await toast(page).filter({ hasText: `Customer deleted: ${a.name}.` }).waitFor();
    await row(page, a.id).waitFor({ state: 'hidden' });

    expect(deletedFlag(a.id)).toBe('1');
    expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status).not.toBe(200);
    expect((await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Delete customer')).toHaveLength(1);
    await page.close();
  });

  it('deletes the selected rows after a confirmation naming SuiteCRM\'s host and the count', async () => {
    const chosen = rep1Accounts.slice(4, 6); // CRMX 0011, 0012
    const page = await o.openAccounts('CRMX 001');
    for (const a of chosen) await row(page, a.id).locator('input.crmx-select-box').click();
    await batchBar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    await batchBar(page).locator('[data-crmx-batch-action=delete]').click();
    const confirm = dialog(page, 'batch-delete');
    await confirm.locator('[data-crmx-precheck=ok]').waitFor();
    expect((await confirm.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).sort())
      .toEqual(chosen.map((a) => a.id).sort());
    expect(await confirm.locator('[data-crmx-delete-confirm]').textContent()).toContain(host);
    expect(await confirm.locator('[data-crmx-confirm]').textContent()).toBe('Delete 2 customers');
    for (const a of chosen) expect(deletedFlag(a.id)).toBe('0');
    await confirm.locator('[data-crmx-confirm]').click();
    const job = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch delete"]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    for (const a of chosen) {
      expect(deletedFlag(a.id), a.name).toBe('1');
      expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status, a.name).not.toBe(200);
      expect((await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Delete customer'), a.name).toHaveLength(1);
    }
    // Their neighbours in the list are untouched.
    const kept = accountsWhere((a) => a.code.startsWith('CRMX001') && !chosen.includes(a));
    for (const a of kept) expect(deletedFlag(a.id), a.name).toBe('0');
    await page.close();
  });

  it('a rep is refused delete with the rule, and SuiteCRM keeps the account', async () => {
    await o.actAs('rep1');
    const a = rep1Accounts[2];
    const page = await o.openAccounts('CRMX 0006');
    await openMenu(page, a.id);
    expect(await menuItem(page, 'delete').getAttribute('aria-disabled')).toBe('true');
    await menuItem(page, 'delete').click({ force: true });
    // A refused item does nothing: the menu stays, no confirmation.
    await menuItem(page, 'delete').waitFor();
    expect(await dialog(page, 'delete').count()).toBe(0);
    expect(deletedFlag(a.id)).toBe('0');
    await page.close();
  });
});
