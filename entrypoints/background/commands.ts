// The keyboard shortcuts, background side: the browser calls commands.onCommand only for a real key press
// (the user's binding, chrome://extensions/shortcuts or Firefox's add-on shortcuts). The side panel's shortcut
// is the toolbar button's own command (`_execute_action`, handled by the browser); the page shortcuts are
// forwarded to the top frame of the tab they were pressed in, only when that tab shows the connected CRM.
import { browser } from 'wxt/browser';
import { isPageCommand, type PageCommand } from '../../lib/protocol/commands';
import { sendMessage } from '../../lib/protocol/messages';

export interface CommandTab {
  id?: number;
  url?: string;
}

export interface CommandDeps {
  crmOrigin(): Promise<string | null>;
  /** The tab the key was pressed in when the browser does not say (Firefox before 86). */
  activeTab(): Promise<CommandTab | undefined>;
  send(tabId: number, command: PageCommand): Promise<void>;
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** Forwards a page shortcut to its tab; false (and nothing sent) for another command or a tab not on the CRM. */
export async function forwardCommand(command: string, tab: CommandTab | undefined, deps: CommandDeps): Promise<boolean> {
  if (!isPageCommand(command)) return false;
  const target = tab ?? (await deps.activeTab());
  const origin = await deps.crmOrigin();
  if (target?.id === undefined || origin === null || originOf(target.url) !== origin) return false;
  await deps.send(target.id, command);
  return true;
}

export const browserCommandDeps = (crmOrigin: () => Promise<string | null>): CommandDeps => ({
  crmOrigin,
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  },
  async send(tabId, command) {
    // A tab whose overlay is not running (another page of the CRM) has no listener: nothing to do there.
    await sendMessage('command', command, { tabId, frameId: 0 }).catch(() => undefined);
  },
});

/** The handler the browser calls; also what the end-to-end test calls, as the browser would (see the README's tests). */
export type CommandHandler = (command: string, tab?: CommandTab) => Promise<boolean>;

export function listenForCommands(crmOrigin: () => Promise<string | null>): CommandHandler {
  const deps = browserCommandDeps(crmOrigin);
  const handler: CommandHandler = (command, tab) => forwardCommand(command, tab, deps).catch((error: unknown) => {
    console.error('[crmx] shortcut', command, 'failed', error);
    return false;
  });
  // Firefox for Android has no commands API.
  browser.commands?.onCommand.addListener((command, tab) => void handler(command, tab));
  return handler;
}
