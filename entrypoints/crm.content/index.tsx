// The content script on the CRM's customer page. Registered at runtime by the background for the
// configured CRM origin only. Thin: claim the page, pick the adapter, mount the overlay, start the
// features. It never opens IndexedDB, never holds the token and never calls the CRM.
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay } from '../../components/Overlay';
import { OVERLAY_CSS, OVERLAY_DIALOG_CSS } from '../../components/overlay-css';
import { browser } from 'wxt/browser';
import { loadAdapter } from '../../lib/host/adapters';
import { readOnlySetting } from '../../lib/settings-reader';
import { SETTINGS } from '../../lib/settings-schema';
import { observeRows } from '../../lib/host/observe-rows';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { onMessage } from '../../lib/messaging/protocol';
import { extensionApi } from '../../lib/features/api';
import { createChangeFeed } from '../../lib/features/changes';
import { claimDocument, startFeatures } from '../../lib/features/feature';
import { createOverlayState } from '../../lib/features/state';
import { injectedDialogs } from '../../lib/features/lazy-dialogs';
import { mountShadowRoot } from '../../lib/features/shadow-mount';
import { FEATURES } from './features';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const { signal } = ctx;
    // The registration's match pattern may cover more than the CRM (Firefox patterns have no port).
    if (location.origin !== (await readOnlySetting(SETTINGS.crmBaseUrl).getValue())) return;
    // WXT's context stops an older copy of this script when a newer one starts (its abort removes the
    // marker and everything it drew); a page still marked belongs to a live copy, so do nothing.
    if (!claimDocument(document, signal)) return;

    const adapter = await loadAdapter({
      hostAdapter: readOnlySetting(SETTINGS.hostAdapter),
      genericSelectors: readOnlySetting(SETTINGS.genericSelectors),
    });
    if (!adapter.matchesPage(new URL(location.href))) return;
    const api = extensionApi();
    // English is built in; another language's strings come from the background when it is chosen.
    await followLanguageSetting(signal, readOnlySetting(SETTINGS.language), (language) => api.request('getDictionary', language));

    const state = createOverlayState();
    const dialogs = injectedDialogs(() => api.request('loadDialogs', undefined));
    const changes = createChangeFeed();
    const stopListening = onMessage('changed', (message) => {
      if (message.sender.id === browser.runtime.id) changes.emit(message.data);
    });
    signal.addEventListener('abort', stopListening, { once: true });

    const rows = observeRows({ root: document, rowSelector: adapter.selectors.row, signal });
    const rowIds = () => rows.rows().map((row) => adapter.rowId(row)).filter((id): id is string => id !== null);

    const { container } = mountShadowRoot(document, 'crmx-overlay', OVERLAY_CSS + OVERLAY_DIALOG_CSS, signal);
    render(<Overlay state={state} api={api} dialogs={dialogs} rowIds={rowIds} />, container);
    signal.addEventListener('abort', () => render(null, container), { once: true });

    await startFeatures(FEATURES, {
      signal, document, adapter, rows, state, api, changes, dialogs,
    });
  },
});
