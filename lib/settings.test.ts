import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGenericAdapter } from './host/adapters/generic';
import { crmMatchPattern, normalizeCrmUrl } from './settings';
import { readOnlySetting } from './settings-reader';
import { SETTINGS } from './settings-schema';

describe('normalizeCrmUrl', () => {
  it.each([
    ['http://127.0.0.1:5555', 'http://127.0.0.1:5555'],
    ['http://127.0.0.1:5555/customers?page=2#x', 'http://127.0.0.1:5555'],
    ['  https://crm.example.com/  ', 'https://crm.example.com'],
    ['crm.example.com', 'https://crm.example.com'],
    ['HTTPS://CRM.Example.com:443/app', 'https://crm.example.com'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCrmUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['ftp://crm.example.com', 'https://'],
    ['http://', 'not a URL'],
  ])('refuses %j, saying %s', (input, said) => {
    expect(() => normalizeCrmUrl(input)).toThrow(said);
  });
});

describe('crmMatchPattern', () => {
  it.each([
    ['http://127.0.0.1:5555', 'chrome', 'http://127.0.0.1:5555/*'],
    ['https://crm.example.com', 'chrome', 'https://crm.example.com/*'],
    ['http://127.0.0.1:5555', 'firefox', 'http://127.0.0.1/*'],
  ])('%s on %s → %s', (origin, browser, expected) => {
    expect(crmMatchPattern(origin, browser)).toBe(expected);
  });
});

describe('genericSelectors stored by version 1', () => {
  const v1 = {
    pathPattern: '^/crm/(accounts|contacts)/?$', container: '#list tbody', row: '#list tbody tr', link: 'td.name a',
    idPattern: '/crm/accounts/(\\d+)', menuCell: 'td:first-child', headerCell: '#list thead th:first-child',
  };

  it('are converted in storage once the settings load (the background loads them first), and still work', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ genericSelectors: v1 });
    // What the content script sees before the migration ran: the same conversion.
    const beforeMigration = createGenericAdapter(await readOnlySetting(SETTINGS.genericSelectors).getValue());
    vi.resetModules();
    const { genericSelectors } = await import('./settings');
    const migrated = await genericSelectors.getValue();
    expect(migrated).toMatchObject({ idFrom: 'href', idElement: 'td.name a', name: 'td.name a', idPattern: '/crm/accounts/(\\d+)', container: '' });
    expect((await fakeBrowser.storage.local.get('genericSelectors')).genericSelectors).toEqual(migrated);
    expect((await fakeBrowser.storage.local.get('genericSelectors$')).genericSelectors$).toEqual({ v: 2 });

    document.body.innerHTML = '<table id="list"><tbody><tr><td></td><td class="name"><a href="/crm/accounts/42">Acme</a></td></tr></tbody></table>';
    for (const adapter of [beforeMigration, createGenericAdapter(migrated)]) {
      const [row] = document.querySelectorAll(adapter.selectors.row);
      expect([adapter.rowId(row), adapter.rowName(row)]).toEqual(['42', 'Acme']);
      expect(adapter.matchesPage(new URL('https://crm.example.com/crm/contacts?page=2#top'))).toBe(true);
      expect(adapter.matchesPage(new URL('https://crm.example.com/crm/contacts/42'))).toBe(false);
    }
  });
});
