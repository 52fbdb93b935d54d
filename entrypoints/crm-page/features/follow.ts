// The follow star on every row (in the row's slot, after the [···]) and the menu's Follow item:
// the star flips at once, flips back if the CRM refuses (saying why), and stays marked pending while
// the CRM cannot be reached.
import { effect } from '@preact/signals';
import type { Id } from '../../../lib/domain/types';
import { currentLanguage, t } from '../../../lib/i18n/index';
import type { Feature, FeatureContext } from '../feature';
import { failureText } from '../../../lib/ui/outcome';
import { asProtocolError } from '../../../lib/ui/outcome';
import { addRowControl, putInSlot, rowSlot } from '../row-slot';
import { setRowStates, showToast } from '../../../lib/ui/state';
import { createRowStateLoader } from './row-states';

const STAR_CSS = `
.crmx-follow-star {
  all: initial; box-sizing: border-box; display: inline-block; text-align: center; vertical-align: middle;
  width: 22px; height: 20px; border-radius: 4px; color: #6b7280; font: 16px/20px system-ui, sans-serif; cursor: pointer;
  margin-inline-start: 2px;
}
.crmx-follow-star[aria-pressed="true"] { color: #b45309; }
.crmx-follow-star[data-pending] { opacity: .6; font-style: italic; }
.crmx-follow-star:hover { background: #eef2f7; }
.crmx-follow-star:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;
addRowControl('star', 24, STAR_CSS);

const UNREACHABLE = new Set(['network', 'timeout']);

/** Toggles a follow optimistically; resolves once the background answered. */
export async function toggleFollow(ctx: Pick<FeatureContext, 'state' | 'api'>, id: Id): Promise<void> {
  const { state, api } = ctx;
  const before = state.rowStates.value.get(id);
  if (before) setRowStates(state, { [id]: { ...before, followed: !before.followed } });
  try {
    const { followed } = await api.toggleFollow(id);
    const now = state.rowStates.value.get(id);
    if (now) setRowStates(state, { [id]: { ...now, followed } });
    setPending(ctx, id, false);
  } catch (error) {
    const described = asProtocolError(error);
    if (before && UNREACHABLE.has(described.code)) {
      setPending(ctx, id, true);
      showToast(state, { text: t('follow.pending'), tone: 'info' });
      return;
    }
    if (before) setRowStates(state, { [id]: before });
    showToast(state, { text: t('follow.refused', { reason: failureText(error) }), tone: 'error' });
  }
}

function setPending(ctx: Pick<FeatureContext, 'state'>, id: Id, pending: boolean): void {
  const set = new Set(ctx.state.pendingFollows.value);
  if (pending === set.has(id)) return;
  if (pending) set.add(id);
  else set.delete(id);
  ctx.state.pendingFollows.value = set;
}

export const followStarFeature: Feature = {
  name: 'follow-star',
  init(ctx) {
    const { adapter, document: doc, signal, state } = ctx;
    const stars = new Set<HTMLButtonElement>();

    // What each star shows now: decisions arrive in many batches, and rewriting 5,000 unchanged stars
    // for each one (a text change relays out the row) made decorating a long page quadratic.
    const shown = new WeakMap<HTMLButtonElement, string>();
    const paint = (star: HTMLButtonElement) => {
      const id = star.dataset.customerId!;
      const followed = state.rowStates.value.get(id)?.followed ?? false;
      const name = star.dataset.customerName ?? id;
      const look = `${id}|${followed}|${state.pendingFollows.value.has(id)}|${currentLanguage.value}`;
      if (shown.get(star) === look) return;
      shown.set(star, look);
      star.setAttribute('aria-pressed', String(followed));
      star.setAttribute('aria-label', t(followed ? 'follow.starred' : 'follow.star', { name }));
      star.textContent = followed ? '★' : '☆';
      if (state.pendingFollows.value.has(id)) {
        star.dataset.pending = '';
        star.title = t('follow.pending');
      } else {
        delete star.dataset.pending;
        star.removeAttribute('title');
      }
    };

    // A host that recycles row elements (a virtualised grid) gives a row another customer in place: the
    // star then takes the row's new id and name, and that customer's state is loaded.
    const loader = createRowStateLoader(ctx);
    const starOf = new Map<Element, HTMLButtonElement>();
    const follow = (row: Element, star: HTMLButtonElement) => {
      const id = adapter.rowId(row);
      if (!id || id === star.dataset.customerId) return;
      star.dataset.customerId = id;
      star.dataset.customerName = adapter.rowName(row) || id;
      if (!state.rowStates.value.has(id)) loader.want(id);
      paint(star);
    };
    const recycled = new MutationObserver((records) => {
      const changed = new Set<Element>();
      for (const record of records) {
        for (let node: Node | null = record.target; node; node = node.parentNode) {
          if (starOf.has(node as Element)) {
            changed.add(node as Element);
            break;
          }
        }
      }
      for (const row of changed) follow(row, starOf.get(row)!);
    });

    ctx.rows.subscribe('follow-star', (row) => {
      const id = adapter.rowId(row);
      const cell = adapter.menuCell(row);
      if (!id || !cell) return;
      const shadow = rowSlot(doc, cell);
      const star = doc.createElement('button');
      star.type = 'button';
      star.className = 'crmx-follow-star';
      star.dataset.customerId = id;
      star.dataset.customerName = adapter.rowName(row) || id;
      star.addEventListener('click', (event) => {
        event.stopPropagation();
        // The row as it is now: its element may show another customer than when the star was drawn.
        follow(row, star);
        void toggleFollow(ctx, star.dataset.customerId!);
      });
      paint(star);
      putInSlot(shadow, star, 'star');
      stars.add(star);
      starOf.set(row, star);
      recycled.observe(row, { attributes: true, childList: true, characterData: true, subtree: true });
    }, signal);

    ctx.rows.onPageChange(() => {
      for (const star of stars) if (!star.isConnected) stars.delete(star);
      for (const row of starOf.keys()) if (!row.isConnected) starOf.delete(row);
    }, signal);

    const dispose = effect(() => {
      void state.rowStates.value;
      void state.pendingFollows.value;
      void currentLanguage.value;
      for (const star of stars) paint(star);
    });

    // Follows waiting in the background's outbox (the CRM could not be reached) show as pending.
    const refreshPending = () => {
      ctx.api.request('getPending', undefined).then((pending) => {
        const ids = pending.actions.filter((a) => (a.action === 'follow' || a.action === 'unfollow') && a.customerId).map((a) => a.customerId!);
        state.pendingFollows.value = new Set(ids);
      }, () => undefined);
    };
    ctx.changes.subscribe((change) => {
      if (change.kind === 'pending' || change.kind === 'follows') refreshPending();
    }, signal);

    state.actions.set('follow', (target) => toggleFollow(ctx, target.id));
    signal.addEventListener('abort', () => {
      dispose();
      recycled.disconnect();
      starOf.clear();
      for (const star of stars) star.remove();
      stars.clear();
      state.actions.delete('follow');
    }, { once: true });
  },
};
