// One end-to-end scenario: a reference CRM with a seed, Chromium with the extension connected as a user,
// and the host's customer page signed in as the same user.
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { connectExtension, signInToHost } from './connect';
import { startCrm, type CrmOptions, type CrmProcess } from './crm';

export interface Scenario {
  crm: CrmProcess;
  browser: ExtensionBrowser;
  /** Opens the host's customer page (optionally with a query such as `?pageSize=100`). */
  openCustomers(query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startScenario(options: CrmOptions & { token: string }): Promise<Scenario> {
  const crm = await startCrm(options);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension();
    await connectExtension(browser, crm.url, options.token);
    await signInToHost(browser, crm.url, options.token);
  } catch (error) {
    await browser?.close();
    await crm.stop();
    throw error;
  }
  const b = browser;
  return {
    crm,
    browser: b,
    async openCustomers(query = '') {
      const page = await b.context.newPage();
      await page.goto(`${crm.url}/customers${query}`);
      await page.getByText(/Showing \d+–\d+ of \d+/).waitFor();
      return page;
    },
    async close() {
      await b.close();
      await crm.stop();
    },
  };
}
