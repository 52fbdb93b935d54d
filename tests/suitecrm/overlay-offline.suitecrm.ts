// The log timeline offline on SuiteCRM: after the first sync and an edit through the overlay, SuiteCRM made
// unreachable for the extension (every request to its origin refused, as a stopped server would: Playwright's
// context routing reaches the MV3 service worker's fetch in Chromium, which a failed sync here proves), the row
// menu's log still lists the account's entries, the edit included, with the notice that they are the ones saved
// earlier; back online it answers from SuiteCRM again (an entry made there meanwhile shows, the notice goes).
// Apache and MariaDB keep running: only this browser loses SuiteCRM.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { accountsWhere, env, seed, v8 } from './helpers';
import { dialog, menuItem, okData, openMenu, overlayNotes, sendFromPage, startOverlay, toast, waitFor, type Overlay } from './overlay-helpers';

const a = accountsWhere((x) => x.assignedUserId === seed.users.rep1.id)[3];
const origin = new URL(env.crm.url).origin;
const nameStart = (name: string) => name.split(' ').slice(0, 2).join(' ');

describe('the log timeline offline on SuiteCRM', () => {
  let o: Overlay;
  let page: Page;
  beforeAll(async () => {
    // An earlier change made in SuiteCRM itself by its administrator (its change log): an entry the overlay did
    // not write, an hour ago.
    const r = await v8('admin', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id: a.id, attributes: { industry: 'Energy' } } });
    expect(r.status).toBeLessThan(300);
    sql(env.crm, `UPDATE accounts_audit SET date_created = date_created - INTERVAL 1 HOUR WHERE parent_id = '${a.id}'`);
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  const status = async () => okData(await sendFromPage(o.options, 'getSyncStatus', undefined));
  const refuseSuiteCrm = () => o.browser.context.route(`${origin}/**`, (route) => route.abort('connectionrefused'));
  const reachSuiteCrm = () => o.browser.context.unroute(`${origin}/**`);

  async function openLog(): Promise<ReturnType<typeof dialog>> {
    await openMenu(page, a.id);
    await menuItem(page, 'log').click();
    const log = dialog(page, 'log');
    await log.locator('.crmx-timeline-entry').first().waitFor({ timeout: 30_000 });
    return log;
  }
  /** The log dialog closed by Escape, should a test leave it open, so the next one starts from the page. */
  async function closeLog(): Promise<void> {
    if (!page) return;
    const log = dialog(page, 'log');
    if ((await log.count()) === 0) return;
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });
  }
  const types = (log: ReturnType<typeof dialog>) => log.locator('.crmx-timeline-entry').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-log-type')));

  it('lists the account\'s entries, the edit included, from the cache with a notice while SuiteCRM cannot be reached', async () => {
    await waitFor(status, (st) => st.lastSyncAt !== null && !st.running, 'first sync');
    page = await o.openAccounts(nameStart(a.name));
    await openMenu(page, a.id);
    await menuItem(page, 'edit').click();
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-phone').fill('+84 28 3777 0042');
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page).filter({ hasText: `Saved ${a.name}.` }).waitFor();
    await edit.waitFor({ state: 'detached' });
    // SuiteCRM holds the edit: the overlay's Note in the account's history.
    expect((await overlayNotes(a.id)).map((n) => n.name)).toEqual(['[CRM overlay] Edit customer']);

    await refuseSuiteCrm();
    try {
      // The service worker's own requests fail: a sync now says SuiteCRM is offline and keeps the last one.
      const synced = await status();
      okData(await sendFromPage(o.options, 'syncNow', undefined));
      const failed = await waitFor(status, (st) => !st.running && st.offline, 'offline sync status');
      expect(failed.lastSyncAt).toBe(synced.lastSyncAt);

      const log = await openLog();
      await log.locator('[data-crmx-from-cache]').waitFor();
      expect(await log.locator('[data-crmx-from-cache]').textContent()).toBe('The CRM cannot be reached: this is the log saved earlier.');
      expect(await types(log)).toEqual(['Edit customer', 'Edit customer']);
      const ours = log.locator('.crmx-timeline-entry').first();
      // The timeline shows an edit's fields before → after (the entries as shown, should it not).
      const shown = `entries shown: ${JSON.stringify(await log.locator('.crmx-timeline-entry').allInnerTexts())}`;
      expect(await ours.locator('[data-crmx-change=phone]').count(), shown).toBe(1);
      expect([await ours.locator('[data-crmx-change=phone] del').textContent(), await ours.locator('[data-crmx-change=phone] ins').textContent()], shown)
        .toEqual([a.phone, '+84 28 3777 0042']);
    } finally {
      await closeLog();
      await reachSuiteCrm();
    }
  });

  it('answers from SuiteCRM again once it can be reached: a change made there while the extension could not reach it shows, without the notice', async () => {
    await refuseSuiteCrm();
    try {
      const r = await v8('admin', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id: a.id, attributes: { industry: 'Retail' } } });
      expect(r.status).toBeLessThan(300);
      const offline = await openLog();
      await offline.locator('[data-crmx-from-cache]').waitFor();
      expect(await types(offline)).toEqual(['Edit customer', 'Edit customer']);
      await page.keyboard.press('Escape');
      await offline.waitFor({ state: 'detached' });
    } finally {
      await reachSuiteCrm();
    }
    const log = await openLog();
    await log.locator('.crmx-timeline-entry').nth(2).waitFor({ timeout: 30_000 });
    expect(await types(log)).toEqual(['Edit customer', 'Edit customer', 'Edit customer']);
    expect(await log.locator('[data-crmx-from-cache]').count()).toBe(0);
    const newest = log.locator('.crmx-timeline-entry').first();
    // The timeline shows an edit's fields before → after.
    await expect(Promise.all([newest.locator('[data-crmx-change=businessField] del').textContent(), newest.locator('[data-crmx-change=businessField] ins').textContent()]))
      .resolves.toEqual(['Energy', 'Retail']);
    await page.close();

    // And a sync reaches SuiteCRM again.
    const before = await status();
    okData(await sendFromPage(o.options, 'syncNow', undefined));
    const synced = await waitFor(status, (st) => !st.running && !st.offline && st.lastSyncAt !== before.lastSyncAt, 'a sync online again');
    expect(synced.error).toBeNull();
  });
});
