// Clicking a row (anywhere but on the host's own links and controls, or ours) opens the details
// panel; so does the menu's View item. The panel places itself below the host's header
// (components/DetailsPanel.tsx).
import type { Feature } from '../feature';

const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [contenteditable=""], [contenteditable="true"]';

/** True when the click landed on something that has its own meaning for the click. */
export function isOwnClickTarget(event: Event): boolean {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.localName.startsWith('crmx-') || node.matches(INTERACTIVE)) return true;
  }
  return false;
}

/** The menu's View item opens the details panel. */
export const detailsFeature: Feature = {
  name: 'details',
  init({ signal, state }) {
    state.actions.set('view', (target) => {
      state.details.value = { id: target.id, name: target.name, returnFocus: target.anchor };
    });
    signal.addEventListener('abort', () => state.actions.delete('view'), { once: true });
  },
};

/** A click on a row opens its details (a switch of its own: some users click rows for the CRM's own page). */
export const detailsOnClickFeature: Feature = {
  name: 'details-on-click',
  init(ctx) {
    const { adapter, document: doc, signal, state } = ctx;
    doc.addEventListener('click', (event) => {
      // A page script's click() on a row is not the user opening its details.
      if (!event.isTrusted || event.defaultPrevented || event.button !== 0 || isOwnClickTarget(event)) return;
      if (doc.getSelection()?.toString()) return;
      const row = (event.target as Element | null)?.closest?.(adapter.selectors.row);
      if (!row) return;
      const id = adapter.rowId(row);
      if (!id) return;
      state.details.value = { id, name: adapter.rowName(row) || id, returnFocus: null };
    }, { signal });
  },
};
