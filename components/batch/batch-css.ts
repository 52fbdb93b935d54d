// Styles of the batch bar, its dialogs and the job summaries (added after the overlay's own styles).
export const BATCH_CSS = `
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
.crmx-job { border-top: 1px solid #e5e7eb; padding-top: 6px; }
.crmx-job-head { display: flex; gap: 8px; justify-content: space-between; }
.crmx-progress { height: 8px; background: #e5e7eb; border-radius: 4px; overflow: hidden; margin: 4px 0; }
.crmx-progress-fill { height: 100%; background: #2563eb; transition: width .2s; }
.crmx-job-counts { margin: 2px 0; }
.crmx-job-errors { max-height: 180px; overflow-y: auto; margin: 4px 0; padding-inline-start: 18px; font-size: 13px; }
.crmx-job-error-item { font-weight: 600; }
.crmx-job-actions { display: flex; gap: 6px; }
.crmx-targets h3, .crmx-file-preview h3, .crmx-file-preview h4 { margin: 8px 0 4px; font-size: 14px; }
.crmx-target-list { max-height: 160px; overflow-y: auto; margin: 0; padding: 4px 4px 4px 28px; border: 1px solid #e5e7eb; border-radius: 4px; }
.crmx-precheck { margin: 8px 0; padding: 6px 8px; background: #fef3c7; border-radius: 4px; }
.crmx-precheck p { margin: 2px 0; }
.crmx-precheck-ok { color: #166534; }
.crmx-picker-groups { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; max-height: 240px; overflow-y: auto; }
.crmx-picker-group { margin: 0; border: 1px solid #e5e7eb; border-radius: 4px; }
.crmx-cancel-mode { border: none; padding: 0; margin: 8px 0; display: grid; gap: 2px; }
.crmx-tags input[type=text] { width: 100%; box-sizing: border-box; }
.crmx-chip-remove, .crmx-chip-add { padding: 0 6px !important; margin: 2px; border-radius: 10px !important; }
.crmx-danger-button { background: #b91c1c !important; color: #fff; border-color: #991b1b !important; }
.crmx-danger-button[disabled], .crmx-primary[disabled] { opacity: .6; cursor: default; }
.crmx-file-templates { display: flex; gap: 8px; margin: 8px 0; }
.crmx-file-pick { display: grid; gap: 4px; margin: 8px 0; }
.crmx-file-counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, auto)); gap: 4px 12px; margin: 4px 0; }
.crmx-file-candidates { list-style: none; margin: 2px 0 6px; padding-inline-start: 8px; }
.crmx-file-counts dt { color: #6b7280; font-size: 12px; }
.crmx-file-counts dd { margin: 0; font-weight: 600; }
`;
