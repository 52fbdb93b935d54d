// The overlay on the CRM's customer page. An unlisted script that the background registers at runtime
// for the configured CRM origin only (WXT's content-script wrapper would announce it to the page, see
// entrypoints/crm-page/one-copy.ts). Thin: take over from an earlier copy, pick the adapter, follow which
// page the tab shows (lib/host/page-watch.ts: a CRM changes pages by hash, history or XHR without a load),
// and on a page the adapter serves mount the overlay and start its features, all stopped and removed when
// the page stops being that. It never opens IndexedDB, never holds the token and never calls the CRM.
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Overlay } from '../../components/Overlay';
import { OVERLAY_DIALOG_PIECES, OVERLAY_PIECES } from '../../components/overlay-css';
import { browser } from 'wxt/browser';
import { loadAdapter } from '../../lib/host/adapters';
import { pageKind, recordPageAdapter, type HostAdapter, type PageKind } from '../../lib/host/adapter';
import { watchPage } from '../../lib/host/page-watch';
import { readOnlySetting } from '../../lib/settings-reader';
import { SETTINGS } from '../../lib/settings-schema';
import { observeRows } from '../../lib/host/observe-rows';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { onMessage } from '../../lib/protocol/messages';
import { extensionApi, type ContentApi } from '../../lib/ui/api';
import { createChangeFeed } from '../../lib/ui/changes';
import { startFeatures } from './feature';
import { startOnlyCopy } from './one-copy';
import { createOverlayState } from '../../lib/ui/state';
import { injectedDialogs } from '../../components/kit/lazy-dialogs';
import { mountShadowRoot } from './shadow-mount';
import { FEATURES, RECORD_PAGE_FEATURES } from './features';

/** The overlay on a page of `kind` until `signal` aborts (the page stopped being that, or a later copy took over). */
async function startOverlay(pageAdapter: HostAdapter, api: ContentApi, kind: PageKind, signal: AbortSignal): Promise<void> {
  // A record page's one row is our holder beside its title.
  const [adapter, features] = kind === 'list' ? [pageAdapter, FEATURES] : [recordPageAdapter(pageAdapter), RECORD_PAGE_FEATURES];
  const state = createOverlayState();
  const dialogs = injectedDialogs(() => api.request('loadDialogs', undefined));
  const changes = createChangeFeed();
  const stopListening = onMessage('changed', (message) => {
    if (message.sender.id === browser.runtime.id) changes.emit(message.data);
  });
  signal.addEventListener('abort', stopListening, { once: true });

  const rows = observeRows({ root: document, rowSelector: adapter.selectors.row, signal });

  const { container } = mountShadowRoot(document, 'crmx-overlay', { pieces: [...OVERLAY_PIECES, ...OVERLAY_DIALOG_PIECES], dialogs }, signal);
  render(<Overlay state={state} api={api} dialogs={dialogs} hostHeader={adapter.selectors.header} />, container);
  signal.addEventListener('abort', () => render(null, container), { once: true });

  await startFeatures(features, {
    signal, document, adapter, rows, state, api, changes, dialogs,
  });
}

export default defineUnlistedScript({
  async main() {
    const signal = startOnlyCopy(globalThis as Record<string, unknown>, document, () => browser.runtime?.id !== undefined);
    // The registration's match pattern may cover more than the CRM (Firefox patterns have no port).
    if (location.origin !== (await readOnlySetting(SETTINGS.crmBaseUrl).getValue()) || signal.aborted) return;

    const adapter = await loadAdapter({
      hostAdapter: readOnlySetting(SETTINGS.hostAdapter),
      genericSelectors: readOnlySetting(SETTINGS.genericSelectors),
    });
    if (signal.aborted) return;
    const api = extensionApi();
    // The chosen language's strings come from the background (the script carries none); without them
    // there is nothing to say. A later copy may also have taken over while this one waited.
    const hasStrings = await followLanguageSetting(signal, readOnlySetting(SETTINGS.language), (language) => api.request('getDictionary', language));
    if (!hasStrings || signal.aborted) return;

    watchPage<PageKind>({
      signal,
      kind: () => pageKind(adapter, new URL(location.href), document),
      start: (kind, pageSignal) => void startOverlay(adapter, api, kind, pageSignal),
    });
  },
});
