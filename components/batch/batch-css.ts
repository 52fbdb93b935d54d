// Styles of the batch bar, its dialogs and the job summaries (added after the overlay's own styles). On the
// CRM page the bar comes with the dialogs' script, and so do its styles (../kit-css.ts).
import { cssText, type CssPiece } from '../overlay-css';
import { KIT_CSS } from '../kit-css';

export const BATCH_PIECES: readonly CssPiece[] = [{ kit: 'batch' }];

// Whole, for the extension pages.
export const BATCH_CSS = /* @__PURE__ */ cssText(BATCH_PIECES, KIT_CSS);
