// The options page's preview ("Try it"), presets and configuration files of the generic adapter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC_SELECTORS } from '../../settings-schema';
import { GenericConfigError } from './generic';
import {
  exportGenericConfig, GENERIC_PRESETS, GenericImportError, importGenericConfig, previewGeneric, snapshotPage, type PageSnapshot,
} from './generic-tools';

const html = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const preset = (id: string) => GENERIC_PRESETS.find((p) => p.id === id)!.config;

describe('the preview of a configuration on the CRM tab\'s page', () => {
  it.each<[string, string, string, { pageMatches: boolean; rows: number; withId: number; ids: Array<string | null> }]>([
    ['espocrm-accounts', 'espocrm-accounts.html', 'https://crm.example.com/#Account',
      { pageMatches: true, rows: 5, withId: 5, ids: ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'] }],
    // Rows and ids as before, but the page test fails: the overlay would not start here, and the preview says so.
    ['espocrm-accounts', 'espocrm-accounts.html', 'https://crm.example.com/#Account/view/c-001',
      { pageMatches: false, rows: 5, withId: 5, ids: ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'] }],
    ['suitecrm7-accounts', 'suitecrm-accounts.html', 'http://127.0.0.1:36080/index.php',
      { pageMatches: true, rows: 3, withId: 3, ids: ['1abc8d7d-0afe-4515-bfc7-6b11ed198c00', '93cfcda2-b237-020b-1757-6b11ed81968f', '129eac13-8802-94af-dfff-6b11ecfed4db'] }],
    ['suitecrm7-accounts', 'espocrm-accounts.html', 'https://crm.example.com/#Account',
      { pageMatches: false, rows: 0, withId: 0, ids: [] }],
  ])('%s on %s at %s', (id, page, url, expected) => {
    const preview = previewGeneric(preset(id), { url, html: html(page) });
    expect({ pageMatches: preview.pageMatches, rows: preview.rows, withId: preview.withId, ids: preview.first.map((row) => row.id) }).toEqual(expected);
    expect(preview.withMenuCell).toBe(expected.rows);
  });

  it('names the first rows', () => {
    const preview = previewGeneric(preset('espocrm-accounts'), { url: 'https://crm.example.com/#Account', html: html('espocrm-accounts.html') });
    expect(preview.first[0]).toEqual({ id: 'c-001', name: 'Nguyễn Văn Hùng' });
  });

  it('takes the tab\'s page with its inputs\' current values', () => {
    document.body.innerHTML = '<table><tbody><tr><td><input name="mass[]" value="old"></td><td><a>Acme</a></td></tr></tbody></table>';
    document.querySelector('input')!.value = 'now';
    const snapshot: PageSnapshot = snapshotPage();
    expect(snapshot.url).toBe(location.href);
    const preview = previewGeneric({ ...DEFAULT_GENERIC_SELECTORS, urlPattern: '', idFrom: 'value', idElement: 'input', name: 'a' }, snapshot);
    expect(preview.first).toEqual([{ id: 'now', name: 'Acme' }]);
  });

  it('throws naming the field for a configuration that cannot work', () => {
    expect(() => previewGeneric({ ...preset('espocrm-accounts'), idAttribute: '' }, { url: 'https://x/', html: '' })).toThrow(GenericConfigError);
  });
});

describe('configuration files', () => {
  it('an exported configuration imports as itself', () => {
    for (const { config } of GENERIC_PRESETS) expect(importGenericConfig(exportGenericConfig(config))).toEqual(config);
  });

  it('says what it is, for a person opening it', () => {
    expect(JSON.parse(exportGenericConfig(preset('espocrm-accounts')))).toMatchObject({ format: 'crm-overlay-generic-adapter', version: 2, adapter: { row: 'tr.list-row[data-id]' } });
  });

  it('imports version 1\'s stored settings as their conversion', () => {
    const v1 = { pathPattern: '^/customers/?$', container: 'table tbody', row: 'table tbody tr', link: 'a[href]', idPattern: '/customers/([^/?#]+)', menuCell: 'td:first-child', headerCell: 'th' };
    expect(importGenericConfig(JSON.stringify(v1))).toMatchObject({ idFrom: 'href', idElement: 'a[href]', name: 'a[href]', urlPattern: '^[^?#]*?(?:^/customers/?(?=[?#]|$))' });
  });

  const exported = JSON.parse(exportGenericConfig(preset('espocrm-accounts')));
  const withAdapter = (adapter: object) => JSON.stringify({ ...exported, adapter: { ...exported.adapter, ...adapter } });

  it.each<[string, string, string, string]>([
    ['not JSON', '{"format": ', 'json', ''],
    ['a list', '[]', 'format', ''],
    ['another program\'s file', JSON.stringify({ format: 'something-else', adapter: {} }), 'format', ''],
    ['a newer version', JSON.stringify({ ...exported, version: 3 }), 'version', '3'],
    ['a misspelt field', withAdapter({ rowz: 'tr' }), 'unknown', 'rowz'],
    ['a missing field', JSON.stringify({ ...exported, adapter: { ...exported.adapter, row: undefined } }), 'missing', 'row'],
    ['a number for a selector', withAdapter({ menuCell: 3 }), 'type', 'menuCell'],
    ['an unknown id source', withAdapter({ idFrom: 'cookie' }), 'idFrom', 'cookie'],
  ])('refuses %s, naming what is wrong', (_name, text, problem, detail) => {
    let thrown: unknown;
    try {
      importGenericConfig(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GenericImportError);
    expect(thrown).toMatchObject({ problem, ...(detail && { detail }) });
  });

  it('refuses a field that cannot work, naming it', () => {
    expect(() => importGenericConfig(withAdapter({ row: 'tr[' }))).toThrow(expect.objectContaining({ field: 'row', problem: 'selector' }));
  });
});
