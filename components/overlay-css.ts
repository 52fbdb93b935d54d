// The overlay's styles, injected into its shadow roots (each root resets inherited styles first). A root on
// the CRM page starts with the rules of what the content script draws itself (toasts, notices, the
// Followed tabs, the pool's button); the rules of what only the dialogs' script draws (the row menu,
// dialogs, the details panel, the batch bar: components/kit-css.ts) come with that script and take their
// place when it is loaded, so a root's styles are then this same text in the same order
// (entrypoints/crm-page/shadow-mount.ts).
import { KIT_CSS, type KitCss } from './kit-css';

/** A root's styles in order: our own text, or the place of a part that comes with the dialogs' script. */
export type CssPiece = string | { kit: keyof KitCss };

/** The styles of `pieces`, the dialogs' script's parts left out until it is loaded (`kitCss`). */
export function cssText(pieces: readonly CssPiece[], kitCss: KitCss | null): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : kitCss?.[piece.kit] ?? '')).join('');
}

export const OVERLAY_PIECES: readonly CssPiece[] = [
  `
.crmx-root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
`,
  { kit: 'menuAndDetails' },
  `.crmx-error { color: #b91c1c; }
`,
  { kit: 'detailsFields' },
];

// Dialogs, toasts, the followed switch, the notice, the details panel's actions and log.
export const OVERLAY_DIALOG_PIECES: readonly CssPiece[] = [
  `
.crmx-root button { font: inherit; }
`,
  { kit: 'dialogFrame' },
  `.crmx-dialog-close, .crmx-toast-close { position: absolute; top: 0; right: 0; width: 28px; height: 28px; border: 0; border-radius: 4px;
  background: none; color: inherit; font-size: 20px; line-height: 1; cursor: pointer; }
.crmx-toast-close { position: static; }
.crmx-dialog button, .crmx-details-action, .crmx-toast-action {
  padding: 6px 12px; border: 1px solid #9ca3af; border-radius: 6px; background: #fff; color: #111827; cursor: pointer; }
.crmx-dialog .crmx-dialog-close { border: 0; padding: 0; }
.crmx-root button:focus-visible, .crmx-root input:focus-visible, .crmx-root select:focus-visible, .crmx-root textarea:focus-visible {
  outline: 2px solid #2563eb; outline-offset: 1px; }
`,
  { kit: 'dialogForms' },
  `.crmx-corner { position: fixed; z-index: 2147483645; top: 12px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 8px; align-items: center; width: max-content; max-width: min(420px, 90vw); }
.crmx-with-details .crmx-corner { left: calc((100vw - min(400px, 100vw)) / 2); max-width: min(420px, calc(100vw - min(400px, 100vw) - 24px)); }
.crmx-toasts { display: flex; flex-direction: column; gap: 6px; }
.crmx-toast, .crmx-notice { display: flex; gap: 8px; align-items: center; padding: 8px 12px; border-radius: 6px; background: #1f2937; color: #fff; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
.crmx-toast-error { background: #991b1b; }
.crmx-notice { background: #fef3c7; color: #78350f; }
.crmx-toast .crmx-toast-close { color: #fff; }
.crmx-toast-action { padding: 2px 8px; }
`,
  { kit: 'detailsActions' },
  `.crmx-error { color: #b91c1c; }
`,
];

// Whole, for the extension pages (they bundle the dialogs).
export const OVERLAY_CSS = /* @__PURE__ */ cssText(OVERLAY_PIECES, KIT_CSS);
export const OVERLAY_DIALOG_CSS = /* @__PURE__ */ cssText(OVERLAY_DIALOG_PIECES, KIT_CSS);
