// A small notice about the page itself (e.g. the adapter finds no customer rows).
import { t } from '../lib/i18n';
import type { OverlayState } from '../lib/ui/state';

export function PageNotice({ state }: { state: OverlayState }) {
  const text = state.notice.value;
  if (!text) return null;
  return (
    <div class="crmx-notice" role="status" data-crmx-notice>
      <span>{text}</span>
      <button type="button" class="crmx-toast-close" aria-label={t('notice.dismiss')} onClick={() => (state.notice.value = null)}>×</button>
    </div>
  );
}
