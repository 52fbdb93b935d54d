// Everything the content script draws, inside its one shadow root.
import { currentLanguage } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import type { DialogSource } from './kit/lazy-dialogs';
import { failureText } from '../lib/ui/outcome';
import { showToast, type OverlayState } from '../lib/ui/state';
import { LazyDialogs } from './LazyDialogs';
import { PageNotice } from './PageNotice';
import { Toasts } from './Toasts';
import { useDialogKit } from './use-dialog-kit';

export function Overlay({ state, api, dialogs, hostHeader }: { state: OverlayState; api: ContentApi; dialogs: DialogSource; hostHeader?: string }) {
  // With the details open on the right, the notices and toasts centre on what is left of the page.
  return (
    <div class={`crmx-root${state.details.value ? ' crmx-with-details' : ''}`} lang={currentLanguage.value}>
      <LazyRowMenu state={state} dialogs={dialogs} />
      <LazyDetailsPanel state={state} api={api} dialogs={dialogs} hostHeader={hostHeader} />
      <LazyDialogs state={state} api={api} dialogs={dialogs} />
      <div class="crmx-corner">
        <PageNotice state={state} />
        <Toasts state={state} />
      </div>
    </div>
  );
}

/**
 * The row menu comes with the dialogs' script too: the [···] buttons start loading it when pointed at or
 * focused (entrypoints/crm-page/features/row-menu.ts), so it is there by the click or the key.
 */
function LazyRowMenu({ state, dialogs }: { state: OverlayState; dialogs: DialogSource }) {
  const open = state.menu.value;
  // Loaded already (the button was pointed at): drawn in the frame of the click, not one later.
  const kit = useDialogKit(dialogs, open !== null, (error) => {
    if (state.menu.value === open) state.menu.value = null;
    showToast(state, { tone: 'error', text: failureText(error) });
  }) ?? dialogs.loaded();
  return kit && open ? <kit.RowMenu state={state} /> : null;
}

/** The details panel comes with the dialogs' script: the content script stays within its size budget. */
function LazyDetailsPanel({ state, api, dialogs, hostHeader }: { state: OverlayState; api: ContentApi; dialogs: DialogSource; hostHeader?: string }) {
  const open = state.details.value;
  const kit = useDialogKit(dialogs, open !== null, (error) => {
    if (state.details.value === open) state.details.value = null;
    showToast(state, { tone: 'error', text: failureText(error) });
  });
  return kit && open ? <kit.DetailsPanel state={state} api={api} hostHeader={hostHeader} /> : null;
}
