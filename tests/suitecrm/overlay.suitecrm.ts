// The overlay end to end on SuiteCRM's own Accounts list, in Chromium with the built extension connected
// through its options page as a seeded SuiteCRM user (and SuiteCRM's UI signed in as the same user). Each
// action is checked afterwards in SuiteCRM's own records through V8: its favourites, the account's fields,
// its Security Groups and its history (the overlay's Notes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressShortcut } from '../harness/browser';
import { accountsWhere, seed, v8 } from './helpers';
import {
  account, batchBar, controlsOnEveryRow, dialog, menu, menuItem, openMenu, overlayNotes, row, rows, runItem, securityGroups,
  startOverlay, suiteCrmDetailView, suiteCrmSubpanel, toast, type Overlay,
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
    // SuiteCRM's next page is a full form POST to a bare index.php: the content script comes again, every row again.
    await Promise.all([page.waitForEvent('load'), page.click('#listViewNextButton_top')]);
    const next = await rows(page).locator('input[name="mass[]"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(next.length).toBeGreaterThan(0);
    expect(next.filter((id) => ids.includes(id))).toEqual([]);
    expect(await controlsOnEveryRow(page)).toBe(next.length);
    expect(await page.locator('crmx-row-menu').count()).toBe(next.length);

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
    // It starts below SuiteCRM's fixed top bar (its user menu and Log Out stay in reach).
    const barBottom = await theirs.locator('nav.navbar-fixed-top').evaluate((nav) => nav.getBoundingClientRect().bottom);
    expect(barBottom).toBeGreaterThan(0);
    expect(await panel.evaluate((p) => p.getBoundingClientRect().top)).toBeGreaterThanOrEqual(Math.floor(barBottom));
    await theirs.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    for (const p of [page, mine, theirs]) await p.close();
  });

  it('follows from the star: SuiteCRM\'s favourite exists, and the Followed tab lists it', async () => {
    const a = rep1Accounts[1];
    const page = await o.openAccounts(nameStart(a.name));
    const star = row(page, a.id).locator('button.crmx-follow-star');
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await row(page, a.id).locator('button.crmx-follow-star[aria-pressed=true]').waitFor();
    // SuiteCRM's own favourite, the one its star in the account's detail view shows: exactly one.
    const favourites = async () => (await v8('rep1', 'GET',
      `/Api/V8/module/Favorites?filter[parent_id][eq]=${a.id}&filter[assigned_user_id][eq]=${seed.users.rep1.id}&page[size]=10&page[number]=1`)).body.data ?? [];
    await expect.poll(async () => (await favourites()).length, { timeout: 20_000 }).toBe(1);
    expect((await favourites())[0].attributes).toMatchObject({ parent_type: 'Accounts', parent_id: a.id });

    await page.locator('crmx-views').getByRole('tab', { name: '☆ Followed' }).click();
    const followed = page.locator(`[data-crmx-followed-row="${a.id}"]`);
    await followed.waitFor();
    await expect(followed.textContent()).resolves.toContain(a.name);
    await page.locator('[data-crmx-followed-range]').getByText('1–1 of 1 followed customer', { exact: true }).waitFor();
    await page.close();

    // SuiteCRM's own screens: the account's star is filled and it is in rep1's favourites.
    const detail = await suiteCrmDetailView(o, a.id);
    await detail.locator(`div.favorite[record_id="${a.id}"] .favorite_icon_fill`).waitFor();
    await detail.locator(`#favoritesSidebar a.favorite-links-detail[href*="${a.id}"]`).waitFor({ state: 'attached' });
    await detail.close();
  });

  it('edits the phone from the row menu: SuiteCRM\'s account changed, the log timeline and SuiteCRM\'s history say so', async () => {
    const a = rep1Accounts[2];
    const phone = '+84 28 3999 0001';
    const page = await o.openAccounts(nameStart(a.name));
    await runItem(page, a.id, 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-phone').fill(phone);
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page).filter({ hasText: `Saved ${a.name}.` }).waitFor();
    await edit.waitFor({ state: 'detached' });

    expect((await account(a.id)).phone_office).toBe(phone);
    // SuiteCRM's history: one Note by the overlay, saying what changed.
    const notes = (await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Edit customer');
    expect(notes).toHaveLength(1);
    expect(notes[0].description).toContain(phone);

    // Our log timeline: the edit with its change records.
    await runItem(page, a.id, 'log');
    const log = dialog(page, 'log');
    const entry = log.locator('.crmx-timeline-entry[data-crmx-log-type="Edit customer"]');
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    // The timeline shows an edit's fields before → after.
    await expect(Promise.all([entry.locator('[data-crmx-change=phone] del').textContent(), entry.locator('[data-crmx-change=phone] ins').textContent()]))
      .resolves.toEqual([a.phone, phone]);
    await entry.locator('[data-crmx-actor]').filter({ hasText: `by ${seed.users.rep1.name}` }).waitFor();
    await page.close();

    // SuiteCRM's own screens: the new phone, and the Note in the account's History subpanel.
    const detail = await suiteCrmDetailView(o, a.id);
    await detail.locator('#content').getByText(phone).first().waitFor();
    const history = await suiteCrmSubpanel(detail, 'history');
    await history.getByText('[CRM overlay] Edit customer').waitFor();
    await detail.close();
  });

  it('after an edit on the list\'s second page, Refresh loads that page again by GET (no form sent again) with the new phone', async () => {
    // Every seeded account, then SuiteCRM's next page: a POST of its list form.
    const page = await o.openAccounts('CRMX');
    await Promise.all([page.waitForEvent('load'), page.click('#listViewNextButton_top')]);
    await controlsOnEveryRow(page);
    const pager = await page.locator('.pageNumbers').first().textContent();
    expect(pager).toMatch(/^\(21 - /);
    const onPage = await rows(page).locator('input[name="mass[]"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    const a = rep1Accounts.filter((x) => onPage.includes(x.id) && x.id !== rep1Accounts[2].id).at(-1);
    expect(a, 'one of rep1\'s accounts on the second page').toBeDefined();
    const phone = '+84 28 3999 0002';
    await runItem(page, a!.id, 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-phone').fill(phone);
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await edit.waitFor({ state: 'detached' });
    const refresh = toast(page).filter({ hasText: '1 row on this page changed' }).getByRole('button', { name: 'Refresh' });
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === page.mainFrame()),
      refresh.click(),
    ]);
    expect(request.method()).toBe('GET');
    await page.waitForLoadState('load');
    await expect(page.locator('.pageNumbers').first().textContent()).resolves.toBe(pager);
    await row(page, a!.id).getByText(phone).waitFor();
    await page.close();
  });

  it('shares from the row menu to a department: the account\'s Security Groups hold it; a batch share of selected rows too', async () => {
    const a = rep1Accounts[3];
    expect(await securityGroups(a.id)).toEqual([seed.groups.north]);
    const page = await o.openAccounts(nameStart(a.name));
    await runItem(page, a.id, 'share');
    const share = dialog(page, 'share');
    await share.locator('[data-crmx-group=departmentIds] label', { hasText: 'CRMX Dept South' }).click();
    await share.locator('button.crmx-primary').click();
    await share.waitFor({ state: 'detached' });
    await toast(page).filter({ hasText: a.name }).waitFor();
    expect((await securityGroups(a.id)).sort()).toEqual([seed.groups.north, seed.groups.south].sort());
    expect((await overlayNotes(a.id)).filter((n) => n.name === '[CRM overlay] Share customer')).toHaveLength(1);
    await page.close();
    // SuiteCRM's own screens: the department in the account's Security Groups subpanel.
    const detail = await suiteCrmDetailView(o, a.id);
    const groups = await suiteCrmSubpanel(detail, 'securitygroups');
    await groups.getByText(/CRMX Dept South/).waitFor();
    await groups.getByText(/CRMX Dept North/).waitFor();
    await detail.close();

    // The batch: two of rep1's accounts (CRMX 0011, 0012) chosen with our boxes on SuiteCRM's list.
    const batch = rep1Accounts.slice(4, 6);
    const list = await o.openAccounts('CRMX 001');
    for (const b of batch) await row(list, b.id).locator('input.crmx-select-box').click();
    await batchBar(list).locator('[data-crmx-selected-count="2"]').waitFor();
    await batchBar(list).locator('[data-crmx-batch-action=share]').click();
    const batchShare = dialog(list, 'batch-share');
    await batchShare.locator('[data-crmx-precheck=ok]').waitFor();
    expect((await batchShare.locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).sort())
      .toEqual(batch.map((b) => b.id).sort());
    await batchShare.locator('[data-crmx-group=departmentIds] label', { hasText: 'CRMX Dept South' }).click();
    await batchShare.locator('[data-crmx-confirm]').click();
    const job = batchBar(list).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch share"]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    for (const b of batch) {
      expect((await securityGroups(b.id)).sort(), b.name).toEqual([seed.groups.north, seed.groups.south].sort());
      expect((await overlayNotes(b.id)).filter((n) => n.name === '[CRM overlay] Batch Share customer'), b.name).toHaveLength(1);
    }
    await list.close();
  });

  it('sets labels on the selected rows in a batch', async () => {
    const batch = rep1Accounts.slice(6, 8); // CRMX 0016, 0017
    const page = await o.openAccounts('CRMX 001');
    for (const b of batch) await row(page, b.id).locator('input.crmx-select-box').click();
    await batchBar(page).locator('[data-crmx-selected-count="2"]').waitFor();
    await batchBar(page).locator('[data-crmx-batch-action=setLabels]').click();
    const d = dialog(page, 'batch-setLabels');
    await d.locator('[data-crmx-precheck=ok]').waitFor();
    for (const tag of ['Khách VIP', 'Q3']) {
      await d.locator('#crmx-batch-tag-input').pressSequentially(tag);
      await d.locator('#crmx-batch-tag-input').press('Enter');
      await d.locator('[data-crmx-tags] li', { hasText: tag }).waitFor();
    }
    await d.locator('[data-crmx-confirm]').click();
    const job = batchBar(page).locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch set labels"]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('2 / 2 done');
    for (const b of batch) {
      expect(JSON.parse((await account(b.id)).crm_labels_c), b.name).toEqual(['Khách VIP', 'Q3']);
      expect((await overlayNotes(b.id)).filter((n) => /^\[CRM overlay\] Batch Set Labels/i.test(n.name)), b.name).toHaveLength(1);
    }
    await page.close();
  });

  it('the "go to the search field" shortcut opens SuiteCRM\'s filter dialog with its name field focused; typing there filters the list', async () => {
    const page = await o.openAccounts();
    // As the browser hands a pressed shortcut to the background (a page cannot press one).
    await pressShortcut(o.browser, page, 'focus-search');
    await page.locator('#searchDialog input#name_basic').waitFor({ state: 'visible' });
    // Focused once SuiteCRM's dialog has settled (it focuses itself when shown), with the last search SuiteCRM
    // kept (an earlier test's) selected: what is typed next replaces it.
    await page.waitForFunction(() => document.activeElement?.id === 'name_basic' && document.querySelector('#searchDialog.in'));
    const wanted = rep1Accounts[5];
    await page.keyboard.type(wanted.name);
    await page.keyboard.press('Enter');
    // SuiteCRM's search ran: the list holds that account alone.
    await rows(page).nth(1).waitFor({ state: 'detached' });
    await row(page, wanted.id).waitFor();
    expect(await rows(page).count()).toBe(1);
    await page.close();
  });
});
