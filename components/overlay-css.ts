// The overlay's styles, injected into its shadow root (WXT resets inherited styles first).
export const OVERLAY_CSS = `
.crmx-root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
.crmx-menu {
  position: fixed; z-index: 2147483646; min-width: 220px; max-width: 320px; padding: 4px 0; margin: 0;
  background: #fff; border: 1px solid #cbd2dc; border-radius: 6px; box-shadow: 0 8px 24px rgba(15, 23, 42, .18);
}
.crmx-menu-item { display: flex; flex-direction: column; gap: 2px; padding: 6px 12px; cursor: pointer; outline: none; }
.crmx-menu-item:hover, .crmx-menu-item:focus { background: #e8eef8; }
.crmx-menu-item[aria-disabled="true"] { cursor: default; color: #6b7280; }
.crmx-menu-reason { font-size: 12px; color: #6b7280; }
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
.crmx-error { color: #b91c1c; }
.crmx-details-fields { margin: 0; }
.crmx-details-field { display: grid; grid-template-columns: 40% 60%; gap: 8px; padding: 6px 0; border-bottom: 1px solid #f0f2f5; }
.crmx-details-field dt { color: #6b7280; }
.crmx-details-field dd { margin: 0; overflow-wrap: anywhere; }
.crmx-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.crmx-chips li { padding: 0 6px; border-radius: 10px; background: #eef2f7; }
`;
