// The dialogs of the CRM page, injected by the background into the tab's isolated world on first use
// (components/kit/lazy-dialogs.ts). Built against the modules the content script shares
// (components/kit/shared-modules.ts, build/lazy-dialogs.ts), so it must only run after the content
// script shared them.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as kit from '../components/kit/dialog-kit';
import { DIALOGS_GLOBAL, SHARED_GLOBAL } from '../components/kit/dialogs-script';
import type { LoadedDialogs } from '../components/kit/lazy-dialogs';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const loaded: LoadedDialogs = { kit, sharedModules: scope[SHARED_GLOBAL] };
  scope[DIALOGS_GLOBAL] = loaded;
});
