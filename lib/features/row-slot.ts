// The one small shadow root our controls share at the start of a row's menu cell: the host DOM only
// gets one <crmx-row-menu> element per row, and the host's CSS cannot restyle what is inside.
export const ROW_SLOT_HOST = 'crmx-row-menu';

// Inline blocks, not flex: in a replica of the 5,000-row table (bench/probe, CPU time) flex slots and
// buttons added ~600 ms to the first layout and inline blocks ~30–280 ms; on the real page the one
// big layout stayed ~1.1 s either way (it lays out ~30,000 more boxes than without us).
// Each control sets its own spacing and vertical-align: controls reset every property with `all: initial`.
const SLOT_CSS = `:host { display: inline-block; white-space: nowrap; vertical-align: middle; margin-inline-end: 4px; line-height: 0; }`;

/** Where each control sits in the slot, whichever feature adds its control first. */
export type SlotPlace = 'select' | 'menu' | 'star';
const PLACES: SlotPlace[] = ['select', 'menu', 'star'];
const placeOf = new WeakMap<Element, number>();

// Every feature's row CSS in ONE constructed sheet that every row adopts once: 5,000 rows adopting
// three or four sheets each (a new array every time) was measurable style work on a long page.
const cssTexts = new Set<string>([SLOT_CSS]);
let sharedSheet: CSSStyleSheet | null | undefined;

const allCss = () => [...cssTexts].join('\n');

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
 * Adds a feature's CSS for the controls in the row slots. Call it when the feature's module loads, before
 * any slot exists: slots that fell back to a <style> (below) only get the CSS known when they were made.
 */
export function addRowCss(css: string): void {
  if (cssTexts.has(css)) return;
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

/** The row's slot (created on first use); controls add themselves to its shadow root with putInSlot. */
export function rowSlot(doc: Document, cell: Element): ShadowRoot {
  for (const child of cell.children) {
    if (child.localName === ROW_SLOT_HOST && child.shadowRoot) return child.shadowRoot;
  }
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
