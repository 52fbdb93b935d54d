// Which host rows show: customers that left the user's list (returned to the pool, deleted) leave it
// at once. Rows are hidden with an inline style (the host's CSS cannot undo it) and shown again on a
// restore. visibleRowIds() is what the selection may reach: never a row the user cannot see.
import { effect } from '@preact/signals';
import type { Feature, FeatureContext } from '../feature';

export const HIDDEN_ATTRIBUTE = 'data-crmx-hidden';

/** The host's list while one of our views takes its place (the Followed tab). */
export const VIEW_HIDDEN_ATTRIBUTE = 'data-crmx-view-hidden';

/**
 * Hides a host element with an inline style the host's CSS cannot undo, marked by `marker`, and shows it
 * again only if we hid it.
 */
export function setHidden(el: Element, hidden: boolean, marker = HIDDEN_ATTRIBUTE): void {
  if (hidden === el.hasAttribute(marker)) return;
  if (hidden) {
    el.setAttribute(marker, '');
    (el as HTMLElement).style.setProperty('display', 'none', 'important');
  } else {
    el.removeAttribute(marker);
    (el as HTMLElement).style.removeProperty('display');
  }
}

export function rowHidden(ctx: Pick<FeatureContext, 'adapter' | 'state'>, row: Element): boolean {
  // Most pages hide nothing: no need to read the row's id (every row, in the host's render task).
  if (ctx.state.gone.value.size === 0) return false;
  const id = ctx.adapter.rowId(row);
  return id !== null && ctx.state.gone.value.has(id);
}

/** The ids of the host rows the user can see now, in page order: hidden rows (ours or the host's) are left out. */
export function visibleRowIds(ctx: Pick<FeatureContext, 'adapter' | 'document'>): string[] {
  const ids: string[] = [];
  for (const row of ctx.document.querySelectorAll<HTMLElement>(ctx.adapter.selectors.row)) {
    if (row.hasAttribute(HIDDEN_ATTRIBUTE) || row.hidden || row.closest(`[${VIEW_HIDDEN_ATTRIBUTE}]`)) continue;
    const id = ctx.adapter.rowId(row);
    if (id) ids.push(id);
  }
  return ids;
}

export const rowVisibilityFeature: Feature = {
  name: 'row-visibility',
  init(ctx) {
    const { rows, signal, state } = ctx;
    rows.subscribe('row-visibility', (row) => setHidden(row, rowHidden(ctx, row)), signal, { eager: true });
    const dispose = effect(() => {
      void state.gone.value;
      for (const row of rows.rows()) setHidden(row, rowHidden(ctx, row));
    });
    signal.addEventListener('abort', () => {
      dispose();
      for (const row of rows.rows()) setHidden(row, false);
    }, { once: true });
  },
};
