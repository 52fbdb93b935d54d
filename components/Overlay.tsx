// Everything the content script draws, inside its one shadow root.
import { currentLanguage } from '../lib/i18n';
import type { ContentApi } from '../lib/features/api';
import type { OverlayState } from '../lib/features/state';
import { DetailsPanel } from './DetailsPanel';
import { RowMenu } from './RowMenu';

export function Overlay({ state, api }: { state: OverlayState; api: ContentApi }) {
  return (
    <div class="crmx-root" lang={currentLanguage.value}>
      <RowMenu state={state} />
      <DetailsPanel state={state} api={api} />
    </div>
  );
}
