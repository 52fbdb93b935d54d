// The page's keyboard shortcuts (lib/protocol/commands.ts): go to the page's search field, select the row
// under focus, open that row's [···] menu. The browser hands a shortcut to the background only for a real
// key press, and the background forwards it to this tab; a page script can neither press a browser
// shortcut nor send an extension message, and a message not from our background is ignored here.
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../../lib/i18n/index';
import { isPageCommand, type PageCommand } from '../../../lib/protocol/commands';
import { onMessage } from '../../../lib/protocol/messages';
import { toggle } from '../../../lib/ui/selection';
import { selectionStoreFor } from '../../../lib/ui/selection-store';
import { showToast } from '../../../lib/ui/state';
import type { Feature, FeatureContext } from '../feature';
import { ROW_SLOT_HOST } from '../row-slot';
import { openMenu } from './row-menu';

/** One of our controls in the row's slot (drawn once the row was near the view or focused). */
function control<T extends Element>(row: Element, selector: string): T | null {
  for (const host of row.querySelectorAll(ROW_SLOT_HOST)) {
    const found = host.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

const shown = (element: HTMLElement) => element.checkVisibility?.() ?? element.getClientRects().length > 0;
/** Focused with its text selected, as a browser's address bar: what the user types next replaces the last search. */
const goTo = (field: HTMLElement) => {
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
};
/** How long the host's dialog may take to show its search field and settle its own focus. */
const SEARCH_OPENS_MS = 2000;

/**
 * Focuses the page's search field; where the page keeps it in a dialog, opens that with the page's own control
 * first. The host's dialog may show the field later and then focus itself: within a short while, focus that
 * lands on the dialog around the field goes on to the field. False: this page has no search field.
 */
function goToSearch({ adapter, document: doc, signal }: FeatureContext): boolean {
  const { search, searchOpener } = adapter.selectors;
  const field = search ? doc.querySelector<HTMLElement>(search) : null;
  if (!field) return false;
  if (shown(field)) {
    goTo(field);
    return true;
  }
  const opener = searchOpener ? doc.querySelector<HTMLElement>(searchOpener) : null;
  if (!opener) return false;
  const settled = AbortSignal.any([signal, AbortSignal.timeout(SEARCH_OPENS_MS)]);
  const focusField = () => {
    if (shown(field) && doc.activeElement !== field) goTo(field);
  };
  doc.addEventListener('focusin', (event) => {
    const target = event.target as Node | null;
    if (target !== field && target?.contains(field)) focusField();
  }, { capture: true, signal: settled });
  // The field appears when the dialog is shown (its attributes change): focused then.
  const appears = new MutationObserver(() => {
    if (!shown(field)) return;
    appears.disconnect();
    focusField();
  });
  appears.observe(doc.body, { attributes: true, subtree: true, attributeFilter: ['class', 'style', 'hidden'] });
  settled.addEventListener('abort', () => appears.disconnect(), { once: true });
  opener.click();
  focusField();
  return true;
}

/** Runs a page shortcut: what the user meant, on the row that has (or last had) the keyboard focus. */
export function runPageCommand(ctx: FeatureContext, command: PageCommand, lastRow: Element | null): void {
  const { adapter, document: doc, state } = ctx;
  const say = (key: MessageKey) => void showToast(state, { text: t(key), tone: 'info' });
  if (command === 'focus-search') {
    if (!goToSearch(ctx)) say('shortcut.noSearch');
    return;
  }
  const row = doc.activeElement?.closest(adapter.selectors.row) ?? (lastRow?.isConnected ? lastRow : null);
  const id = row && adapter.rowId(row);
  if (!row || !id) return say('shortcut.noRow');
  // A row in reach of the keyboard has its controls; a control missing there is switched off in the options.
  if (command === 'select-row') {
    if (!control(row, 'input.crmx-select-box')) return say('shortcut.off');
    const store = selectionStoreFor(state);
    store.selection.value = toggle(store.selection.value, id, !store.selection.value.ids.has(id));
    return;
  }
  const button = control<HTMLButtonElement>(row, 'button.crmx-row-menu-button');
  if (!button) return say('shortcut.off');
  openMenu(ctx, { id, name: adapter.rowName(row) || id, anchor: button, focus: 'first' });
}

export const shortcutsFeature: Feature = {
  name: 'shortcuts',
  init(ctx) {
    const { adapter, document: doc, signal } = ctx;
    // The row the keyboard was last in: a shortcut pressed after the focus left for the browser's own UI still means it.
    let lastRow: Element | null = null;
    doc.addEventListener('focusin', (event) => {
      const row = (event.target as Element | null)?.closest?.(adapter.selectors.row);
      if (row) lastRow = row;
    }, { capture: true, signal });
    const stop = onMessage('command', (message) => {
      // From our background only (not a content script of ours in some tab), and a shortcut we know.
      if (message.sender.id !== browser.runtime.id || message.sender.tab || !isPageCommand(message.data)) return;
      runPageCommand(ctx, message.data, lastRow);
    });
    signal.addEventListener('abort', stop, { once: true });
  },
};
