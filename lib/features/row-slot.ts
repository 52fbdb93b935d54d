// The one small shadow root our controls share at the start of a row's menu cell: the host DOM only
// gets one <crmx-row-menu> element per row, and the host's CSS cannot restyle what is inside.
// Every row's room is reserved as the row appears, by indenting the cell's first line (no element, no
// box: one element per row added 12–20% to the 5,000-row page's load, bench/probe/first-load.ts). The
// slot is drawn only for rows near the view (lib/host/observe-rows.ts), out of flow in that room, so
// drawing it never changes the row's geometry.
import type { Feature } from './feature';

export const ROW_SLOT_HOST = 'crmx-row-menu';

// Out of flow at its static position (a block's: the start of the cell's content, where the indent is),
// centred on the first line; a flex row, so the controls' own line-height and vertical-align do not matter.
const slotCss = (width: number) => `:host { position: absolute; display: flex; align-items: center; white-space: nowrap;
  width: ${width}px; height: 20px; margin-block-start: calc((1lh - 20px) / 2); text-indent: 0; }`;
const GAP = 4;

/** Where each control sits in the slot, whichever feature adds its control first. */
export type SlotPlace = 'select' | 'menu' | 'star';
const PLACES: SlotPlace[] = ['select', 'menu', 'star'];
const placeOf = new WeakMap<Element, number>();
const placeWidths = new Map<SlotPlace, number>();

// Every feature's row CSS in ONE constructed sheet that every row adopts once: 5,000 rows adopting
// three or four sheets each (a new array every time) was measurable style work on a long page.
const cssTexts = new Set<string>();
let sharedSheet: CSSStyleSheet | null | undefined;

const slotWidth = () => [...placeWidths.values()].reduce((a, b) => a + b, 0);
const allCss = () => [slotCss(slotWidth()), ...cssTexts].join('\n');
const reserved = new WeakSet<Element>();

/** Makes room for the slot at the start of the cell: its first line is indented. */
function reserve(cell: Element): void {
  if (reserved.has(cell) || !('style' in cell)) return;
  reserved.add(cell);
  (cell as HTMLElement).style.setProperty('text-indent', `${slotWidth() + GAP}px`, 'important');
}

function unreserve(cell: Element): void {
  if (!reserved.delete(cell)) return;
  (cell as HTMLElement).style.removeProperty('text-indent');
}

function sheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(allCss());
    } catch {
      sharedSheet = null;
    }
  }
  return sharedSheet;
}

/**
 * Adds a control to every row's slot: its place, the width it takes there (margins included) and its
 * CSS. Call it when the feature's module loads, before any slot exists: slots that fell back to a
 * <style> (below) only get the CSS known when they were made.
 */
export function addRowControl(place: SlotPlace, width: number, css: string): void {
  placeWidths.set(place, width);
  cssTexts.add(css);
  sharedSheet?.replaceSync(allCss());
}

/** Puts a control in the row's slot at its place. */
export function putInSlot(shadow: ShadowRoot, control: Element, place: SlotPlace): void {
  const rank = PLACES.indexOf(place);
  placeOf.set(control, rank);
  for (const child of shadow.children) {
    if ((placeOf.get(child) ?? -1) > rank) {
      child.before(control);
      return;
    }
  }
  shadow.append(control);
}

/** The row's slot (created empty on first use); controls add themselves to it with putInSlot. */
export function rowSlot(doc: Document, cell: Element): ShadowRoot {
  for (const child of cell.children) {
    if (child.localName === ROW_SLOT_HOST && child.shadowRoot) return child.shadowRoot;
  }
  reserve(cell);
  const host = doc.createElement(ROW_SLOT_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const shared = sheet();
  let adopted = false;
  if (shared) {
    try {
      shadow.adoptedStyleSheets = [shared];
      adopted = true;
    } catch {
      // fall through to a <style> element
    }
  }
  if (!adopted) {
    // Where a constructed sheet cannot be adopted (Firefox's content-script wrappers): a <style> per slot.
    const style = doc.createElement('style');
    style.textContent = allCss();
    shadow.append(style);
  }
  cell.prepend(host);
  return shadow;
}

/** Reserves every row's room for its slot as the row appears (the slot is drawn when a feature asks). */
export const rowSlotFeature: Feature = {
  name: 'row-slot',
  init({ rows, adapter, document: doc, signal }) {
    const cells = new Set<Element>();
    rows.subscribe('row-slot', (row) => {
      const cell = adapter.menuCell(row);
      if (!cell || !adapter.rowId(row)) return;
      reserve(cell);
      cells.add(cell);
    }, signal, { eager: true });
    rows.onPageChange(() => {
      for (const cell of cells) if (!cell.isConnected) cells.delete(cell);
    }, signal);
    signal.addEventListener('abort', () => {
      for (const host of doc.querySelectorAll(ROW_SLOT_HOST)) host.remove();
      for (const cell of cells) unreserve(cell);
      cells.clear();
    }, { once: true });
  },
};
