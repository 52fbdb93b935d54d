// The "Followed" view: a switch in the overlay that shows only the followed customers of the host's
// list (the host page has no followed filter of its own).
import { t } from '../lib/i18n';
import type { OverlayState } from '../lib/features/state';

export function FollowedToggle({ state, onPage }: { state: OverlayState; onPage: () => string[] }) {
  const on = state.followedOnly.value;
  const rowStates = state.rowStates.value;
  const count = onPage().filter((id) => rowStates.get(id)?.followed).length;
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
