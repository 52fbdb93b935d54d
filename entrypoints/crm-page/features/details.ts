// Clicking a row (anywhere but on the host's own links and controls, or ours) opens the details
// panel; so does the menu's View item. The panel starts below the host's header, so its account menu
// (Sign out) stays in reach.
import { effect } from '@preact/signals';
import type { Feature } from '../feature';

/** The host's own page header, where an adapter names none: a top-level header or the banner landmark. */
export const HOST_HEADER = 'body > header, [role="banner"]';
/** The overlay's custom property the details panel's top follows (components/kit-css.ts). */
export const DETAILS_TOP = '--crmx-details-top';

/** Where the host's header ends in the window (0 once scrolled away); at most a third of the window. */
export function headerBottom(doc: Document, selector: string): number {
  const view = doc.defaultView;
  let bottom = 0;
  for (const header of doc.querySelectorAll(selector)) {
    const box = header.getBoundingClientRect();
    if (box.height > 0 && box.top < 1) bottom = Math.max(bottom, box.bottom);
  }
  return Math.round(Math.min(Math.max(bottom, 0), (view?.innerHeight ?? 0) / 3));
}

const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [contenteditable=""], [contenteditable="true"]';

/** True when the click landed on something that has its own meaning for the click. */
export function isOwnClickTarget(event: Event): boolean {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.localName.startsWith('crmx-') || node.matches(INTERACTIVE)) return true;
  }
  return false;
}

export const detailsFeature: Feature = {
  name: 'details',
  init(ctx) {
    const { adapter, document: doc, signal, state } = ctx;

    state.actions.set('view', (target) => {
      state.details.value = { id: target.id, name: target.name, returnFocus: target.anchor };
    });
    signal.addEventListener('abort', () => state.actions.delete('view'), { once: true });

    // While the panel shows, its top follows the host header's bottom (a header that scrolls away frees it).
    const selector = adapter.selectors.header ?? HOST_HEADER;
    let frame = 0;
    const place = () => {
      frame = 0;
      const host = doc.querySelector<HTMLElement>('crmx-overlay');
      host?.style.setProperty(DETAILS_TOP, `${headerBottom(doc, selector)}px`);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    let tracking: AbortController | null = null;
    const dispose = effect(() => {
      const open = state.details.value !== null;
      if (open && !tracking) {
        tracking = new AbortController();
        place();
        for (const type of ['scroll', 'resize'] as const) doc.defaultView?.addEventListener(type, schedule, { passive: true, signal: tracking.signal });
      } else if (!open && tracking) {
        tracking.abort();
        tracking = null;
      }
    });
    signal.addEventListener('abort', () => {
      dispose();
      tracking?.abort();
      if (frame) cancelAnimationFrame(frame);
    }, { once: true });

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
