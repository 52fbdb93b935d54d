// Launches Debian's Chromium with the built extension loaded (MV3), headless.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../scripts/browser-path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  serviceWorker(): Promise<Worker>;
  /** Kills the MV3 service worker the way Chromium does when it idles (CDP Target.closeTarget). */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

// Playwright's own headless mode would add --hide-scrollbars and pointer overrides; "headful" with
// Chromium's new headless keeps the page as a user sees it (a long page has its scrollbar).
const BROWSER_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * A keyboard shortcut of the extension pressed on `page`'s tab. Headless Chromium cannot press browser-level
 * shortcut keys: this fires the browser's own commands event in the service worker
 * (chrome.commands.onCommand.dispatch), which calls the background's listener exactly as a key press does.
 */
export async function pressShortcut(browser: ExtensionBrowser, page: Page, command: string): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async ([name, url]) => {
    const c = (globalThis as unknown as { chrome: {
      tabs: { query(q: object): Promise<{ id: number; url: string }[]> };
      commands: { onCommand: { dispatch(command: string, tab: object): void } };
    } }).chrome;
    const [tab] = (await c.tabs.query({})).filter((t) => t.url === url);
    c.commands.onCommand.dispatch(name, tab);
  }, [command, page.url()] as const);
}

/** The same browser, profile kind and flags as launchWithExtension, without the extension: a baseline. */
export function launchPlainChromium(profileDir = mkdtempSync(join(tmpdir(), 'crmx-plain-'))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath(), headless: false, args: BROWSER_ARGS });
}

/** `extensionDir`: another build of the extension than .output's (the SuiteCRM suite builds its own). */
export async function launchWithExtension(
  profileDir = mkdtempSync(join(tmpdir(), 'crmx-profile-')),
  extensionDir = EXTENSION_DIR,
): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...BROWSER_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  // The worker may start before a waitForEvent is attached: look again after attaching, and retry.
  const serviceWorker = async (): Promise<Worker> => {
    for (let attempt = 0; ; attempt++) {
      const existing = context.serviceWorkers()[0];
      if (existing) return existing;
      const next = context.waitForEvent('serviceworker', { timeout: 10_000 });
      const again = context.serviceWorkers()[0];
      if (again) {
        next.catch(() => undefined);
        return again;
      }
      try {
        return await next;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  };
  const extensionId = new URL((await serviceWorker()).url()).host;

  return {
    context,
    extensionId,
    profileDir,
    serviceWorker,
    async stopServiceWorker() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (worker) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
      await cdp.detach();
    },
    close: () => context.close(),
  };
}
