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
  const style = doc.createElement('style');
  style.textContent = SLOT_CSS;
  shadow.append(style);
  cell.prepend(host);
  return shadow;
}
