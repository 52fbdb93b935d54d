// The push channel: tell every open UI (CRM tabs, extension pages) what changed.
import { browser } from 'wxt/browser';
import { sendMessage, type Change } from '../../lib/protocol/messages';
import { crmMatchPattern } from '../../lib/settings';

export async function pushChange(change: Change, crmOrigin: string | null): Promise<void> {
  // Extension pages (options, side panel); none open is not an error.
  const toPages = sendMessage('changed', change).catch(() => undefined);
  if (!crmOrigin) return void (await toPages);
  const tabs = await browser.tabs.query({ url: crmMatchPattern(crmOrigin) }).catch(() => []);
  await Promise.all([
    toPages,
    ...tabs.map((tab) => (tab.id === undefined ? undefined : sendMessage('changed', change, tab.id).catch(() => undefined))),
  ]);
}
