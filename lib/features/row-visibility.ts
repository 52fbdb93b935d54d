// Which host rows show: customers that left the user's list (returned to the pool, deleted) leave it
// at once, and the "Followed" view shows only followed customers. Rows are hidden with an inline
// style (the host's CSS cannot undo it) and shown again when that changes (a restore, the view off).
import { effect } from '@preact/signals';
import type { Feature, FeatureContext } from './feature';

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
  if (ctx.state.gone.value.size === 0 && !ctx.state.followedOnly.value) return false;
  const id = ctx.adapter.rowId(row);
  if (id === null) return false;
  if (ctx.state.gone.value.has(id)) return true;
  return ctx.state.followedOnly.value && ctx.state.rowStates.value.get(id)?.followed !== true;
}

export const rowVisibilityFeature: Feature = {
  name: 'row-visibility',
  init(ctx) {
    const { rows, signal, state } = ctx;
    rows.subscribe('row-visibility', (row) => hide(row, rowHidden(ctx, row)), signal, { eager: true });
    const dispose = effect(() => {
      void state.gone.value;
      const followedOnly = state.followedOnly.value;
      // rowStates changes with every batch of decisions; only the Followed view depends on it, and
      // walking 5,000 rows for each batch made decorating a long page quadratic.
      if (followedOnly) void state.rowStates.value;
      for (const row of rows.rows()) hide(row, rowHidden(ctx, row));
    });
    signal.addEventListener('abort', () => {
      dispose();
      for (const row of rows.rows()) hide(row, false);
    }, { once: true });
  },
};
