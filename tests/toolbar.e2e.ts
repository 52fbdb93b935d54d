// The toolbar button opens the side panel, so a manager reaches it from any tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';

describe('the toolbar button', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => browser?.close());

  it('opens the side panel on click', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const behavior = await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> } } }).chrome;
      for (let i = 0; i < 100; i++) {
        const b = await c.sidePanel.getPanelBehavior();
        if (b.openPanelOnActionClick) return b;
        await new Promise((r) => setTimeout(r, 50));
      }
      return c.sidePanel.getPanelBehavior();
    });
    expect(behavior.openPanelOnActionClick).toBe(true);
  });
});
