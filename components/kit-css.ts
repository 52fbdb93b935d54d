// The styles of what only the dialogs' script draws (the row menu, dialogs, the details panel, the batch
// bar, its dialogs and job progress), which come with that script on the CRM page: each fills its place
// in a root's styles (overlay-css.ts, batch/batch-css.ts say where) once the script is loaded.
export const KIT_CSS = {
  menuAndDetails: `.crmx-menu {
  position: fixed; z-index: 2147483646; min-width: 220px; max-width: 320px; padding: 4px 0; margin: 0;
  background: #fff; border: 1px solid #cbd2dc; border-radius: 6px; box-shadow: 0 8px 24px rgba(15, 23, 42, .18);
}
.crmx-menu-item { display: flex; flex-direction: column; gap: 2px; padding: 6px 12px; cursor: pointer; outline: none; }
.crmx-menu-item:hover, .crmx-menu-item:focus { background: #e8eef8; }
.crmx-menu-item[aria-disabled="true"] { cursor: default; color: #4b5563; }
.crmx-menu-reason { font-size: 12px; color: #4b5563; }
.crmx-details {
  position: fixed; z-index: 2147483645; top: 0; right: 0; bottom: 0; width: min(400px, 100vw); box-sizing: border-box;
  overflow-y: auto; padding: 16px 20px; background: #fff; border-left: 1px solid #cbd2dc;
  box-shadow: -8px 0 24px rgba(15, 23, 42, .12); outline: none;
}
.crmx-details-header { position: relative; padding-right: 32px; margin-bottom: 12px; }
.crmx-details-kicker { margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #6b7280; }
.crmx-details h2 { margin: 2px 0 0; font-size: 20px; line-height: 1.3; overflow-wrap: anywhere; }
.crmx-details-followed { margin: 4px 0 0; color: #b45309; }
.crmx-details-close {
  position: absolute; top: 0; right: 0; width: 28px; height: 28px; border: 1px solid transparent; border-radius: 4px;
  background: none; font-size: 20px; line-height: 1; cursor: pointer; color: inherit;
}
.crmx-details-close:hover { background: #eef2f7; }
.crmx-details-close:focus-visible { outline: 2px solid #2563eb; }
.crmx-details-status { margin: 8px 0; color: #374151; }
`,
  detailsFields: `.crmx-details-fields { margin: 0; }
.crmx-details-field { display: grid; grid-template-columns: 40% 60%; gap: 8px; padding: 6px 0; border-bottom: 1px solid #f0f2f5; }
.crmx-details-field dt { color: #6b7280; }
.crmx-details-field dd { margin: 0; overflow-wrap: anywhere; }
.crmx-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.crmx-chips li { padding: 0 6px; border-radius: 10px; background: #eef2f7; }
`,
  dialogFrame: `.crmx-backdrop { position: fixed; inset: 0; z-index: 2147483646; display: flex; align-items: flex-start; justify-content: center;
  padding-top: 8vh; background: rgba(15, 23, 42, .35); }
.crmx-dialog { box-sizing: border-box; width: min(440px, 96vw); max-height: 84vh; overflow-y: auto; padding: 16px 20px;
  background: #fff; color: #111827; border-radius: 8px; box-shadow: 0 16px 48px rgba(15, 23, 42, .3); }
.crmx-dialog-wide { width: min(640px, 96vw); }
.crmx-dialog-header { position: relative; padding-right: 32px; }
.crmx-dialog-header h2 { margin: 0 0 12px; font-size: 18px; overflow-wrap: anywhere; }
`,
  dialogForms: `.crmx-dialog .crmx-primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
.crmx-dialog .crmx-danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
.crmx-dialog .crmx-danger:hover:not([disabled]) { background: #991b1b; border-color: #991b1b; }
.crmx-danger-note { margin: 8px 0; padding: 8px 10px; border: 1px solid #fca5a5; border-inline-start: 4px solid #b91c1c; border-radius: 6px;
  background: #fef2f2; color: #7f1d1d; }
.crmx-danger-note p { margin: 0; }
.crmx-danger-note label { display: block; margin: 8px 0 2px; font-weight: 600; }
.crmx-danger-note input { box-sizing: border-box; width: min(12em, 100%); padding: 6px 8px; font: inherit; color: #111827; background: #fff;
  border: 1px solid #6b7280; border-radius: 6px; }
.crmx-dialog button[disabled] { opacity: .6; cursor: default; }
.crmx-dialog .crmx-link-button { border: 0; padding: 6px 0; color: #1d4ed8; text-decoration: underline; background: none; }
.crmx-form label, .crmx-log-filters label { display: block; margin: 8px 0 2px; font-weight: 600; }
.crmx-form input[type="text"], .crmx-form input[type="search"], .crmx-form select, .crmx-form textarea, .crmx-log-filters select, .crmx-log-filters input {
  box-sizing: border-box; width: 100%; padding: 6px 8px; font: inherit; color: inherit; background: #fff; border: 1px solid #6b7280; border-radius: 6px; }
.crmx-form [aria-invalid="true"] { border-color: #b91c1c; }
.crmx-field-error { margin: 2px 0 0; color: #b91c1c; font-size: 13px; }
.crmx-help { margin: 4px 0; color: #4b5563; font-size: 13px; }
.crmx-dialog-actions { display: flex; gap: 8px; justify-content: flex-end; align-items: center; margin: 16px 0 -16px; padding: 8px 0 16px;
  position: sticky; bottom: -16px; background: #fff; } /* the confirm stays in view (and armed) however long the dialog */
.crmx-spacer { flex: 1; }
.crmx-table { width: 100%; border-collapse: collapse; margin: 8px 0; }
.crmx-table th, .crmx-table td { padding: 4px 6px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.crmx-change-records h3, .crmx-share-current h3, .crmx-details-log h3 { margin: 12px 0 4px; font-size: 15px; }
.crmx-target-picker { margin: 8px 0; min-width: 0; }
.crmx-target-picker .crmx-target-search-label { display: block; margin: 8px 0 2px; font-weight: 600; }
.crmx-target-picker .crmx-target-search { box-sizing: border-box; width: 100%; padding: 6px 8px; font: inherit; color: inherit; background: #fff;
  border: 1px solid #6b7280; border-radius: 6px; }
.crmx-target-groups { margin-top: 8px; max-height: min(320px, 45vh); overflow-x: hidden; overflow-y: auto; border: 1px solid #d1d5db; border-radius: 6px; }
.crmx-target-group { min-width: 0; margin: 0; padding: 0 10px 6px; border: 0; border-top: 1px solid #e5e7eb; }
.crmx-target-group:first-child { border-top: 0; }
.crmx-target-group legend { padding: 8px 0 2px; font-weight: 600; }
.crmx-target-option { display: flex; gap: 8px; align-items: flex-start; padding: 3px 0; }
.crmx-target-option input { flex: none; margin: 3px 0 0; }
.crmx-dialog .crmx-target-option label { display: flex; flex-direction: column; flex: 1; min-width: 0; margin: 0; font-weight: 400; overflow-wrap: anywhere; }
.crmx-target-detail { color: #4b5563; font-size: 13px; }
.crmx-log-filters { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 8px; }
.crmx-timeline { list-style: none; margin: 12px 0; padding: 0; }
.crmx-timeline-entry { display: grid; grid-template-columns: 150px 1fr; gap: 12px; padding: 6px 0; border-bottom: 1px solid #eef0f3; }
.crmx-timeline-time { color: #4b5563; font-size: 13px; }
.crmx-timeline-type { margin: 0; font-weight: 600; }
.crmx-timeline-details { margin: 2px 0 0; overflow-wrap: anywhere; }
.crmx-timeline-actor { margin: 0; color: #4b5563; font-size: 13px; }
.crmx-timeline-changes { margin: 2px 0 0; padding: 0; list-style: none; overflow-wrap: anywhere; }
.crmx-timeline-changes del { color: #6b7280; }
.crmx-timeline-changes ins { text-decoration: none; font-weight: 600; }
`,
  detailsActions: `.crmx-details-star { all: unset; cursor: pointer; font-size: 20px; color: #6b7280; padding: 0 4px; border-radius: 4px; }
.crmx-details-star[aria-pressed="true"] { color: #b45309; }
.crmx-details-star:focus-visible { outline: 2px solid #2563eb; }
.crmx-details-actions { margin: 8px 0 12px; }
.crmx-details-action-row { display: flex; flex-wrap: nowrap; gap: 4px; }
.crmx-details-action-row .crmx-details-action { flex: 0 1 auto; min-width: 0; padding: 4px 8px; overflow-wrap: anywhere; }
.crmx-details-action[aria-disabled="true"] { color: #4b5563; background: #f3f4f6; cursor: default; }
.crmx-details-reasons { margin: 4px 0 0; padding: 0; list-style: none; }
.crmx-details-log .crmx-timeline-entry { grid-template-columns: 120px 1fr; }
.crmx-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`,
  // The batch bar comes with the dialogs' script too (entrypoints/crm-page/features/batch-bar.tsx).
  batch: `
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
.crmx-export { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.crmx-export [aria-disabled=true] { opacity: .6; cursor: progress; }
.crmx-export-status { font-size: 13px; color: #374151; }
.crmx-targets h3, .crmx-file-preview h3, .crmx-file-preview h4 { margin: 8px 0 4px; font-size: 14px; }
.crmx-target-list { max-height: 160px; overflow-y: auto; margin: 0; padding: 4px 4px 4px 28px; border: 1px solid #e5e7eb; border-radius: 4px; }
.crmx-target-refused { color: #4b5563; text-decoration: line-through; }
.crmx-target-refused .crmx-help { text-decoration: none; display: inline-block; }
.crmx-precheck { margin: 8px 0; padding: 6px 8px; background: #fef3c7; border-radius: 4px; }
.crmx-precheck p { margin: 2px 0; }
.crmx-precheck-ok { color: #166534; }
.crmx-cancel-mode { border: none; padding: 0; margin: 8px 0; display: grid; gap: 2px; }
.crmx-tags input[type=text] { width: 100%; box-sizing: border-box; }
.crmx-chip-remove, .crmx-chip-add { padding: 0 6px !important; margin: 2px; border-radius: 10px !important; }
.crmx-primary[disabled] { opacity: .6; cursor: default; }
.crmx-file-templates { display: flex; gap: 8px; margin: 8px 0; }
.crmx-file-pick { display: grid; gap: 4px; margin: 8px 0; }
.crmx-file-counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, auto)); gap: 4px 12px; margin: 4px 0; }
.crmx-file-candidates { list-style: none; margin: 2px 0 6px; padding-inline-start: 8px; }
.crmx-file-counts dt { color: #6b7280; font-size: 12px; }
.crmx-file-counts dd { margin: 0; font-weight: 600; }
`,
};

export type KitCss = typeof KIT_CSS;
