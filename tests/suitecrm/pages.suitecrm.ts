// The overlay follows SuiteCRM's pages, in Chromium with the built extension connected as a rep: SuiteCRM's
// AjaxUI opens modules by changing only the hash and putting the module into #content by XHR (no page load),
// so the overlay must come when the page becomes the Accounts list and leave when it becomes another module.
// And the account's detail view: our star and [···] beside its title, for that account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountsWhere, env, seed, v8 } from './helpers';
import { controlsOnEveryRow, menu, menuItem, row, startOverlay, type Overlay } from './overlay-helpers';

const crm = env.crm;
const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const managerAccounts = accountsWhere((a) => a.assignedUserId === seed.users.manager.id);

/** Our controls, wherever they are on the page (list rows or the record page's holder), and our overlay's root. */
async function ours(page: Page): Promise<{ slots: number; holders: string[]; overlay: number }> {
  return page.evaluate(() => ({
    slots: document.querySelectorAll('crmx-row-menu').length,
    holders: [...document.querySelectorAll('span[data-crmx-record]')].map((h) => h.getAttribute('data-crmx-record')!),
    overlay: document.querySelectorAll('crmx-overlay').length,
  }));
}

/**
 * SuiteCRM's AjaxUI: its menu's link to a module, in the "Sales" group's dropdown of the top bar (the hash
 * changes, #content is loaded by XHR).
 */
async function openModuleByMenu(page: Page, module: string): Promise<void> {
  await page.locator('a#grouptab_0').hover();
  const link = page.locator(`a[id^="moduleTab_"][href*="ajaxUILoc=index.php%3Fmodule%3D${module}%26action%3Dindex"]:visible`).first();
  await link.click();
  await page.waitForFunction((m) => decodeURIComponent(location.hash).includes(`module=${m}&action=index`), module);
  await page.locator(`#pagecontent[data-module="${module}"], form#MassUpdate > input[name="module"][value="${module}"]`).first().waitFor({ state: 'attached' });
}

/** The record page's holder for `id`, with its [···] and star, and where they sit. */
async function recordControls(page: Page, id: string) {
  const holder = page.locator(`span[data-crmx-record="${id}"]`);
  await holder.locator('button.crmx-row-menu-button').waitFor();
  await holder.locator('button.crmx-follow-star').waitFor();
  return holder;
}

describe('the overlay follows SuiteCRM\'s AjaxUI between modules', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('comes with the Accounts list opened from SuiteCRM\'s menu, leaves for Contacts, comes back on Back: all without a page load', async () => {
    const page = await o.browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    // Home through AjaxUI, as SuiteCRM's own menu opens it: from here on a module link changes only the hash.
    await page.goto(`${crm.url}/index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent('index.php?module=Home&action=index')}`);
    await page.locator('#pagecontent[data-module="Home"], #content .dashletcontainer, #content').first().waitFor();
    expect(await ours(page)).toEqual({ slots: 0, holders: [], overlay: 0 });
    // A mark in the page's own world: a page load would take it away.
    await page.evaluate(() => ((window as unknown as { crmxNoLoad: boolean }).crmxNoLoad = true));
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));

    await openModuleByMenu(page, 'Accounts');
    expect(await controlsOnEveryRow(page)).toBe(20);
    expect(await ours(page)).toMatchObject({ slots: 20, overlay: 1 });
    const first = await page.locator('form#MassUpdate tbody input[name="mass[]"]').first().inputValue();
    expect(await row(page, first).locator('button.crmx-row-menu-button').count()).toBe(1);

    await openModuleByMenu(page, 'Contacts');
    await page.waitForFunction(() => document.querySelectorAll('crmx-row-menu, crmx-overlay').length === 0);
    // Contacts' own list is there, without any of ours.
    expect(await page.locator('form#MassUpdate > input[name="module"][value="Contacts"]').count()).toBe(1);
    expect(await page.locator('form#MassUpdate tbody tr').count()).toBeGreaterThan(0);
    expect(await ours(page)).toEqual({ slots: 0, holders: [], overlay: 0 });

    await page.goBack();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('module=Accounts&action=index'));
    expect(await controlsOnEveryRow(page)).toBe(20);
    expect(await ours(page)).toMatchObject({ slots: 20, overlay: 1 });

    expect(loads).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { crmxNoLoad?: boolean }).crmxNoLoad)).toBe(true);
    await page.close();
  });

  it('from the list to an account through AjaxUI: the rows\' controls leave, the account\'s come beside its title', async () => {
    const a = rep1Accounts[0];
    const page = await o.browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const search = `index.php?module=Accounts&action=index&searchFormTab=basic_search&query=true&name_basic=${a.name.split(' ').slice(0, 2).join(' ')}`;
    await page.goto(`${crm.url}/index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent(search)}`);
    await row(page, a.id).waitFor();
    await controlsOnEveryRow(page);
    // SuiteCRM's own link on the name: AjaxUI's detail view.
    await row(page, a.id).locator('td[field="name"] a').click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('action=DetailView'));
    await recordControls(page, a.id);
    await page.waitForFunction(() => document.querySelectorAll('form#MassUpdate crmx-row-menu').length === 0);
    expect(await ours(page)).toEqual({ slots: 1, holders: [a.id], overlay: 1 });
    await page.close();
  });
});

describe('the account\'s detail view', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  async function detailView(id: string): Promise<Page> {
    const page = await o.browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${crm.url}/index.php?module=Accounts&action=DetailView&record=${id}`);
    await recordControls(page, id);
    return page;
  }

  it('shows our star and [···] right after SuiteCRM\'s own star beside the title, visible and hit by their centres', async () => {
    const a = rep1Accounts[3];
    const page = await detailView(a.id);
    const layout = await page.evaluate((id) => {
      const title = document.querySelector('.moduleTitle > h2.module-title-text')!;
      const theirs = title.nextElementSibling!;
      const holder = theirs.nextElementSibling!;
      const slot = holder.querySelector('crmx-row-menu')!.shadowRoot!;
      const box = (el: Element) => el.getBoundingClientRect();
      const hit = (el: Element) => {
        const r = box(el);
        return slot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === holder.querySelector('crmx-row-menu');
      };
      const [menuButton, star] = [slot.querySelector('button.crmx-row-menu-button')!, slot.querySelector('button.crmx-follow-star')!];
      const t = box(title);
      const m = box(menuButton);
      const s = box(star);
      return {
        theirs: theirs.matches(`div.favorite[record_id="${id}"]`),
        holder: holder.getAttribute('data-crmx-record'),
        titleText: title.textContent!.trim(),
        afterTheirStar: m.left >= box(theirs).right - 1,
        besideTitle: m.top < t.bottom && m.bottom > t.top && s.top < t.bottom && s.bottom > t.top && m.left >= t.right - 1 && m.left - t.right < 120,
        starAfterMenu: s.left >= m.right - 1,
        sized: m.width > 10 && m.height > 10 && s.width > 10 && s.height > 10,
        hits: [hit(menuButton), hit(star)],
        labels: [menuButton.getAttribute('aria-label'), star.getAttribute('aria-label')],
      };
    }, a.id);
    expect(layout).toEqual({
      theirs: true, holder: a.id, titleText: a.name, afterTheirStar: true, besideTitle: true, starAfterMenu: true, sized: true,
      hits: [true, true], labels: [`More actions for ${a.name}`, `Follow ${a.name}`],
    });
    await page.close();
  });

  it('[···] offers the list\'s items and reasons for that account: their own, and the manager\'s one they may only see', async () => {
    const own = await detailView(rep1Accounts[3].id);
    await own.locator('button.crmx-row-menu-button').click();
    await menu(own).and(own.locator(':not([aria-busy])')).waitFor();
    for (const item of ['view', 'edit', 'returnToPool', 'share', 'log', 'follow']) {
      expect(await menuItem(own, item).getAttribute('aria-disabled'), item).not.toBe('true');
    }
    expect(await menuItem(own, 'delete').getAttribute('aria-disabled')).toBe('true');
    expect(await menuItem(own, 'delete').locator('.crmx-menu-reason').textContent()).toMatch(/^Only administrators may do this\. Ask an administrator \(.*Ada Admin.*\)\.$/);
    // View opens our details of this account.
    await menuItem(own, 'view').click();
    await own.locator('.crmx-details #crmx-details-title').getByText(rep1Accounts[3].name).waitFor();
    await own.close();

    const other = managerAccounts[0];
    const theirs = await detailView(other.id);
    await theirs.locator('button.crmx-row-menu-button').click();
    await menu(theirs).and(theirs.locator(':not([aria-busy])')).waitFor();
    expect(await menuItem(theirs, 'view').getAttribute('aria-disabled')).not.toBe('true');
    expect(await menuItem(theirs, 'edit').getAttribute('aria-disabled')).toBe('true');
    expect(await menuItem(theirs, 'edit').locator('.crmx-menu-reason').textContent()).toBe('You need the right to edit this customer. Ask your manager (Minh Manager).');
    await theirs.close();
  });

  it('our star follows that account: SuiteCRM\'s favourite for it, and SuiteCRM\'s own star filled after a reload', async () => {
    const a = rep1Accounts[4];
    const page = await detailView(a.id);
    const star = page.locator(`span[data-crmx-record="${a.id}"] button.crmx-follow-star`);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await page.locator(`span[data-crmx-record="${a.id}"] button.crmx-follow-star[aria-pressed=true]`).waitFor();
    const favourites = async () => (await v8('rep1', 'GET',
      `/Api/V8/module/Favorites?filter[parent_id][eq]=${a.id}&filter[assigned_user_id][eq]=${seed.users.rep1.id}&page[size]=10&page[number]=1`)).body.data ?? [];
    await expect.poll(async () => (await favourites()).length, { timeout: 20_000 }).toBe(1);
    await page.reload();
    await page.locator(`div.favorite[record_id="${a.id}"] .favorite_icon_fill`).waitFor();
    await page.locator(`span[data-crmx-record="${a.id}"] button.crmx-follow-star[aria-pressed=true]`).waitFor();
    await page.close();
  });
});
