import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_ID, syncContentScript } from './content-script-registration';

type Registered = { id: string; matches?: string[]; js?: string[] };
let registered: Registered[];

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = vi.fn(async (filter?: { ids?: string[] }) =>
    registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)));
  scripting.registerContentScripts = vi.fn(async (scripts: Registered[]) => {
    registered.push(...scripts);
  });
  scripting.unregisterContentScripts = vi.fn(async (filter: { ids: string[] }) => {
    registered = registered.filter((s) => !filter.ids.includes(s.id));
  });
  scripting.executeScript = vi.fn(async () => []);
});

describe('syncContentScript', () => {
  it('registers the content script for the CRM origin only', async () => {
    await syncContentScript('http://127.0.0.1:5555');
    expect(registered).toEqual([expect.objectContaining({
      id: CONTENT_SCRIPT_ID, matches: ['http://127.0.0.1:5555/*'], js: ['/crm-page.js'],
    })]);
  });

  it('re-registers when the CRM origin changes, and leaves it alone when it does not', async () => {
    await syncContentScript('http://127.0.0.1:5555');
    await syncContentScript('http://127.0.0.1:5555');
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    await syncContentScript('https://crm.example.com');
    expect(registered.map((s) => s.matches)).toEqual([['https://crm.example.com/*']]);
  });

  it('removes the registration when no CRM is configured', async () => {
    await syncContentScript('http://127.0.0.1:5555');
    await syncContentScript(null);
    expect(registered).toEqual([]);
  });
});
