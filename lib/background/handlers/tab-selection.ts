import type { TabSelectionProtocol } from '../../protocol/tab-selection';
import type { SenderInfo } from '../check-sender';
import type { Handlers } from '../router';
import type { TabSelections } from '../tab-selections';

/** The sender's tab and origin (the router let only a CRM tab's content script through: both are there). */
function tabOf(sender: SenderInfo): { tabId: number; origin: string } {
  if (sender.tab?.id === undefined || !sender.url) throw new Error('a tab\'s selection comes from its tab only');
  return { tabId: sender.tab.id, origin: new URL(sender.url).origin };
}

export function createTabSelectionHandlers(selections: TabSelections): Pick<Handlers, keyof TabSelectionProtocol> {
  return {
    async getTabSelection(list, sender) {
      const { tabId, origin } = tabOf(sender);
      return selections.get(tabId, origin, list);
    },
    async putTabSelection(selection, sender) {
      const { tabId, origin } = tabOf(sender);
      await selections.put(tabId, origin, selection);
      return null;
    },
  };
}
