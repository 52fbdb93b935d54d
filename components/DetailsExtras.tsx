// The details panel's actions (refusals explained, as in the row menu) and its latest log entries.
import { errorText, t } from '../lib/i18n';
import type { ContentApi } from '../lib/ui/api';
import { menuItems } from '../lib/ui/menu-items';
import { asProtocolError } from '../lib/ui/outcome';
import type { OverlayState } from '../lib/ui/state';
import type { CustomerDetails } from '../lib/protocol/messages';
import { Timeline } from './Timeline';
import { useLoad } from './use-load';

/** The button clicked (currentTarget is not reliable under delegated event handling). */
export function clicked(event: Event): HTMLElement {
  return ((event.target as Element).closest('button') ?? event.target) as HTMLElement;
}

export type PanelAction = 'edit' | 'delete' | 'returnToPool' | 'share' | 'log' | 'follow';
const PANEL_ACTIONS = new Set<string>(['edit', 'delete', 'returnToPool', 'share', 'log']);

export function DetailsActions({ state, data, run }: { state: OverlayState; data: CustomerDetails; run(id: PanelAction, anchor: HTMLElement): void }) {
  const rowState = state.rowStates.value.get(data.customer.id) ?? { id: data.customer.id, followed: data.followed, decisions: data.decisions };
  // An action whose feature is switched off in the options is not offered.
  const items = menuItems(rowState, null).filter((item) => PANEL_ACTIONS.has(item.id) && state.actions.has(item.id));
  // The buttons in one row; why an action is not open to the user is said under the row.
  const refused = items.filter((item) => item.reason);
  return (
    <section class="crmx-details-actions" aria-labelledby="crmx-details-actions-title">
      <h3 id="crmx-details-actions-title" class="crmx-visually-hidden">{t('details.actions')}</h3>
      <div class="crmx-details-action-row">
        {items.map((item) => (
          <button key={item.id} type="button" class="crmx-details-action" data-crmx-action={item.id} aria-disabled={item.disabled ? 'true' : undefined}
            aria-describedby={item.reason ? `crmx-details-${item.id}-reason` : undefined}
            onClick={(e) => !item.disabled && run(item.id as PanelAction, clicked(e))}>{item.label}</button>
        ))}
      </div>
      {refused.length > 0 && (
        <ul class="crmx-details-reasons">
          {refused.map((item) => (
            <li key={item.id} id={`crmx-details-${item.id}-reason`} class="crmx-menu-reason">{item.reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LatestLog({ api, id, revision }: { api: ContentApi; id: string; revision: number }) {
  const load = useLoad(() => api.request('getTimeline', { customerId: id, limit: 5 }), [id, revision]);
  return (
    <section class="crmx-details-log" aria-labelledby="crmx-details-log-title">
      <h3 id="crmx-details-log-title">{t('log.latest')}</h3>
      {load.status === 'loading' && <p role="status">{t('dialog.loading')}</p>}
      {load.status === 'error' && <p class="crmx-help">{errorText(asProtocolError(load.error))}</p>}
      {load.status === 'ok' && (load.data.items.length === 0 ? <p class="crmx-help">{t('log.empty')}</p> : <Timeline items={load.data.items} api={api} />)}
    </section>
  );
}

