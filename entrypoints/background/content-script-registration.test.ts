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
    // As Chrome: the check and the write are apart, and a second script with one id is refused.
    await Promise.resolve();
    for (const s of scripts) if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
    registered.push(...scripts);
  });
  scripting.unregisterContentScripts = vi.fn(async (filter: { ids: string[] }) => {
    registered = registered.filter((s) => !filter.ids.includes(s.id));
  });
  scripting.executeScript = vi.fn(async () => []);
  (fakeBrowser.tabs as unknown as Record<string, unknown>).query = vi.fn(async ({ url }: { url: string[] }) =>
    (url.includes('http://127.0.0.1:5555/*') ? [{ id: 7, url: 'http://127.0.0.1:5555/customers' }] : []));
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

  it('registers once when a worker\'s start, the browser\'s start and the setting ask at the same time', async () => {
    await Promise.all([1, 2, 3].map(() => syncContentScript('http://127.0.0.1:5555')));
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(registered.map((s) => s.id)).toEqual([CONTENT_SCRIPT_ID]);
  });

  it('puts the overlay into a CRM tab that opened before the registration, and not again while it stands', async () => {
    await syncContentScript('http://127.0.0.1:5555');
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/crm-page.js'] });
    await syncContentScript('http://127.0.0.1:5555');
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(1);
  });
});
