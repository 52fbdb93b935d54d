// The "Followed" view: a switch in the overlay that shows only the followed customers of the host's
// list (the host page has no followed filter of its own).
import { t } from '../lib/i18n';
import type { OverlayState } from '../lib/features/state';

export function FollowedToggle({ state, onPage }: { state: OverlayState; onPage: () => string[] }) {
  const on = state.followedOnly.value;
  // Counting walks every row on the page: only while the view is on (5,000 rows re-render often).
  const count = on ? onPage().filter((id) => state.rowStates.value.get(id)?.followed).length : 0;
  return (
    <div class="crmx-followed-toggle">
      <button type="button" role="switch" aria-checked={on ? 'true' : 'false'} data-crmx-followed-toggle
        onClick={() => (state.followedOnly.value = !on)}>
        {on ? '★ ' : '☆ '}{t('follow.filter')}
      </button>
      {on && <span class="crmx-help" role="status">{t('follow.filterCount', { count })}</span>}
    </div>
  );
}
