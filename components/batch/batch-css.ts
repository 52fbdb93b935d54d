// Styles of the batch bar, its dialogs and the job summaries (added after the overlay's own styles); as in
// ../overlay-css.ts, the dialogs' and job summaries' part comes with the dialogs' script on the CRM page.
import { cssText, type CssPiece } from '../overlay-css';
import { KIT_CSS } from '../kit-css';

export const BATCH_PIECES: readonly CssPiece[] = [
  `
.crmx-batch {
  position: fixed; z-index: 2147483644; left: 50%; bottom: 12px; transform: translateX(-50%);
  width: min(960px, calc(100vw - 24px)); box-sizing: border-box; max-height: 45vh; overflow-y: auto;
  padding: 8px 12px; background: #fff; border: 1px solid #cbd2dc; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(15, 23, 42, .18); font: 14px/1.45 system-ui, sans-serif; color: #111827;
}
.crmx-beside-details .crmx-batch { left: 12px; transform: none; width: min(960px, calc(100vw - min(400px, 100vw) - 24px)); }
.crmx-batch-static { position: static; transform: none; width: auto; max-height: none; box-shadow: none; }
.crmx-batch-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.crmx-batch-actions { display: flex; flex-wrap: wrap; gap: 4px; margin-inline-start: auto; }
.crmx-batch button, .crmx-dialog button { font: inherit; padding: 3px 10px; border: 1px solid #b9c0cc; border-radius: 4px; background: #fff; cursor: pointer; }
.crmx-batch button:hover { background: #eef2f7; }
.crmx-batch button:focus-visible, .crmx-dialog button:focus-visible, .crmx-dialog input:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.crmx-link { border: none !important; background: none !important; color: #1d4ed8; text-decoration: underline; padding: 0 2px !important; }
.crmx-batch-matching { color: #374151; }
.crmx-batch-jobs { margin-top: 6px; display: grid; gap: 6px; }
`,
  { kit: 'batchJobsAndDialogs' },
];

// Whole, for the extension pages.
export const BATCH_CSS = /* @__PURE__ */ cssText(BATCH_PIECES, KIT_CSS);
