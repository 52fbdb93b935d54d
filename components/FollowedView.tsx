// The "Followed" tab (seed 000): every followed customer the user can see, paged, from the cache (so it
// works offline), with the row's box, star and [···] menu, like the host's own rows.
import type { Signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Customer, Id } from '../lib/domain/types';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import type { OpenMenu, OverlayState } from '../lib/ui/state';
import { t } from '../lib/i18n';
import { pageState, selectRange, setPage, toggle } from '../lib/ui/selection';
import type { SelectionStore } from '../lib/ui/selection-store';

export const FOLLOWED_PAGE_SIZE = 25;

// Here rather than with the tabs: the page script carries only what shows before the tab is opened.
const FOLLOWED_CSS = `
.crmx-followed-view { padding: 8px 0; }
.crmx-followed-table { border-collapse: collapse; width: 100%; }
.crmx-followed-table th, .crmx-followed-table td { text-align: start; padding: 4px 8px; border-bottom: 1px solid #eef0f3; }
.crmx-followed-controls { white-space: nowrap; width: 1%; }
.crmx-followed-pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; margin-top: 8px; }
.crmx-followed-pager button { font: inherit; padding: 3px 10px; border: 1px solid #b9c0cc; border-radius: 4px; background: #fff; cursor: pointer; }
`;

export interface FollowedViewProps {
  api: Pick<ContentApi, 'request'>;
  state: OverlayState;
  store: SelectionStore;
  /** Bumped when the followed customers may have changed (a follow, a sync, an edit). */
  version: Signal<number>;
  openMenu(target: OpenMenu): void;
  toggleFollow(id: Id): void;
  /** The customers shown now, in order (the batch bar's page). */
  onShown(ids: readonly Id[]): void;
}

export function FollowedView({ api, state, store, version, openMenu, toggleFollow, onShown }: FollowedViewProps) {
  const [offset, setOffset] = useState(0);
  const [page, setPageItems] = useState<{ items: Customer[]; total: number; offset: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headerBox = useRef<HTMLInputElement>(null);
  const changes = version.value;

  useEffect(() => {
    let live = true;
    api.request('listFollowed', { offset, limit: FOLLOWED_PAGE_SIZE }).then((result) => {
      if (!live) return;
      // Unfollowing the last one of a page leaves it empty: show the page before.
      if (result.items.length === 0 && offset > 0) {
        setOffset(Math.max(0, offset - FOLLOWED_PAGE_SIZE));
        return;
      }
      for (const c of result.items) store.names.set(c.id, c.name);
      setPageItems({ ...result, offset });
      setError(null);
      onShown(result.items.map((c) => c.id));
    }, (e: unknown) => live && setError(failureText(e)));
    return () => {
      live = false;
    };
  }, [offset, changes]);

  const items = page?.items ?? [];
  const ids = items.map((c) => c.id);
  const selection = store.selection.value;
  const boxState = pageState(selection, ids);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = boxState === 'some';
  });

  // The range of the page shown, not of the one being loaded.
  const shownFrom = page?.offset ?? 0;
  const last = Math.min(shownFrom + items.length, page?.total ?? 0);
  return (
    <section class="crmx-followed-view" aria-labelledby="crmx-followed-view-title" data-crmx-followed-view>
      <style>{FOLLOWED_CSS}</style>
      <h2 id="crmx-followed-view-title" class="crmx-visually-hidden">{t('follow.view.title')}</h2>
      {error && <p class="crmx-error" role="alert">{error}</p>}
      {page && page.total === 0 && <p data-crmx-followed-empty>{t('follow.view.empty')}</p>}
      {page && page.total > 0 && (
        <>
          <table class="crmx-followed-table">
            <thead>
              <tr>
                <th scope="col" class="crmx-followed-controls">
                  <input ref={headerBox} type="checkbox" class="crmx-select-page-box" aria-label={t('follow.view.selectPage')}
                    checked={boxState === 'all'} data-crmx-followed-select-page
                    onClick={(e) => {
                      e.stopPropagation();
                      store.selection.value = setPage(store.selection.value, ids, boxState !== 'all');
                    }} />
                </th>
                <th scope="col">{t('edit.field.name')}</th>
                <th scope="col">{t('details.field.code')}</th>
                <th scope="col">{t('details.field.phone')}</th>
                <th scope="col">{t('details.field.tags')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const followed = state.rowStates.value.get(c.id)?.followed ?? true;
                const pending = state.pendingFollows.value.has(c.id);
                return (
                  <tr key={c.id} data-crmx-followed-row={c.id}>
                    <td class="crmx-followed-controls">
                      <input type="checkbox" class="crmx-select-box" aria-label={t('batch.selectRow', { name: c.name })}
                        checked={selection.ids.has(c.id)}
                        onClick={(e) => {
                          const box = e.currentTarget;
                          const sel = store.selection.value;
                          store.selection.value = e.shiftKey ? selectRange(sel, ids, c.id, box.checked) : toggle(sel, c.id, box.checked);
                        }} />
                      <button type="button" class="crmx-row-menu-button" aria-haspopup="menu"
                        aria-expanded={state.menu.value?.id === c.id ? 'true' : 'false'}
                        aria-label={t('menu.moreActionsFor', { name: c.name })}
                        onClick={(e) => {
                          if (state.menu.value?.anchor === e.currentTarget) state.menu.value = null;
                          else openMenu({ id: c.id, name: c.name, anchor: e.currentTarget, focus: 'first' });
                        }}
                        onKeyDown={(e) => {
                          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                          e.preventDefault();
                          openMenu({ id: c.id, name: c.name, anchor: e.currentTarget, focus: e.key === 'ArrowDown' ? 'first' : 'last' });
                        }}>···</button>
                      <button type="button" class="crmx-follow-star" aria-pressed={followed ? 'true' : 'false'} data-pending={pending ? '' : undefined}
                        aria-label={t(followed ? 'follow.starred' : 'follow.star', { name: c.name })}
                        title={pending ? t('follow.pending') : undefined}
                        onClick={() => toggleFollow(c.id)}>{followed ? '★' : '☆'}</button>
                    </td>
                    <td>{c.name}</td>
                    <td>{c.code}</td>
                    <td>{c.phone}</td>
                    <td>{c.tags.join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav class="crmx-followed-pager" aria-label={t('follow.view.pages')}>
            <span data-crmx-followed-range>{t('follow.view.range', { first: shownFrom + 1, last, total: page.total })}</span>
            <button type="button" data-crmx-followed-previous disabled={shownFrom === 0}
              onClick={() => setOffset(Math.max(0, shownFrom - FOLLOWED_PAGE_SIZE))}>{t('follow.view.previous')}</button>
            <button type="button" data-crmx-followed-next disabled={last >= page.total}
              onClick={() => setOffset(shownFrom + FOLLOWED_PAGE_SIZE)}>{t('follow.view.next')}</button>
          </nav>
        </>
      )}
    </section>
  );
}
