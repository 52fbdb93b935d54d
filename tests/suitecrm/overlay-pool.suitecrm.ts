// The customer pool on SuiteCRM's own Accounts list, in Chromium with the built extension: rep1 returns their
// account from the row menu with a reason, and rep2 picks it up from the "Customer pool" button. Each step is
// checked in SuiteCRM's records (V8, the package's pool route, the Security Group links, the overlay's Notes)
// and in SuiteCRM's own screens (the detail view's "Assigned to", the list's user column).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../lib/crm-client/suitecrm/v8';
import { accountsWhere, route, seed } from './helpers';
import {
  account, dialog, overlayNotes, row, runItem, securityGroups, startOverlay, suiteCrmDetailView, toast, type Overlay,
} from './overlay-helpers';

const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const a = rep1Accounts[0]; // CRMX 0001: rep1's, in rep1's department North
const REASON = 'Khách chuyển văn phòng vào Đà Nẵng';
const search = a.name.split(' ').slice(0, 2).join(' ');

/** "Assigned to" in SuiteCRM's own detail view of the account (SuiteCRM names users there by their user name). */
async function assignedInDetailView(o: Overlay, id: string): Promise<string> {
  const detail = await suiteCrmDetailView(o, id);
  const text = (await detail.locator('.detail-view-field[field="assigned_user_name"]').first().textContent()) ?? '';
  await detail.close();
  return text.trim();
}

/** A Note's text as the connector wrote it (V8 answers it HTML-encoded). */
const noteBody = (description: string) => JSON.parse(decodeEntities(description));

/** The user column of the account's row in SuiteCRM's own list. */
const listedUser = async (page: Page, id: string) => ((await row(page, id).locator('td[field="assigned_user_name"]').textContent()) ?? '').trim();

describe('the customer pool on SuiteCRM', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('rep1 returns their account from the row menu with a reason: SuiteCRM has it unassigned, in the pool, logged', async () => {
    expect((await account(a.id)).assigned_user_id).toBe(seed.users.rep1.id);
    expect(await assignedInDetailView(o, a.id)).toBe(seed.users.rep1.userName);
    const page = await o.openAccounts(search);
    expect(await listedUser(page, a.id)).toBe(seed.users.rep1.userName);

    await runItem(page, a.id, 'returnToPool');
    const back = dialog(page, 'returnToPool');
    // The reason is required: without it, nothing happens in SuiteCRM.
    await back.getByRole('button', { name: 'Return to the pool' }).click();
    await back.getByRole('alert').waitFor();
    expect((await account(a.id)).assigned_user_id).toBe(seed.users.rep1.id);
    await back.locator('#crmx-pool-reason').fill(REASON);
    await back.getByRole('button', { name: 'Return to the pool' }).click();
    await toast(page).filter({ hasText: `${a.name} is back in the pool.` }).waitFor();
    await back.waitFor({ state: 'detached' });

    // SuiteCRM: no assigned user, the pool's fields, linked to the pool's Security Group (its department kept).
    const after = await account(a.id);
    expect(after.assigned_user_id).toBe('');
    expect(after.crm_pool_id_c).toBe(seed.groups.pool);
    expect(after.crm_return_reason_c).toBe(REASON);
    expect((await securityGroups(a.id)).sort()).toEqual([seed.groups.north, seed.groups.pool].sort());
    const pooled = (await route('rep2', 'GET', `/pool?q=${encodeURIComponent(a.code)}`)).body.data;
    expect(pooled).toMatchObject([{ id: a.id, poolId: seed.groups.pool, returnReason: REASON }]);
    // The overlay's Note in the account's history: the reason and the account executive leaving.
    const notes = (await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Back customer');
    expect(notes).toHaveLength(1);
    expect(noteBody(notes[0].description)).toEqual({
      details: REASON, changes: [{ field: 'aeId', before: seed.users.rep1.id, after: null }],
    });

    // rep1 still lists it on SuiteCRM (it stays shared with their department North): the row stays, and SuiteCRM's
    // own list shows it without a user once reloaded (as the reference CRM does for whoever still lists it).
    await row(page, a.id).waitFor({ state: 'visible' });
    await page.reload();
    await row(page, a.id).locator('button.crmx-row-menu-button').waitFor();
    expect(await listedUser(page, a.id)).toBe('');
    await page.close();
    // SuiteCRM's own detail view no longer names rep1 as "Assigned to".
    expect(await assignedInDetailView(o, a.id)).toBe('');
  });

  it('rep2 opens the customer pool, sees the account with its reason and picks it up: SuiteCRM has it assigned to rep2', async () => {
    await o.actAs('rep2');
    const page = await o.openAccounts();
    await page.getByRole('button', { name: 'Customer pool' }).click();
    const pool = dialog(page, 'pool');
    await pool.waitFor();
    const entry = pool.locator(`[data-crmx-pool-row="${a.id}"]`);
    await entry.waitFor();
    await expect(entry.locator('th').textContent()).resolves.toBe(a.name);
    await expect(entry.textContent()).resolves.toContain(a.code);
    await expect(entry.textContent()).resolves.toContain(`Reason: ${REASON}`);
    // The seed's pooled accounts are listed too, after the newest return.
    for (const p of accountsWhere((x) => x.pooled).slice(0, 3)) await pool.locator(`[data-crmx-pool-row="${p.id}"]`).waitFor();

    await entry.getByRole('button', { name: `Pick up ${a.name} (${a.code})` }).click();
    const confirm = pool.locator(`[data-crmx-pool-confirm="${a.id}"]`);
    await expect(confirm.locator('h3').textContent()).resolves.toBe(`Pick up ${a.name} (${a.code})?`);
    // Asked, not done: SuiteCRM still has it in the pool.
    expect((await account(a.id)).assigned_user_id).toBe('');
    await confirm.getByRole('button', { name: 'Pick up' }).click();
    await toast(page).filter({ hasText: `You are now the account executive of ${a.name} (${a.code}).` }).waitFor();
    await entry.waitFor({ state: 'detached' });

    expect((await account(a.id)).assigned_user_id).toBe(seed.users.rep2.id);
    expect((await route('rep2', 'GET', `/pool?q=${encodeURIComponent(a.code)}`)).body.data).toEqual([]);
    const picks = (await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Pick up customer');
    expect(picks).toHaveLength(1);
    expect(noteBody(picks[0].description).changes).toEqual([{ field: 'aeId', before: null, after: seed.users.rep2.id }]);
    await page.keyboard.press('Escape');
    await pool.waitFor({ state: 'detached' });
    await page.close();

    // SuiteCRM's own screens: rep2 is "Assigned to", and the account is in rep2's list with their name.
    expect(await assignedInDetailView(o, a.id)).toBe(seed.users.rep2.userName);
    const list = await o.openAccounts(search);
    expect(await listedUser(list, a.id)).toBe(seed.users.rep2.userName);
    await list.close();
  });
});
