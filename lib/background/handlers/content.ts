import { DICTIONARIES } from '../../i18n/languages';
import type { ContentProtocol } from '../../protocol/content';
import type { Handlers } from '../router';

export interface ContentHandlerDeps {
  /** Runs the dialogs' script in that frame of that tab (browser.scripting in the background). */
  injectDialogs(target: { tabId: number; frameId: number }): Promise<void>;
}

export function createContentHandlers(deps: ContentHandlerDeps): Pick<Handlers, keyof ContentProtocol> {
  return {
    getDictionary: async (language) => DICTIONARIES[language],
    async loadDialogs(_, sender) {
      // Only a tab has a world to run them in; extension pages bundle the dialogs.
      if (sender.tab?.id === undefined) throw new Error('loadDialogs comes from a tab only');
      await deps.injectDialogs({ tabId: sender.tab.id, frameId: sender.frameId ?? 0 });
      return null;
    },
  };
}
