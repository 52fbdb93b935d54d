// A box on every row (in the row's shared slot), a box in the header for the page, shift-click ranges.
// The selection is keyed by customer id, so it survives paging and the host re-rendering its rows; the
// background keeps it for the tab, so it survives a CRM paging by reloading the whole document (a form POST).
import { effect } from '@preact/signals';
import type { Id } from '../../../lib/domain/types';
import { t } from '../../../lib/i18n/index';
import { pageState, selectRange, setPage, toggle } from '../../../lib/ui/selection';
import { selectionStoreFor, type SelectionStore } from '../../../lib/ui/selection-store';
import type { Feature, FeatureContext } from '../feature';
import { addRowControl, putInSlot, rowSlot } from '../row-slot';
import { oncePerBurst } from '../once-per-burst';
import { visibleRowIds } from './row-visibility';
import { acceptOnlyTrustedEvents } from '../../../lib/ui/trusted-events';

export const SELECT_ALL_HOST = 'crmx-select-page';

const BOX_CSS = `
.crmx-select-box, .crmx-select-page-box { width: 16px; height: 16px; margin: 0 4px 0 0; vertical-align: middle; cursor: pointer; accent-color: #2563eb; }
.crmx-select-box:focus-visible, .crmx-select-page-box:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;
addRowControl('select', 20, BOX_CSS);

function makeBox(doc: Document, label: string, className = 'crmx-select-box'): HTMLInputElement {
  const box = doc.createElement('input');
  box.type = 'checkbox';
  box.className = className;
  box.setAttribute('aria-label', label);
  return box;
}

/** The ids of the rows the user sees now, in page order: the header box and ranges never reach a hidden row. */
function pageIds(ctx: FeatureContext): Id[] {
  return visibleRowIds(ctx);
}

/** The selection without `gone` (customers that left the list: their rows are hidden). */
function withoutGone(store: SelectionStore, gone: ReadonlySet<Id>): void {
  const { ids } = store.selection.value;
  if (gone.size === 0 || ![...gone].some((id) => ids.has(id))) return;
  store.selection.value = { ...store.selection.value, ids: new Set([...ids].filter((id) => !gone.has(id))), matching: null };
}

/** Takes back what the background kept for this tab on this list, then tells it every change. */
function keepInTab(ctx: FeatureContext, store: SelectionStore): void {
  const list = ctx.adapter.name;
  void ctx.api.request('getTabSelection', list).catch(() => null).then((kept) => {
    if (ctx.signal.aborted) return;
    if (kept) {
      for (const [id, name] of Object.entries(kept.names)) if (!store.names.has(id)) store.names.set(id, name);
      const { ids } = store.selection.value;
      store.selection.value = { ids: new Set([...kept.ids, ...ids]), anchor: null, matching: ids.size ? null : kept.matching ?? null };
    }
    const dispose = effect(() => {
      const { ids, matching } = store.selection.value;
      const names: Record<Id, string> = {};
      for (const id of ids) if (store.names.has(id)) names[id] = store.names.get(id)!;
      ctx.api.request('putTabSelection', { list, ids: [...ids], names, ...(matching ? { matching } : {}) }).catch(() => undefined);
    });
    ctx.signal.addEventListener('abort', dispose, { once: true });
  });
}

export const selectionFeature: Feature = {
  name: 'selection',
  init(ctx) {
    const { adapter, document: doc, signal } = ctx;
    const store = selectionStoreFor(ctx.state);
    const boxes = new Map<HTMLInputElement, Element>();
    keepInTab(ctx, store);

    ctx.rows.subscribe('selection', (row) => {
      const id = adapter.rowId(row);
      const cell = adapter.menuCell(row);
      if (!id || !cell) return;
      const name = adapter.rowName(row) || id;
      store.names.set(id, name);
      const slot = rowSlot(doc, cell);
      const box = makeBox(doc, t('batch.selectRow', { name }));
      box.checked = store.selection.value.ids.has(id);
      box.addEventListener('click', (event) => {
        event.stopPropagation();
        const current = adapter.rowId(row) ?? id;
        const sel = store.selection.value;
        store.selection.value = event.shiftKey ? selectRange(sel, pageIds(ctx), current, box.checked) : toggle(sel, current, box.checked);
      });
      putInSlot(slot, box, 'select');
      boxes.set(box, row);
    }, signal);

    let header: { host: HTMLElement; box: HTMLInputElement } | null = null;
    function ensureHeader(): void {
      const cell = adapter.headerCell(doc);
      if (!cell || (header && header.host.isConnected && cell.contains(header.host))) return;
      header?.host.remove();
      const host = doc.createElement(SELECT_ALL_HOST);
      const shadow = host.attachShadow({ mode: 'open' });
      acceptOnlyTrustedEvents(shadow, signal);
      const style = doc.createElement('style');
      style.textContent = `:host { display: inline-block; vertical-align: middle; }${BOX_CSS}`;
      const box = makeBox(doc, t('batch.selectPage'), 'crmx-select-page-box');
      box.addEventListener('click', (event) => {
        event.stopPropagation();
        const ids = pageIds(ctx);
        store.selection.value = setPage(store.selection.value, ids, pageState(store.selection.value, ids) !== 'all');
      });
      shadow.append(style, box);
      cell.prepend(host);
      header = { host, box };
      syncHeader();
    }
    function syncHeader(): void {
      if (!header) return;
      // Nothing selected: the box is clear without reading every row of the page (a long list's load).
      const selection = store.selection.value;
      const state = selection.ids.size === 0 ? 'none' : pageState(selection, pageIds(ctx));
      header.box.checked = state === 'all';
      header.box.indeterminate = state === 'some';
    }

    ensureHeader();
    ctx.rows.onPageChange(() => {
      for (const box of boxes.keys()) if (!box.isConnected) boxes.delete(box);
      ensureHeader();
      syncHeader();
    }, signal);
    // New rows arrive after the page change: the header follows them.
    ctx.rows.subscribe('selection-header', oncePerBurst(() => {
      ensureHeader();
      syncHeader();
    }, { afterPaint: true, signal }), signal);

    const dispose = effect(() => {
      const { ids } = store.selection.value;
      for (const [box, row] of boxes) {
        const id = adapter.rowId(row);
        box.checked = id !== null && ids.has(id);
      }
      syncHeader();
    });
    // A row hidden after it was selected (returned to the pool, deleted) leaves the selection.
    const disposeGone = effect(() => withoutGone(store, ctx.state.gone.value));
    const disposeLabels = effect(() => {
      for (const [box, row] of boxes) box.setAttribute('aria-label', t('batch.selectRow', { name: adapter.rowName(row) }));
      header?.box.setAttribute('aria-label', t('batch.selectPage'));
    });

    signal.addEventListener('abort', () => {
      dispose();
      disposeGone();
      disposeLabels();
      for (const box of boxes.keys()) box.remove();
      boxes.clear();
      header?.host.remove();
    }, { once: true });
  },
};
