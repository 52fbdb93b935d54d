// The [···] button at the start of every row. The host DOM only gets a tiny <crmx-row-menu> element;
// the button lives in its own small shadow root, so the host's CSS cannot restyle it. The menu
// itself is drawn in the overlay (components/RowMenu.tsx) and comes with the dialogs' script, which a
// button starts loading when it is pointed at or focused.
import { effect } from '@preact/signals';
import { t } from '../../../lib/i18n/index';
import type { Feature, FeatureContext } from '../feature';
import { asProtocolError } from '../../../lib/ui/outcome';
import { addRowControl, putInSlot, rowSlot, ROW_SLOT_HOST } from '../row-slot';
import { setRowStates, type OpenMenu } from '../../../lib/ui/state';

export const ROW_MENU_HOST = ROW_SLOT_HOST;

const BUTTON_CSS = `
.crmx-row-menu-button {
  all: initial; box-sizing: border-box; display: inline-block; text-align: center; vertical-align: middle;
  width: 24px; height: 20px; padding: 0 4px; border: 1px solid #b9c0cc; border-radius: 4px;
  background: #fff; color: #1f2937; font: 700 12px/18px system-ui, sans-serif; letter-spacing: 1px; cursor: pointer;
  margin-inline-start: 2px;
}
.crmx-row-menu-button:hover { background: #eef2f7; }
.crmx-row-menu-button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.crmx-row-menu-button[aria-expanded="true"] { background: #dbe4f0; }
`;
addRowControl('menu', 26, BUTTON_CSS);

function createButton(doc: Document, shadow: ShadowRoot, name: string): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'crmx-row-menu-button';
  button.dataset.customerName = name;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', t('menu.moreActionsFor', { name }));
  button.textContent = '···';
  putInSlot(shadow, button, 'menu');
  return button;
}

/** Opens the row menu for a customer and asks for fresh decisions (the menu shows what the user may do now). */
export function openMenu(ctx: Pick<FeatureContext, 'state' | 'api'>, menu: OpenMenu): void {
  ctx.state.menu.value = menu;
  ctx.api.getDecisions([menu.id], true).then(
    (states) => setRowStates(ctx.state, states),
    (error: unknown) => {
      ctx.state.rowStatesError.value = asProtocolError(error);
    },
  );
}

export const rowMenuFeature: Feature = {
  name: 'row-menu',
  init(ctx) {
    const { adapter, document: doc, signal, state } = ctx;
    const buttons = new Set<HTMLButtonElement>();

    ctx.rows.subscribe('row-menu', (row) => {
      const id = adapter.rowId(row);
      const cell = adapter.menuCell(row);
      if (!id || !cell) return;
      const name = adapter.rowName(row) || id;
      const button = createButton(doc, rowSlot(doc, cell), name);
      // Read the row again on use: a host may reuse a row element for another customer.
      const target = (focus: 'first' | 'last'): OpenMenu => ({
        id: adapter.rowId(row) ?? id, name: adapter.rowName(row) || name, anchor: button, focus,
      });
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        if (state.menu.value?.anchor === button) state.menu.value = null;
        else openMenu(ctx, target('first'));
      });
      const prefetch = () => void ctx.dialogs.load().catch(() => undefined);
      button.addEventListener('pointerenter', prefetch, { once: true });
      button.addEventListener('focus', prefetch, { once: true });
      button.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        openMenu(ctx, target(event.key === 'ArrowDown' ? 'first' : 'last'));
      });
      buttons.add(button);
    }, signal);

    ctx.rows.onPageChange(() => {
      for (const button of buttons) if (!button.isConnected) buttons.delete(button);
      const open = state.menu.value;
      if (open && !open.anchor.isConnected) state.menu.value = null;
    }, signal);

    // Keep aria-expanded on the button that opened the menu, and the labels in the current language.
    let expanded: HTMLElement | null = null;
    const disposeExpanded = effect(() => {
      const anchor = state.menu.value?.anchor ?? null;
      expanded?.setAttribute('aria-expanded', 'false');
      anchor?.setAttribute('aria-expanded', 'true');
      expanded = anchor;
    });
    const disposeLabels = effect(() => {
      const label = (name: string) => t('menu.moreActionsFor', { name });
      for (const button of buttons) button.setAttribute('aria-label', label(button.dataset.customerName ?? ''));
    });

    signal.addEventListener('abort', () => {
      disposeExpanded();
      disposeLabels();
      for (const button of buttons) button.remove();
      buttons.clear();
    }, { once: true });
  },
};
