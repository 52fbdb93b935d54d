// The content script is registered at runtime for the configured CRM origin only (never <all_urls>).
import { browser } from 'wxt/browser';
import { crmMatchPattern } from '../../lib/settings';

export const CONTENT_SCRIPT_ID = 'crmx-crm';
const CONTENT_SCRIPT_FILE = '/crm-page.js';

let pending: Promise<void> = Promise.resolve();

/**
 * Registers (or re-registers, or removes) the content script for `origin`. Calls run one after another: a
 * worker's start, the browser's start and a changed setting may all ask at once, and two registrations of
 * one id fail ("Duplicate script ID"). A new registration is also injected into the CRM's open tabs, which
 * loaded before it (a page opened just as the browser started); the overlay keeps one copy a page.
 */
export function syncContentScript(origin: string | null): Promise<void> {
  const run = pending.then(() => register(origin));
  pending = run.catch(() => undefined);
  return run;
}

async function register(origin: string | null): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  const matches = origin ? [crmMatchPattern(origin)] : [];
  const current = existing[0]?.matches ?? [];
  if (existing.length > 0 && current.join() === matches.join()) return;
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (!origin) return;

  await browser.scripting.registerContentScripts([{
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    matches,
    runAt: 'document_idle',
    allFrames: false,
    ...(import.meta.env.BROWSER === 'firefox' ? {} : { persistAcrossSessions: true }),
  }]);
  await injectIntoOpenTabs(matches);
}

async function injectIntoOpenTabs(matches: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(tabs.map(async (tab) => {
    if (tab.id === undefined) return;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] });
    } catch (error) {
      console.warn('[crmx] could not add the overlay to an open CRM tab', error);
    }
  }));
}
