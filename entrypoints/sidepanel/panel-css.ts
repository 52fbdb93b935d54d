export const PANEL_CSS = `
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f8fafc; }
.crmx-panel { display: grid; gap: 10px; padding: 10px; }
.crmx-panel section { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 10px; }
.crmx-panel h2 { font-size: 15px; margin: 0 0 6px; }
.crmx-panel ul { margin: 0; padding-inline-start: 18px; }
.crmx-panel-results { list-style: none; padding: 0 !important; max-height: 50vh; overflow-y: auto; }
.crmx-panel-results li { display: flex; gap: 6px; align-items: baseline; padding: 2px 0; border-bottom: 1px solid #f1f5f9; }
.crmx-panel-results .crmx-help { margin-inline-start: auto; }
.crmx-panel input[type=search] { width: 100%; box-sizing: border-box; padding: 4px 6px; }
.crmx-panel .crmx-batch { position: static; transform: none; width: auto; max-height: none; box-shadow: none; }
.crmx-panel button { font: inherit; }
.crmx-panel .crmx-sign-out .buttons { display: flex; flex-wrap: wrap; gap: 8px; }
`;
