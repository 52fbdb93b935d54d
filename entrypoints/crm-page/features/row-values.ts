// The host's rows never show a stale value without the user knowing (issue 18, point 1). After the user's
// own edit, batch job or a sync brings changed customers, rows an adapter can redraw (the reference
// page's) get the new values in their cells; on a page whose adapter cannot, a toast counts the rows the
// user's own actions changed and offers to reload the host's page.
import type { Id } from '../../../lib/domain/types';
import { t } from '../../../lib/i18n';
import { dismissToast, showToast } from '../../../lib/ui/state';
import type { Feature, FeatureContext } from '../feature';
import { HIDDEN_ATTRIBUTE } from './row-visibility';

/** The protocol's most ids per request. */
const CHUNK = 1000;

/** The host rows on the page now that show each customer, hidden ones left out (nothing to see there). */
function rowsById(ctx: Pick<FeatureContext, 'document' | 'adapter'>): Map<Id, Element[]> {
  const byId = new Map<Id, Element[]>();
  for (const row of ctx.document.querySelectorAll(ctx.adapter.selectors.row)) {
    if (row.hasAttribute(HIDDEN_ATTRIBUTE)) continue;
    const id = ctx.adapter.rowId(row);
    if (id === null) continue;
    const rows = byId.get(id);
    if (rows) rows.push(row);
    else byId.set(id, [row]);
  }
  return byId;
}

async function redraw(ctx: FeatureContext, ids: Id[]): Promise<void> {
  const showValues = ctx.adapter.showValues!;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const states = await ctx.api.request('getDecisions', { ids: ids.slice(i, i + CHUNK), values: true }).catch(() => null);
    if (!states || ctx.signal.aborted) return;
    // Read again: the host may have re-rendered while the answer travelled.
    const onPage = rowsById(ctx);
    for (const [id, state] of Object.entries(states)) {
      if (!state?.values) continue;
      for (const row of onPage.get(id) ?? []) showValues(row, state.values);
    }
  }
}

/** The host's list loaded again: the adapter's way where it has one, else the document reloaded. */
function reloadHostList(ctx: Pick<FeatureContext, 'document' | 'adapter'>): void {
  if (ctx.adapter.reloadList) ctx.adapter.reloadList(ctx.document);
  else ctx.document.defaultView?.location.reload();
}

/** `reload`: how the host's page is loaded again (the toast's Refresh). */
export function createRowValuesFeature(reload: (ctx: Pick<FeatureContext, 'document' | 'adapter'>) => void = reloadHostList): Feature {
  return {
    name: 'row-values',
    init(ctx) {
      const { state, signal } = ctx;
      if (ctx.adapter.showValues) {
        ctx.changes.subscribe((change) => {
          if (change.kind !== 'customers') return;
          const onPage = rowsById(ctx);
          const ids = change.ids.filter((id) => onPage.has(id));
          if (ids.length > 0) void redraw(ctx, ids);
        }, signal);
        return;
      }

      // Only the user's own changes count: a sync's may be older than what the host loaded.
      const changed = new Set<Id>();
      let toast: number | null = null;
      const show = () => {
        if (toast !== null) dismissToast(state, toast);
        toast = changed.size === 0 ? null : showToast(state, {
          text: t('rows.changed', { count: changed.size }),
          tone: 'info',
          lasting: true,
          action: { label: t('rows.refresh'), run: () => reload(ctx) },
        });
      };
      ctx.changes.subscribe((change) => {
        if (change.kind !== 'customers' || !change.mine) return;
        const onPage = rowsById(ctx);
        const before = changed.size;
        for (const id of change.ids) if (onPage.has(id)) changed.add(id);
        if (changed.size !== before) show();
      }, signal);
      // The host drew its rows again (paging, search): they show what it loaded now.
      ctx.rows.onPageChange(() => {
        if (changed.size === 0) return;
        changed.clear();
        show();
      }, signal);
      signal.addEventListener('abort', () => toast !== null && dismissToast(state, toast), { once: true });
    },
  };
}

export const rowValuesFeature = createRowValuesFeature();
