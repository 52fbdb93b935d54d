// The overlay in Chromium on SuiteCRM's own pages: the built extension (global setup) connected through its
// options page as a seeded SuiteCRM user, and SuiteCRM's UI signed in as the same user, as a rep works.
// Locators pierce our open shadow roots (Playwright does); SuiteCRM's rows are found by their checkbox value.
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { okData, sendFromPage, waitFor } from '../background/wire';
import { decodeEntities } from '../../lib/crm-client/suitecrm/v8';
import { env, seed, v8 } from './helpers';
import type { UserKey } from './seed';

export { okData, sendFromPage, waitFor };

const crm = env.crm;
export const LIST_URL = `${crm.url}/index.php?module=Accounts&action=index`;

export const row = (page: Page, id: string): Locator =>
  page.locator(`form#MassUpdate table.list.view > tbody > tr:has(> td > input[name="mass[]"][value="${id}"])`);
export const rows = (page: Page): Locator => page.locator('form#MassUpdate table.list.view > tbody > tr:is(.oddListRowS1, .evenListRowS1)');
export const menu = (page: Page): Locator => page.locator('[role=menu].crmx-menu');
export const menuItem = (page: Page, item: string): Locator => menu(page).locator(`[role=menuitem][data-crmx-item=${item}]`);
export const dialog = (page: Page, kind: string): Locator => page.locator(`[role=dialog][data-crmx-dialog=${kind}]`);
export const toast = (page: Page): Locator => page.locator('[data-crmx-toast]');
export const batchBar = (page: Page): Locator => page.locator('[data-crmx-batch-bar]');

export interface Overlay {
  browser: ExtensionBrowser;
  /** An extension page (options) for the protocol's messages and the extension's storage. */
  options: Page;
  /** Connects the extension as `who` through the options page and signs SuiteCRM's UI in as them. */
  actAs(who: UserKey): Promise<void>;
  /** SuiteCRM's Accounts list (optionally its basic search by name), our controls on every row. */
  openAccounts(search?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Connects the extension to SuiteCRM as `who` the way a user does: the options page's SuiteCRM sign-in. */
export async function connectAs(browser: ExtensionBrowser, who: UserKey): Promise<string> {
  const user = seed.users[who];
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('#crmx-crm-url').fill(crm.url);
  await page.locator('input[name=crmx-crm-kind][value=suitecrm]').check();
  await page.locator('#crmx-username').fill(user.userName);
  await page.locator('#crmx-password').fill(user.password);
  await page.locator('#crmx-client-id').fill(seed.client.clientId);
  await page.locator('#crmx-client-secret').fill(seed.client.clientSecret);
  await page.locator('#crmx-connect').click();
  const status = page.locator('#crmx-connection-status');
  await status.filter({ hasText: `Signed in as ${user.name}` }).waitFor({ timeout: 30_000 }).catch(async () => {
    throw new Error(`The options page did not connect as ${user.userName}: "${await status.textContent()}"`);
  });
  const text = (await status.textContent()) ?? '';
  await page.close();
  return text;
}

/** Signs SuiteCRM's own UI in as `who` (its login form; a new session replaces the earlier one). */
export async function signInToSuiteCrm(browser: ExtensionBrowser, who: UserKey): Promise<void> {
  const user = seed.users[who];
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.goto(`${crm.url}/index.php?module=Users&action=Login`);
  await page.fill('#user_name', user.userName);
  await page.fill('#username_password', user.password);
  await Promise.all([page.waitForURL((url) => !/action=Login/.test(url.search)), page.click('#bigbutton')]);
  await page.close();
}

export async function startOverlay(who: UserKey): Promise<Overlay> {
  const browser = await launchWithExtension(undefined, env.extensionDir);
  let options: Page | undefined;
  try {
    const o: Overlay = {
      browser,
      get options() {
        return options!;
      },
      async actAs(user) {
        await connectAs(browser, user);
        await signInToSuiteCrm(browser, user);
        // The first sync after connecting fills the cache the row menus decide from.
        okData(await sendFromPage(options!, 'syncNow', undefined));
      },
      async openAccounts(search) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1366, height: 900 });
        const query = search === undefined ? '' : `&searchFormTab=basic_search&query=true&name_basic=${encodeURIComponent(search)}`;
        await page.goto(LIST_URL + query);
        await rows(page).first().waitFor();
        await controlsOnEveryRow(page);
        return page;
      },
      close: () => browser.close(),
    };
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await o.actAs(who);
    return o;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Waits until every SuiteCRM row holds exactly one of our slots with its box, [···] and star. */
export async function controlsOnEveryRow(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const list = [...document.querySelectorAll('form#MassUpdate table.list.view > tbody > tr:is(.oddListRowS1, .evenListRowS1)')];
    const ok = list.length > 0 && list.every((tr) => {
      const slots = tr.querySelectorAll('crmx-row-menu');
      const root = slots[0]?.shadowRoot;
      return slots.length === 1 && !!root && root.querySelectorAll('button.crmx-row-menu-button').length === 1
        && root.querySelectorAll('button.crmx-follow-star').length === 1 && root.querySelectorAll('input.crmx-select-box').length === 1;
    });
    return ok ? list.length : 0;
  }, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Opens the row's [···] menu and waits until the decisions have arrived. */
export async function openMenu(page: Page, id: string): Promise<void> {
  await row(page, id).scrollIntoViewIfNeeded();
  await row(page, id).locator('button.crmx-row-menu-button').click();
  await menu(page).and(page.locator(':not([aria-busy])')).waitFor();
}

export async function runItem(page: Page, id: string, item: string): Promise<void> {
  await openMenu(page, id);
  await menuItem(page, item).click();
}

/** The overlay's notes in an account's history ("[CRM overlay] …"), as SuiteCRM lists them, read by its administrator. */
export async function overlayNotes(accountId: string): Promise<{ name: string; description: string }[]> {
  const out: { name: string; description: string }[] = [];
  for (let number = 1; ; number++) {
    const r = await v8('admin', 'GET', `/Api/V8/module/Notes?filter[parent_id][eq]=${accountId}&fields[Notes]=name,description,parent_type&page[size]=100&page[number]=${number}`);
    const data = (r.body?.data ?? []) as { attributes: { name: string; description: string } }[];
    out.push(...data.map((n) => n.attributes).filter((n) => n.name.startsWith('[CRM overlay]')));
    if (data.length < 100) return out;
  }
}

/** The Security Groups an account is linked to (SuiteCRM's relationship, as its subpanel lists them). */
export async function securityGroups(accountId: string): Promise<string[]> {
  const r = await v8('admin', 'GET', `/Api/V8/module/Accounts/${accountId}/relationships/SecurityGroups`);
  if (r.status !== 200) throw new Error(`SecurityGroups of ${accountId}: HTTP ${r.status}`);
  return ((r.body?.data ?? []) as { id: string }[]).map((g) => g.id);
}

/** An account's fields as SuiteCRM's V8 reads them (V8 answers text HTML-encoded: decoded here). */
export async function account(accountId: string): Promise<Record<string, any>> {
  const r = await v8('admin', 'GET', `/Api/V8/module/Accounts/${accountId}`);
  if (r.status !== 200) throw new Error(`account ${accountId}: HTTP ${r.status}`);
  const attributes = r.body.data.attributes as Record<string, unknown>;
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, typeof v === 'string' ? decodeEntities(v) : v]));
}

/** The job the background reports for `id`. */
export async function jobOf(options: Page, id: string) {
  return okData(await sendFromPage(options, 'getJobs', undefined)).find((j) => j.id === id);
}

/** SuiteCRM's own detail view of the account, in the same browser (signed in to SuiteCRM as the same user). */
export async function suiteCrmDetailView(o: Overlay, accountId: string): Promise<Page> {
  const page = await o.browser.context.newPage();
  await page.goto(`${crm.url}/index.php?module=Accounts&action=DetailView&record=${accountId}`);
  await page.locator(`div.favorite[record_id="${accountId}"]`).waitFor({ state: 'attached' });
  return page;
}

/** Opens one of SuiteCRM's subpanels of the detail view (history, securitygroups, …) and returns its list. */
export async function suiteCrmSubpanel(page: Page, name: string): Promise<Locator> {
  const title = page.locator(`#subpanel_title_${name}`);
  if ((await title.getAttribute('aria-expanded')) !== 'true') await title.click();
  const list = page.locator(`#list_subpanel_${name}`);
  await list.locator('table, tr').first().waitFor();
  return list;
}
