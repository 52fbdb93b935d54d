// Everything the content script draws, inside its one shadow root.
import { currentLanguage } from '../lib/i18n';
import type { ContentApi } from '../lib/features/api';
import type { OverlayState } from '../lib/features/state';
import { DetailsPanel } from './DetailsPanel';
import { Dialogs } from './Dialogs';
import { FollowedToggle } from './FollowedToggle';
import { PageNotice } from './PageNotice';
import { RowMenu } from './RowMenu';
import { Toasts } from './Toasts';

export function Overlay({ state, api, rowIds = () => [] }: { state: OverlayState; api: ContentApi; rowIds?: () => string[] }) {
  return (
    <div class="crmx-root" lang={currentLanguage.value}>
      <RowMenu state={state} />
      <DetailsPanel state={state} api={api} />
      <Dialogs state={state} api={api} />
      <div class="crmx-corner">
        <PageNotice state={state} />
        <Toasts state={state} />
        <FollowedToggle state={state} onPage={rowIds} />
      </div>
    </div>
  );
}
