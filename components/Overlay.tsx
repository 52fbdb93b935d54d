// Everything the content script draws, inside its one shadow root.
import { currentLanguage } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import type { DialogSource } from './kit/lazy-dialogs';
import type { OverlayState } from '../lib/ui/state';
import { DetailsPanel } from './DetailsPanel';
import { LazyDialogs } from './LazyDialogs';
import { PageNotice } from './PageNotice';
import { RowMenu } from './RowMenu';
import { Toasts } from './Toasts';

export function Overlay({ state, api, dialogs }: { state: OverlayState; api: ContentApi; dialogs: DialogSource }) {
  // With the details open on the right, the notices and toasts centre on what is left of the page.
  return (
    <div class={`crmx-root${state.details.value ? ' crmx-with-details' : ''}`} lang={currentLanguage.value}>
      <RowMenu state={state} />
      <DetailsPanel state={state} api={api} />
      <LazyDialogs state={state} api={api} dialogs={dialogs} />
      <div class="crmx-corner">
        <PageNotice state={state} />
        <Toasts state={state} />
      </div>
    </div>
  );
}
