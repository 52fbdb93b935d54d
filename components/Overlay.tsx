// Everything the content script draws, inside its one shadow root.
import { currentLanguage } from '../lib/i18n';
import type { ContentApi } from '../lib/features/api';
import type { DialogSource } from '../lib/features/lazy-dialogs';
import type { OverlayState } from '../lib/features/state';
import { DetailsPanel } from './DetailsPanel';
import { FollowedToggle } from './FollowedToggle';
import { LazyDialogs } from './LazyDialogs';
import { PageNotice } from './PageNotice';
import { RowMenu } from './RowMenu';
import { Toasts } from './Toasts';

export function Overlay({ state, api, dialogs, rowIds = () => [] }: {
  state: OverlayState; api: ContentApi; dialogs: DialogSource; rowIds?: () => string[];
}) {
  return (
    <div class="crmx-root" lang={currentLanguage.value}>
      <RowMenu state={state} />
      <DetailsPanel state={state} api={api} />
      <LazyDialogs state={state} api={api} dialogs={dialogs} />
      <div class="crmx-corner">
        <PageNotice state={state} />
        <Toasts state={state} />
        <FollowedToggle state={state} onPage={rowIds} />
      </div>
    </div>
  );
}
