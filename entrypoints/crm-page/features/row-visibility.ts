// Which host rows show: customers that left the user's list (returned to the pool, deleted) leave it
// at once. Rows are hidden with an inline style (the host's CSS cannot undo it) and shown again on a
// restore. visibleRowIds() is what the selection may reach: never a row the user cannot see.
import { effect } from '@preact/signals';
import type { Feature, FeatureContext } from '../feature';

export const HIDDEN_ATTRIBUTE = 'data-crmx-hidden';

function hide(row: Element, hidden: boolean): void {
  if (hidden === row.hasAttribute(HIDDEN_ATTRIBUTE)) return;
  if (hidden) {
    row.setAttribute(HIDDEN_ATTRIBUTE, '');
    (row as HTMLElement).style.setProperty('display', 'none', 'important');
  } else {
    row.removeAttribute(HIDDEN_ATTRIBUTE);
    (row as HTMLElement).style.removeProperty('display');
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
    if (row.hasAttribute(HIDDEN_ATTRIBUTE) || row.hidden || row.closest('[data-crmx-view-hidden]')) continue;
    const id = ctx.adapter.rowId(row);
    if (id) ids.push(id);
  }
  return ids;
}

export const rowVisibilityFeature: Feature = {
  name: 'row-visibility',
  init(ctx) {
    const { rows, signal, state } = ctx;
    rows.subscribe('row-visibility', (row) => hide(row, rowHidden(ctx, row)), signal, { eager: true });
    const dispose = effect(() => {
      void state.gone.value;
      for (const row of rows.rows()) hide(row, rowHidden(ctx, row));
    });
    signal.addEventListener('abort', () => {
      dispose();
      for (const row of rows.rows()) hide(row, false);
    }, { once: true });
  },
};
