// The one small shadow root our controls share at the start of a row's menu cell: the host DOM only
// gets one <crmx-row-menu> element per row, and the host's CSS cannot restyle what is inside.
// Every row's room is reserved by indenting its cell's first line: one document rule, no element and no
// work per row (an element or an inline style per row slowed a long page's load: P1 measures it). The slot is drawn only for rows near
// the view (lib/host/observe-rows.ts), out of flow in that room, so drawing it moves nothing.
import { effect } from '@preact/signals';
import type { Feature } from './feature';
import { acceptOnlyTrustedEvents } from '../../lib/ui/trusted-events';
import { ensureOwnCell, OWN_CELL } from '../../lib/host/adapter';
import type { FeatureSwitches } from '../../lib/feature-switches';

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

/** The places whose feature is on (the options page's switches): a switched-off control takes no room. */
let shownPlaces: ReadonlySet<SlotPlace> = new Set(PLACES);

const slotWidth = () => [...placeWidths].reduce((sum, [place, width]) => sum + (shownPlaces.has(place) ? width : 0), 0);

/** The slot's places the switches leave on: the row boxes go with the batch bar. */
export function placesFor(switches: FeatureSwitches | undefined): Set<SlotPlace> {
  if (!switches) return new Set(PLACES);
  return new Set(PLACES.filter((place) => (place === 'select' ? switches.batchBar : place === 'menu' ? switches.rowMenu : switches.followStars)));
}

/** Makes room for these places only; true when that changed the slot's width. */
export function showPlaces(places: ReadonlySet<SlotPlace>): boolean {
  if (places.size === shownPlaces.size && [...places].every((place) => shownPlaces.has(place))) return false;
  shownPlaces = new Set(places);
  sharedSheet?.replaceSync(allCss());
  return true;
}
const allCss = () => [slotCss(slotWidth()), ...cssTexts].join('\n');

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

/** The row controls' CSS (box, [···], star), for our own lists that show the same controls. */
export function rowControlsCss(): string {
  return [...cssTexts].join('\n');
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

/**
 * The events a user makes on our controls end at our slot: the host's listeners on its rows and document (a
 * real CRM opens inline editing on a double-click, its own row menu on a mousedown) never hear them.
 */
export const STOPPED_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress',
] as const;
const stop = (event: Event) => event.stopPropagation();

/** The row's slot (created empty on first use); controls add themselves to it with putInSlot. */
export function rowSlot(doc: Document, cell: Element): ShadowRoot {
  for (const child of cell.children) {
    if (child.localName === ROW_SLOT_HOST && child.shadowRoot) return child.shadowRoot;
  }
  const host = doc.createElement(ROW_SLOT_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  acceptOnlyTrustedEvents(shadow);
  for (const type of STOPPED_EVENTS) shadow.addEventListener(type, stop);
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

/** Adds a document-wide rule (one sheet, removed on abort); its writer, or null if the selector is not valid here. */
function addDocumentCss(doc: Document, selector: string, css: string, signal: AbortSignal): ((css: string) => void) | null {
  try {
    doc.querySelector(selector);
  } catch {
    return null;
  }
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    signal.addEventListener('abort', () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    }, { once: true });
    return (next) => sheet.replaceSync(next);
  } catch {
    // Where the content script cannot adopt a sheet into the page (Firefox): a <style> element.
    const style = doc.createElement('style');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    signal.addEventListener('abort', () => style.remove(), { once: true });
    return (next) => {
      style.textContent = next;
    };
  }
}

/**
 * Reserves every row's room for its slot (the slot is drawn when a feature asks): one document rule for
 * all menu cells where the adapter's selectors allow it, else an inline style on each cell as it appears.
 */
export const rowSlotFeature: Feature = {
  name: 'row-slot',
  init({ rows, adapter, document: doc, signal, switches }) {
    signal.addEventListener('abort', () => {
      for (const host of doc.querySelectorAll(ROW_SLOT_HOST)) host.remove();
    }, { once: true });
    const room = () => `${slotWidth() + GAP}px`;
    // The room follows the switches: a control switched off leaves no gap where it was.
    const follow = (apply: () => void) => {
      let first = true;
      const dispose = effect(() => {
        const changed = showPlaces(placesFor(switches?.value));
        if (changed || first) apply();
        first = false;
      });
      signal.addEventListener('abort', dispose, { once: true });
    };
    if (adapter.ownColumn) {
      // Our own column, in every row (a row without its cell would shift the host's columns) and the header.
      const columnCss = () => {
        const width = room();
        return `[${OWN_CELL}] { width: ${width} !important; min-width: ${width} !important; padding: 0 4px !important; overflow: visible !important; box-sizing: content-box !important; text-align: start !important; }`;
      };
      const write = addDocumentCss(doc, `[${OWN_CELL}]`, columnCss(), signal);
      follow(() => write?.(columnCss()));
      const header = () => void adapter.headerCell(doc);
      header();
      rows.onPageChange(header, signal);
      rows.subscribe('row-slot', (row) => void ensureOwnCell(row), signal, { eager: true });
      signal.addEventListener('abort', () => {
        for (const cell of doc.querySelectorAll(`[${OWN_CELL}]`)) cell.remove();
      }, { once: true });
      return;
    }
    const cellsRule = adapter.menuCellInDocument;
    const ruleCss = () => `${cellsRule} { text-indent: ${room()} !important; }`;
    const write = cellsRule ? addDocumentCss(doc, cellsRule, ruleCss(), signal) : null;
    if (write) {
      follow(() => write(ruleCss()));
      return;
    }
    const cells = new Set<HTMLElement>();
    let indent = room();
    follow(() => {
      indent = room();
      for (const cell of cells) cell.style.setProperty('text-indent', indent, 'important');
    });
    rows.subscribe('row-slot', (row) => {
      const cell = adapter.menuCell(row);
      if (!(cell instanceof HTMLElement) || !adapter.rowId(row)) return;
      cell.style.setProperty('text-indent', indent, 'important');
      cells.add(cell);
    }, signal, { eager: true });
    rows.onPageChange(() => {
      for (const cell of cells) if (!cell.isConnected) cells.delete(cell);
    }, signal);
    signal.addEventListener('abort', () => {
      for (const cell of cells) cell.style.removeProperty('text-indent');
      cells.clear();
    }, { once: true });
  },
};
