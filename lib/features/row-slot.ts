// The one small shadow root our controls share at the start of a row's menu cell: the host DOM only
// gets one <crmx-row-menu> element per row, and the host's CSS cannot restyle what is inside.
export const ROW_SLOT_HOST = 'crmx-row-menu';

const SLOT_CSS = `:host { display: inline-flex; gap: 2px; align-items: center; vertical-align: middle; margin-inline-end: 4px; }`;

/** The row's slot (created on first use); controls add themselves to its shadow root. */
export function rowSlot(doc: Document, cell: Element): ShadowRoot {
  for (const child of cell.children) {
    if (child.localName === ROW_SLOT_HOST && child.shadowRoot) return child.shadowRoot;
  }
  const host = doc.createElement(ROW_SLOT_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptCss(shadow, SLOT_CSS);
  cell.prepend(host);
  return shadow;
}

const sheets = new Map<string, CSSStyleSheet>();

/**
 * Gives a row's shadow root some CSS. One shared constructed sheet per text: 5,000 rows with their own
 * <style> elements are 15,000 style sheets for the browser to match. Where a constructed sheet cannot
 * be adopted (older engines, Firefox's content-script wrappers), a <style> element does the same.
 */
export function adoptCss(shadow: ShadowRoot, css: string): void {
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  } catch {
    // fall through to a <style> element
  }
  const doc = shadow.ownerDocument;
  for (const style of shadow.querySelectorAll('style')) if (style.textContent === css) return;
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}
