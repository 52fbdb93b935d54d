// Issue 20, point 3, "A way out": a rep (A) connects, syncs his customers and, with an action still waiting
// for a CRM that cannot be reached, signs out from the options page — the confirmation names the CRM and
// says how many actions wait; he discards them. The open CRM tab drops the overlay's data and the side panel
// shows no one connected. Another rep (B, a different list) then connects: the page, the side panel's search
// and the details never show A's customers, also while the CRM cannot be reached (the cache must not serve
// them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../harness/crm';
import { connectExtension, signInToHost } from '../harness/connect';
import { startScenario, type Scenario } from '../harness/scenario';
import type { Customer } from '../../lib/domain/types';
import type { Reply } from '../../lib/protocol/messages';
import { okData, sendFromPage, sendFromTab, waitFor } from './wire';
import { dialog, row, runItem } from '../overlay/overlay-helpers';

interface Listing { items: Customer[]; total: number }

describe('signing out, then another rep connecting', () => {
  let s: Scenario;
  let onlyA: Customer[];
  let onlyB: Customer[];
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    const listed = async (token: string) => (await api<Listing>(s.crm, token, '/customers?pageSize=200')).body.items;
    const [a, b] = [await listed('tok-rep'), await listed('tok-rep2')];
    onlyA = a.filter((c) => !b.some((x) => x.id === c.id));
    onlyB = b.filter((c) => !a.some((x) => x.id === c.id));
  });
  afterAll(async () => s?.close());

  const extensionPage = async (name: 'options' | 'sidepanel'): Promise<Page> => {
    const page = await s.browser.context.newPage();
    await page.goto(`chrome-extension://${s.browser.extensionId}/${name}.html`);
    return page;
  };
  const syncAll = async (options: Page) => {
    okData(await sendFromPage(options, 'syncNow', undefined));
    await waitFor(async () => okData(await sendFromPage(options, 'getSyncStatus', undefined)), (st) => !st.running && st.lastSyncAt !== null && !st.error, 'the sync');
  };
  const search = async (panel: Page, name: string) => {
    await panel.locator('[data-crmx-panel-q]').fill(name);
    return panel.locator('[data-crmx-panel-search] label').filter({ hasText: name });
  };

  it('A signs out from the options page; the page and the side panel keep nothing of his', async () => {
    expect(onlyA.length).toBeGreaterThan(3);
    expect(onlyB.length).toBeGreaterThan(3);
    const a = onlyA[0];
    const options = await extensionPage('options');
    await syncAll(options);

    // A's page, with a customer's details open; the side panel finds his customers in the cache.
    const page = await s.openCustomers('?pageSize=100');
    await runItem(page, a.id, 'view');
    await page.locator('.crmx-details').getByText(a.name).first().waitFor();
    const panel = await extensionPage('sidepanel');
    await (await search(panel, a.name)).first().waitFor();

    // An action made while the CRM cannot be reached waits in the outbox.
    await s.crm.stop();
    const worker = await s.browser.serviceWorker();
    const [follow] = await sendFromTab(worker, `${s.crm.url}/customers*`, [{ type: 'toggleFollow', data: onlyA[1].id }]);
    expect(follow.res).toMatchObject({ ok: true });
    const host = new URL(s.crm.url).host;

    await options.reload();
    await options.locator('#crmx-sign-out').click();
    const confirm = dialog(options, 'sign-out');
    await expect.poll(() => confirm.locator('h2').textContent()).toBe(`Sign out of ${host}?`);
    await confirm.getByText('1 action is still waiting to be sent.').waitFor();
    await confirm.getByRole('button', { name: 'Discard them and sign out' }).click();
    await options.locator('#crmx-sign-out-status').getByText('Signed out. Nothing of yours is kept on this device.').waitFor();
    await confirm.waitFor({ state: 'detached' });
    expect(await options.locator('#crmx-sign-out').count()).toBe(0);
    expect(okData(await sendFromPage(options, 'getSession', undefined))).toBeNull();

    // The open CRM tab: the details are gone, the overlay knows no one (its menus say so).
    await page.locator('.crmx-details').waitFor({ state: 'detached' });
    await row(page, a.id).locator('button.crmx-row-menu-button').click();
    await page.locator('[role=menu].crmx-menu').getByText(/Not connected/).first().waitFor();
    expect(await page.locator('.crmx-details').count()).toBe(0);
    // The side panel: not connected, none of A's customers, jobs or selection.
    await panel.getByText('Not connected to a CRM: open the options to connect.').waitFor();
    expect(await panel.getByText(a.name).count()).toBe(0);
    expect(okData(await sendFromPage(panel, 'searchCached', { limit: 50 })).total).toBe(0);

    // The discarded follow was never sent.
    await s.crm.start();
    const follows = await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows');
    expect(follows.body.customerIds).not.toContain(onlyA[1].id);
  });

  it('B connects: the page, the side panel and the details never show A\'s customers, online or not', async () => {
    await connectExtension(s.browser, s.crm.url, 'tok-rep2');
    await signInToHost(s.browser, s.crm.url, 'tok-rep2');
    const options = await extensionPage('options');
    await syncAll(options);
    const page = await s.openCustomers('?pageSize=100');
    const b = onlyB[0];
    await runItem(page, b.id, 'view');
    await page.locator('.crmx-details').getByText(b.name).first().waitFor();
    const panel = await extensionPage('sidepanel');
    await (await search(panel, b.name)).first().waitFor();

    const tab = `${s.crm.url}/customers*`;
    const worker = await s.browser.serviceWorker();
    const noneOfA = async () => {
      const cached = okData(await sendFromPage(options, 'searchCached', { limit: 200 }));
      expect(cached.items.filter((c) => onlyA.some((x) => x.id === c.id))).toEqual([]);
      for (const a of onlyA.slice(0, 4)) {
        expect(await (await search(panel, a.name)).count()).toBe(0);
        const [details] = await sendFromTab(worker, tab, [{ type: 'getCustomer', data: a.id }]);
        expect((details.res as Reply<unknown>).ok).toBe(false);
      }
      const [rows] = await sendFromTab(worker, tab, [{ type: 'getDecisions', data: { ids: onlyA.map((c) => c.id) } }]);
      const states = rows.res as Reply<Record<string, unknown>>;
      if (states.ok) expect(Object.values(states.data).filter((st) => st !== null)).toEqual([]);
      expect(await page.getByText(onlyA[0].name).count()).toBe(0);
    };
    await noneOfA();
    await s.crm.stop();
    await noneOfA();
    // B's own customers still come from the cache while the CRM cannot be reached.
    const [own] = await sendFromTab(worker, tab, [{ type: 'getCustomer', data: b.id }]);
    expect(own.res).toMatchObject({ ok: true, data: { fromCache: true, customer: { id: b.id } } });
    await s.crm.start();
  });
});

describe('signing out once the waiting actions are sent', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('waits while the CRM cannot be reached, then sends them once and signs out by itself', async () => {
    const page = await s.openCustomers('?pageSize=100');
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    const followsBefore = (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds;
    const ids = ['c-003', 'c-004'].filter((id) => !followsBefore.includes(id));
    expect(ids).toHaveLength(2);
    await s.crm.stop();
    const worker = await s.browser.serviceWorker();
    const answers = await sendFromTab(worker, `${s.crm.url}/customers*`, ids.map((id) => ({ type: 'toggleFollow', data: id })));
    expect(answers.map((a) => a.res?.ok)).toEqual([true, true]);

    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-sign-out').click();
    const confirm = dialog(options, 'sign-out');
    await confirm.getByText('2 actions are still waiting to be sent.').waitFor();
    await confirm.getByRole('button', { name: 'Sign out once they are sent' }).click();
    const status = options.locator('#crmx-sign-out-status');
    await status.getByText('You will be signed out once the 2 waiting actions are sent.').waitFor();
    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    await panel.locator('#crmx-sign-out-status').getByText('You will be signed out once the 2 waiting actions are sent.').waitFor();
    expect(okData(await sendFromPage(options, 'getSession', undefined))).not.toBeNull();

    await s.crm.start();
    await status.getByText('Signed out. Nothing of yours is kept on this device.').waitFor({ timeout: 90_000 });
    expect(okData(await sendFromPage(options, 'getSession', undefined))).toBeNull();
    await panel.getByText('Not connected to a CRM: open the options to connect.').waitFor();
    const followsAfter = (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds;
    expect(ids.every((id) => followsAfter.includes(id))).toBe(true);
    const { body } = await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Follow%20customer&limit=1000');
    for (const id of ids) expect(body.items.filter((e) => e.customerId === id)).toHaveLength(1);
  });
});
