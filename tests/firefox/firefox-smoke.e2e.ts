// The Firefox build in Debian's Firefox ESR: connected through its options page, it decorates the host's
// rows, a follow from a star round-trips to the CRM and back, and a dialog loads on first use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { api, startCrm, type CrmProcess } from '../harness/crm';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from '../harness/firefox';

const followedIds = async (crm: CrmProcess) => (await api<{ customerIds: string[] }>(crm, 'tok-rep', '/follows')).body.customerIds;
const star = (id: string, pressed: 'true' | 'false') =>
  `#customer-table > tbody > tr.dt-row:has(td.col-name a[href="/customers/${id}"]) >>> button.crmx-follow-star[aria-pressed=${pressed}]`;

describe('Firefox smoke', () => {
  let crm: CrmProcess;
  let ff: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    crm = await startCrm({ seed: 'tests/fixtures/seed-basic.json' });
    ff = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await ff?.close();
    await crm?.stop();
  });

  it('connects through the options page as the CRM user', async () => {
    const options = await openExtensionPage(ff, 'options.html', '#crmx-connect');
    await options.type('#crmx-crm-url', crm.url);
    await options.type('#crmx-token', 'tok-rep');
    await options.click('#crmx-connect');
    // waitForFunction compiles with Function(), which the extension page's CSP refuses: poll the text instead.
    const status = () => options.$eval('#crmx-connection-status', (el) => el.textContent ?? '');
    await expect.poll(status, { timeout: 20_000 }).toMatch(/Signed in as|Đã đăng nhập/);
    expect(await status()).toContain('Phạm Minh Tuấn');
    await options.close();
  });

  it('decorates every row of the host page with a menu button and a star', async () => {
    page = await ff.browser.newPage();
    await page.goto(`${crm.url}/login`);
    await page.type('#login-token', 'tok-rep');
    await Promise.all([page.waitForNavigation(), page.$eval('#login-token', (input) => (input as HTMLInputElement).form!.requestSubmit())]);
    await page.goto(`${crm.url}/customers`);
    await page.waitForSelector('#customer-table > tbody > tr.dt-row >>> button.crmx-row-menu-button', { timeout: 30_000 });
    const rows = (await page.$$('#customer-table > tbody > tr.dt-row')).length;
    expect(rows).toBeGreaterThan(1);
    await expect.poll(async () => (await page.$$('#customer-table > tbody > tr.dt-row >>> button.crmx-follow-star')).length).toBe(rows);
    await expect.poll(async () => (await page.$$('#customer-table > tbody > tr.dt-row >>> button.crmx-row-menu-button')).length).toBe(rows);
    // The room for the controls is reserved in every row, and the controls sit in it, clear of the name.
    const layout = await page.$$eval('#customer-table > tbody > tr.dt-row', (trs) => trs.map((tr) => ({
      indent: getComputedStyle(tr.firstElementChild!).textIndent,
      clear: tr.querySelector('crmx-row-menu')!.getBoundingClientRect().right <= tr.querySelector('td.col-name a')!.getBoundingClientRect().left,
    })));
    expect(layout.every((row) => row.indent === '74px' && row.clear)).toBe(true);
  });

  it('follows from the star, the CRM records it, and unfollows back', async () => {
    await page.goto(`${crm.url}/customers?q=KH0006`);
    await page.waitForSelector(star('c-006', 'false'), { timeout: 30_000 });
    expect(await followedIds(crm)).not.toContain('c-006');
    await page.click(star('c-006', 'false'));
    await page.waitForSelector(star('c-006', 'true'));
    await expect.poll(() => followedIds(crm), { timeout: 15_000 }).toContain('c-006');
    await page.click(star('c-006', 'true'));
    await page.waitForSelector(star('c-006', 'false'));
    await expect.poll(() => followedIds(crm), { timeout: 15_000 }).not.toContain('c-006');
  });

  it('opens the log dialog from the row menu: the dialogs are injected into the page on first use', async () => {
    await page.goto(`${crm.url}/customers?q=KH0006`);
    const menuButton = '#customer-table > tbody > tr.dt-row >>> button.crmx-row-menu-button';
    await page.waitForSelector(menuButton, { timeout: 30_000 });
    // Inside our shadow root waitForSelector hears no mutation here: poll the count instead.
    const count = (selector: string) => async () => (await page.$$(`crmx-overlay >>> ${selector}`)).length;
    await page.click(menuButton);
    await expect.poll(count('[role=menu].crmx-menu:not([aria-busy])')).toBe(1);
    await page.click('crmx-overlay >>> [role=menu].crmx-menu [role=menuitem][data-crmx-item=log]');
    await expect.poll(count('[role=dialog][data-crmx-dialog=log]'), { timeout: 15_000 }).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(count('[role=dialog]')).toBe(0);
  });
});
