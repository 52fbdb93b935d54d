// The generic adapter with the options page's "SuiteCRM 7 — Accounts" preset on the real SuiteCRM, in Chromium
// with the built extension connected as rep1: configured as an administrator would (the preset, "Try it" on
// the list's tab, save), then our controls on every row with SuiteCRM's own checkbox value as the id, after
// the pager's form POST too (a bare index.php: only the page says it is the Accounts list), gone on Contacts
// opened through AjaxUI; and a star clicked on a row makes SuiteCRM's favourite of that row's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accountsWhere, env, seed, v8 } from './helpers';
import { controlsOnEveryRow, LIST_URL, startOverlay, type Overlay } from './overlay-helpers';

const crm = env.crm;
const names = new Map(accountsWhere(() => true).map((a) => [a.id, a.name]));

/** Per row: SuiteCRM's own checkbox value and name, our controls' count and the id our star carries. */
const decorated = (page: Page) => page.locator('form#MassUpdate table.list.view > tbody > tr:is(.oddListRowS1, .evenListRowS1)').evaluateAll((rows) => rows.map((tr) => {
  const hosts = tr.querySelectorAll('crmx-row-menu');
  return {
    mass: tr.querySelector<HTMLInputElement>('input[name="mass[]"]')!.value,
    name: tr.querySelector('td[field="name"] a')!.textContent!.trim(),
    hosts: hosts.length,
    star: hosts[0]?.shadowRoot?.querySelector<HTMLElement>('button.crmx-follow-star')?.dataset.customerId ?? null,
  };
}));

function expectOwnIds(rows: Awaited<ReturnType<typeof decorated>>): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r).toMatchObject({ hosts: 1, star: r.mass });
    // The id is the account the row shows (SuiteCRM's records), not the assigned user's link beside it.
    expect(names.get(r.mass)).toBe(r.name);
  }
}

describe('the generic adapter with the SuiteCRM 7 preset on SuiteCRM\'s Accounts list', () => {
  let o: Overlay;
  beforeAll(async () => {
    o = await startOverlay('rep1');
  });
  afterAll(async () => o?.close());

  it('is set up from the preset with "Try it", then decorates every row with its account, after the pager\'s POST too, and not Contacts', async () => {
    const list = await o.browser.context.newPage();
    await list.setViewportSize({ width: 1366, height: 900 });
    await list.goto(LIST_URL);
    const firstIds = await list.locator('form#MassUpdate tbody input[name="mass[]"]').evaluateAll((inputs) => inputs.slice(0, 5).map((i) => (i as HTMLInputElement).value));

    const options = o.options;
    await options.bringToFront();
    // Connecting to SuiteCRM chose its own adapter; the administrator switches to the generic one.
    await options.locator('#crmx-adapter-kind').selectOption('generic');
    await options.locator('#crmx-adapter-preset').selectOption('suitecrm7-accounts');
    await options.locator('#crmx-adapter-preset-apply').click();
    await options.locator('#crmx-adapter-try').click();
    await options.locator('[data-crmx-page=match]').waitFor();
    expect(await options.locator('#crmx-adapter-preview [data-crmx-rows]').textContent()).toBe('Found 20 rows; 20 with a customer id, 20 with a menu cell.');
    expect(await options.locator('#crmx-adapter-preview-rows li').evaluateAll((items) => items.map((li) => li.getAttribute('data-crmx-id')))).toEqual(firstIds);
    await options.locator('#crmx-adapter-save').click();
    await options.locator('#crmx-adapter-status').filter({ hasText: 'Saved' }).waitFor();

    await list.bringToFront();
    await list.reload();
    expect(await controlsOnEveryRow(list)).toBe(20);
    const page1 = await decorated(list);
    expectOwnIds(page1);
    expect(page1.slice(0, 5).map((r) => r.star)).toEqual(firstIds);

    // SuiteCRM's next page: a full form POST answered by a bare index.php.
    await Promise.all([list.waitForEvent('load'), list.click('#listViewNextButton_top')]);
    expect(new URL(list.url()).search).toBe('');
    // The rest of rep1's accounts (fewer than 20).
    const next = await controlsOnEveryRow(list);
    expect(next).toBe(await list.locator('form#MassUpdate tbody input[name="mass[]"]').count());
    const page2 = await decorated(list);
    expect(page2.length).toBe(next);
    expectOwnIds(page2);
    expect(page2.map((r) => r.mass).filter((id) => page1.some((r) => r.mass === id))).toEqual([]);

    // Contacts through AjaxUI (the hash changes, the list comes by XHR): a list of the same markup, none of ours.
    await list.goto(`${crm.url}/index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent('index.php?module=Accounts&action=index')}`);
    expect(await controlsOnEveryRow(list)).toBe(20);
    await list.evaluate(() => { location.hash = `ajaxUILoc=${encodeURIComponent('index.php?module=Contacts&action=index')}`; });
    await list.locator('form#MassUpdate > input[name="module"][value="Contacts"]').waitFor({ state: 'attached' });
    await list.waitForFunction(() => document.querySelectorAll('crmx-row-menu, crmx-overlay').length === 0);
    expect(await list.locator('form#MassUpdate tbody tr').count()).toBeGreaterThan(0);
    await list.close();
  });

  // With the generic adapter saved above.
  it('stars the row\'s own account: SuiteCRM holds the favourite for it', async () => {
    const list = await o.browser.context.newPage();
    await list.setViewportSize({ width: 1366, height: 900 });
    await list.goto(LIST_URL);
    expect(await controlsOnEveryRow(list)).toBe(20);
    const [, second] = await decorated(list);
    const star = list.locator(`tr:has(input[name="mass[]"][value="${second.mass}"]) button.crmx-follow-star`);
    await star.click();
    await list.locator(`tr:has(input[name="mass[]"][value="${second.mass}"]) button.crmx-follow-star[aria-pressed=true]`).waitFor();
    const favourites = async () => (await v8('rep1', 'GET',
      `/Api/V8/module/Favorites?filter[parent_id][eq]=${second.mass}&filter[assigned_user_id][eq]=${seed.users.rep1.id}&page[size]=10&page[number]=1`)).body.data ?? [];
    await expect.poll(async () => (await favourites()).length, { timeout: 20_000 }).toBe(1);
    // In SuiteCRM's own detail view of that account, its star is filled.
    await list.goto(`${crm.url}/index.php?module=Accounts&action=DetailView&record=${second.mass}`);
    await list.locator(`div.favorite[record_id="${second.mass}"] .favorite_icon_fill`).waitFor();
    await list.close();
  });
});
