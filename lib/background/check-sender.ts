// Who may send what to the background. Pure: the extension's own id and page base are passed in.
import { browser } from 'wxt/browser';
import type { ProtocolError, SenderKind } from '../protocol/messages';

/** The parts of runtime.MessageSender we look at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ExtensionSelf {
  id: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  pageBase: string;
}

export function currentExtension(): ExtensionSelf {
  return { id: browser.runtime.id, pageBase: browser.runtime.getURL('/') };
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

const refuse = (message: string): ProtocolError => ({ code: 'refused_sender', message });

/** null when the sender may send a message of this kind, else the refusal to answer. */
export function checkSender(
  kind: SenderKind,
  sender: SenderInfo,
  crmOrigin: string | null,
  self: ExtensionSelf = currentExtension(),
): ProtocolError | null {
  if (sender.id !== self.id) return refuse('Message from outside this extension');
  const fromExtensionPage = sender.url !== undefined && sender.url.startsWith(self.pageBase);
  if (fromExtensionPage) return kind === 'crm-tab' ? refuse('Only the CRM\'s own tab may send this message') : null;
  if (kind === 'extension-page') return refuse('Only the extension\'s own pages may send this message');

  if (crmOrigin === null) return refuse('No CRM is connected yet');
  if (!sender.tab) return refuse('Message from a content script outside a tab');
  if (kind === 'crm-tab' && sender.tab.id === undefined) return refuse('Message from a tab without an id');
  if (sender.frameId !== undefined && sender.frameId !== 0) return refuse('Message from a frame inside the page');
  if (originOf(sender.url) !== crmOrigin) return refuse(`Message from a page outside the CRM (${originOf(sender.url) ?? 'no URL'})`);
  if (sender.tab.url !== undefined && originOf(sender.tab.url) !== crmOrigin) {
    return refuse('Message from a tab outside the CRM');
  }
  return null;
}
