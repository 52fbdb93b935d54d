// The overlay on the CRM's customer page. An unlisted script that the background registers at runtime
// for the configured CRM origin only (WXT's content-script wrapper would announce it to the page, see
// entrypoints/crm-page/one-copy.ts). Thin: take over from an earlier copy, pick the adapter, mount the overlay,
// start the features. It never opens IndexedDB, never holds the token and never calls the CRM.
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Overlay } from '../../components/Overlay';
import { OVERLAY_CSS, OVERLAY_DIALOG_CSS } from '../../components/overlay-css';
import { browser } from 'wxt/browser';
import { loadAdapter } from '../../lib/host/adapters';
import { readOnlySetting } from '../../lib/settings-reader';
import { SETTINGS } from '../../lib/settings-schema';
import { observeRows } from '../../lib/host/observe-rows';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { onMessage } from '../../lib/protocol/messages';
import { extensionApi } from '../../lib/ui/api';
import { createChangeFeed } from '../../lib/ui/changes';
import { startFeatures } from './feature';
import { startOnlyCopy } from './one-copy';
import { createOverlayState } from '../../lib/ui/state';
import { injectedDialogs } from '../../components/kit/lazy-dialogs';
import { mountShadowRoot } from './shadow-mount';
import { FEATURES } from './features';

export default defineUnlistedScript({
  async main() {
    const signal = startOnlyCopy(globalThis as Record<string, unknown>, document, () => browser.runtime?.id !== undefined);
    // The registration's match pattern may cover more than the CRM (Firefox patterns have no port).
    if (location.origin !== (await readOnlySetting(SETTINGS.crmBaseUrl).getValue()) || signal.aborted) return;

    const adapter = await loadAdapter({
      hostAdapter: readOnlySetting(SETTINGS.hostAdapter),
      genericSelectors: readOnlySetting(SETTINGS.genericSelectors),
    });
    if (!adapter.matchesPage(new URL(location.href)) || signal.aborted) return;
    const api = extensionApi();
    // English is built in; another language's strings come from the background when it is chosen.
    await followLanguageSetting(signal, readOnlySetting(SETTINGS.language), (language) => api.request('getDictionary', language));
    // A later copy took over while this one waited.
    if (signal.aborted) return;

    const state = createOverlayState();
    const dialogs = injectedDialogs(() => api.request('loadDialogs', undefined));
    const changes = createChangeFeed();
    const stopListening = onMessage('changed', (message) => {
      if (message.sender.id === browser.runtime.id) changes.emit(message.data);
    });
    signal.addEventListener('abort', stopListening, { once: true });

    const rows = observeRows({ root: document, rowSelector: adapter.selectors.row, signal });

    const { container } = mountShadowRoot(document, 'crmx-overlay', OVERLAY_CSS + OVERLAY_DIALOG_CSS, signal);
    render(<Overlay state={state} api={api} dialogs={dialogs} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });

    await startFeatures(FEATURES, {
      signal, document, adapter, rows, state, api, changes, dialogs,
    });
  },
});
