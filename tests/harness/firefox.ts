// Launches Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core) with the Firefox build
// installed as a temporary add-on.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { GECKO_ID } from '../../build/manifest';
import { firefoxPath } from '../../scripts/browser-path';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

export interface FirefoxWithExtension {
  browser: Browser;
  /** The moz-extension:// origin of the add-on (Firefox gives each install a UUID; we choose it). */
  extensionOrigin: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Firefox ESR 153 refuses WebDriver navigation to moz-extension:// pages (the add-on's options page)
    // unless the remote agent may reach privileged pages; earlier versions ignore the variable.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    // Without a chosen UUID the options page's address cannot be known from outside.
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, extensionOrigin: `moz-extension://${uuid}`, close: () => browser.close() };
}

/**
 * Opens a page of the add-on. Puppeteer's BiDi navigation never reports a moz-extension:// load as
 * finished, so start it and wait for the document instead.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string, readySelector: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.goto(`${ff.extensionOrigin}/${path}`, { timeout: 0 }).catch(() => undefined);
  await page.waitForSelector(readySelector, { timeout: 30_000 });
  return page;
}
