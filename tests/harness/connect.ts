// Connects the extension to a CRM the way a user does: through the options page.
import { signInWithToken } from '../../reference-crm/sign-in-client';
import type { ExtensionBrowser } from './browser';

export async function connectExtension(browser: ExtensionBrowser, crmUrl: string, token: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('#crmx-crm-url').fill(crmUrl);
  await page.locator('#crmx-token').fill(token);
  await page.locator('#crmx-connect').click();
  const status = page.locator('#crmx-connection-status');
  await status.filter({ hasText: /Signed in as|Đã đăng nhập/ }).waitFor({ timeout: 15_000 }).catch(async () => {
    throw new Error(`The options page did not connect: "${await status.textContent()}"`);
  });
  const text = (await status.textContent()) ?? '';
  await page.close();
  return text;
}

/** Signs in to the host CRM page with a cookie session (the host's own login form, its CSRF token included). */
export async function signInToHost(browser: ExtensionBrowser, crmUrl: string, token: string): Promise<void> {
  await signInWithToken(browser.context.request, crmUrl, token);
}
