// A hostile host page: its own scripts try to drive our UI and the extension. None may cause an action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, auditCount } from '../harness/crm';
import { sendFromPage } from '../background/wire';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs, dialog, menu, menuItem, openCustomer, openMenu, row, runItem } from '../overlay/overlay-helpers';

describe('a hostile host page', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  it('cannot confirm a delete with synthetic clicks or key events (only a trusted click does)', async () => {
    await actAs(s, 'tok-admin');
    const page = await openCustomer(s, 'KH0010');
    await runItem(page, 'c-010', 'delete');
    // Armed (enabled) once it has been seen for a moment: then only a trusted event is refused for being scripted.
    await dialog(page, 'delete').locator('[data-crmx-confirm]:not([disabled])').waitFor();
    const before = await auditCount(s.crm);
    // The page's own script (main world) reaches into our open shadow root and fires events.
    await page.evaluate(() => {
      const overlay = document.querySelector('crmx-overlay')!.shadowRoot!;
      const confirm = overlay.querySelector<HTMLButtonElement>('[data-crmx-dialog=delete] [data-crmx-confirm]')!;
      confirm.click();
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      confirm.closest('form')?.requestSubmit?.();
    });
    // Our root drops those events before the dialog hears them: it stays open, and a round trip through
    // the background to the CRM later nothing was deleted.
    const ext = await s.browser.context.newPage();
    await ext.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await sendFromPage(ext, 'syncNow', undefined);
    await ext.close();
    expect(await dialog(page, 'delete').count()).toBe(1);
    expect((await api(s.crm, 'tok-admin', '/customers/c-010')).status).toBe(200);
    expect(await auditCount(s.crm)).toBe(before);
    await page.close();
  });

  it('cannot reach the extension with postMessage or chrome.runtime from the page', async () => {
    const page = await openCustomer(s, 'KH0010');
    const before = await auditCount(s.crm);
    const reachable = await page.evaluate(() => {
      const message = { id: 1, type: 'deleteCustomer', data: { id: 'c-010' }, timestamp: Date.now() };
      window.postMessage(message, '*');
      window.postMessage({ ...message, type: 'startBatch', data: { kind: 'delete', customerIds: ['c-010', 'c-011'] } }, '*');
      document.dispatchEvent(new CustomEvent('crmx-request', { detail: message }));
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof c?.runtime?.sendMessage === 'function';
    });
    expect(reachable).toBe(false);
    // Give any (wrongly) listening code a round trip through the background before looking.
    await openMenu(page, 'c-010');
    expect((await api(s.crm, 'tok-admin', '/customers/c-010')).status).toBe(200);
    expect((await api(s.crm, 'tok-admin', '/customers/c-011')).status).toBe(200);
    expect(await auditCount(s.crm)).toBe(before);
    await page.close();
  });

  it('hears nothing from the overlay starting, and cannot stop it by posting WXT\'s start message', async () => {
    const id = s.browser.extensionId;
    const started = `${id}:crm:wxt:content-script-started`;
    const page = await s.browser.context.newPage();
    // The page listens from its first script on: every message posted to it, and WXT's start event.
    await page.addInitScript((name) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`), true);
      document.addEventListener(name, () => heard.push(`event ${name}`), true);
    }, started);
    await page.goto(`${s.crm.url}/customers?q=KH0010`);
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-crmx-loaded'))).toBe(false);

    // The page says a newer copy started, as WXT's context would have heard it, both ways.
    await page.evaluate((name) => {
      const detail = { contentScriptName: 'crm', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, ...detail }, '*');
      document.documentElement.setAttribute('data-crmx-loaded', 'forged');
    }, started);
    await openMenu(page, 'c-010');
    await page.keyboard.press('Escape');
    expect(await page.locator('crmx-overlay').count()).toBe(1);
    expect(await page.locator('button.crmx-row-menu-button').count()).toBe(1);
    // A reload of a page that marks itself as decorated still gets the overlay.
    await page.addInitScript(() => document.documentElement.setAttribute('data-crmx-loaded', 'forged'));
    await page.reload();
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    await page.close();
  });

  it('a forged row for a customer the user may not see offers nothing, and the CRM refuses anyway', async () => {
    await actAs(s, 'tok-rep');
    const page = await s.openCustomers();
    // The page forges a row pointing at u-rep2's customer, which u-rep does not list.
    await page.evaluate(() => {
      const tr = document.querySelector('#customer-table tbody tr.dt-row')!.cloneNode(true) as HTMLTableRowElement;
      tr.querySelector('crmx-row-menu')?.remove();
      const link = tr.querySelector<HTMLAnchorElement>('td.col-name a')!;
      link.href = '/customers/c-026';
      link.textContent = 'Forged row';
      document.querySelector('#customer-table tbody')!.prepend(tr);
    });
    await row(page, 'c-026').locator('button.crmx-row-menu-button').waitFor();
    await openMenu(page, 'c-026');
    for (const item of ['edit', 'delete', 'returnToPool', 'share']) {
      await expect(menuItem(page, item).getAttribute('aria-disabled')).resolves.toBe('true');
    }
    await page.keyboard.press('Escape');
    await menu(page).waitFor({ state: 'hidden' });
    const before = await auditCount(s.crm);
    // As for a customer that does not exist: the CRM does not say that this one does.
    expect((await api(s.crm, 'tok-rep', '/customers/c-026', { method: 'DELETE' })).status).toBe(404);
    expect(await auditCount(s.crm)).toBe(before);
    await page.close();
  });
});
