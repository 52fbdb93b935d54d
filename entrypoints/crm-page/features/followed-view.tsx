// Seed 000: "The user can then view the followed customers in the 'Followed' tab." Two tabs above the
// host's list — all customers (the host's own rows) and Followed (ours, drawn in the list's place from
// the cache, paged, with the same row controls and batch bar). Switching tabs clears the selection: it
// never reaches a customer the user no longer sees.
import { effect, signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { OVERLAY_DIALOG_PIECES, OVERLAY_PIECES } from '../../../components/overlay-css';
import { useDialogKit } from '../../../components/use-dialog-kit';
import type { Id } from '../../../lib/domain/types';
import { currentLanguage, t } from '../../../lib/i18n/index';
import { clearSelection, selectionStoreFor } from '../../../lib/ui/selection-store';
import type { Feature } from '../feature';
import { toggleFollow } from './follow';
import { failureText } from '../../../lib/ui/outcome';
import { openMenu } from './row-menu';
import { rowControlsCss } from '../row-slot';
import { hostList } from '../host-list';
import { setHidden, VIEW_HIDDEN_ATTRIBUTE } from './row-visibility';
import { keepBefore } from '../shadow-mount';
import { setRowStates } from '../../../lib/ui/state';

export const VIEWS_HOST = 'crmx-views';

const VIEWS_CSS = `
:host { display: block !important; margin: 0 0 8px !important; }
.crmx-views { font: 14px/1.45 system-ui, sans-serif; color: #111827; }
.crmx-view-tabs { display: flex; gap: 4px; border-bottom: 1px solid #cbd2dc; }
.crmx-view-tabs [role="tab"] { font: inherit; padding: 4px 12px; border: 1px solid transparent; border-bottom: 0; border-radius: 6px 6px 0 0; background: none; color: #374151; cursor: pointer; }
.crmx-view-tabs [role="tab"][aria-selected="true"] { border-color: #cbd2dc; background: #fff; color: #111827; font-weight: 600; margin-bottom: -1px; }
.crmx-view-tabs [role="tab"]:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

function hideHostList(list: Element | null, hidden: boolean): void {
  if (list) setHidden(list, hidden, VIEW_HIDDEN_ATTRIBUTE);
}

export const followedViewFeature: Feature = {
  name: 'followed-view',
  init(ctx) {
    const { signal: abort, state } = ctx;
    const store = selectionStoreFor(state);
    const version = signal(0);
    let list: Element | null = null;

    const show = (followed: boolean) => {
      if (followed === (state.view.value !== null)) return;
      clearSelection(store);
      state.menu.value = null;
      state.view.value = followed ? { kind: 'followed', ids: [] } : null;
    };

    function Tabs() {
      const followed = state.view.value !== null;
      const [error, setError] = useState<string | null>(null);
      const kit = useDialogKit(ctx.dialogs, followed, (e) => setError(failureText(e)));
      const onKeyDown = (event: KeyboardEvent) => {
        if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
        event.preventDefault();
        const next = event.key === 'Home' ? false : event.key === 'End' ? true : !followed;
        show(next);
        (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-crmx-view="${next ? 'followed' : 'all'}"]`)?.focus();
      };
      return (
        <div class="crmx-views" lang={currentLanguage.value}>
          <div class="crmx-view-tabs" role="tablist" aria-label={t('views.label')} onKeyDown={onKeyDown}>
            <button type="button" role="tab" id="crmx-view-all" data-crmx-view="all" aria-selected={followed ? 'false' : 'true'}
              tabIndex={followed ? -1 : 0} onClick={() => show(false)}>{t('views.all')}</button>
            <button type="button" role="tab" id="crmx-view-followed" data-crmx-view="followed" aria-selected={followed ? 'true' : 'false'}
              aria-controls={followed ? 'crmx-view-followed-panel' : undefined}
              tabIndex={followed ? 0 : -1} onClick={() => show(true)}>{t('views.followed')}</button>
          </div>
          {followed && (
            <div role="tabpanel" id="crmx-view-followed-panel" aria-labelledby="crmx-view-followed">
              {error && <p class="crmx-error" role="alert">{error}</p>}
              {kit && (
                <kit.FollowedView api={ctx.api} state={state} store={store} version={version}
                  openMenu={(target) => openMenu(ctx, target)}
                  toggleFollow={(id) => void toggleFollow(ctx, id)}
                  onShown={(ids: readonly Id[]) => {
                    if (state.view.value) state.view.value = { kind: 'followed', ids };
                    void ctx.api.getDecisions([...ids]).then((states) => setRowStates(state, states), () => undefined);
                  }} />
              )}
            </div>
          )}
        </div>
      );
    }

    // The tabs above the host's list (again after the host re-rendered it), which they hide while Followed is shown.
    keepBefore(ctx, {
      name: VIEWS_HOST,
      css: { pieces: [...OVERLAY_PIECES, ...OVERLAY_DIALOG_PIECES, rowControlsCss(), VIEWS_CSS], dialogs: ctx.dialogs },
      view: <Tabs />,
      anchor: () => hostList(ctx),
      onAnchor(current) {
        if (list !== current) hideHostList(list, false);
        list = current;
        hideHostList(list, state.view.value !== null);
      },
    });
    const disposeHidden = effect(() => hideHostList(list, state.view.value !== null));
    ctx.changes.subscribe((change) => {
      if (change.kind === 'follows' || change.kind === 'customers' || (change.kind === 'sync' && !change.status.running)) version.value++;
    }, abort);

    abort.addEventListener('abort', () => {
      disposeHidden();
      hideHostList(list, false);
      state.view.value = null;
    }, { once: true });
  },
};
