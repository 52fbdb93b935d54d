// The generic adapter configured for rebuilt list views of real CRMs (lib/host/fixtures/): where the id
// comes from, which URLs are the list, the rows container; and the settings of version 1 still working.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC_SELECTORS, upgradeGenericSelectors, type GenericSelectors } from '../../settings-schema';
import { checkGenericConfig, createGenericAdapter, GenericConfigError } from './generic';
import { GENERIC_PRESETS } from './generic-tools';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

function load(name: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture(name), 'text/html').documentElement.innerHTML;
  return document;
}

const preset = (id: string) => GENERIC_PRESETS.find((p) => p.id === id)!.config;
const config = (over: Partial<GenericSelectors>): GenericSelectors => ({ ...DEFAULT_GENERIC_SELECTORS, ...over });

const FIRST_FIVE = ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'];
const SUITE_IDS = ['1abc8d7d-0afe-4515-bfc7-6b11ed198c00', '93cfcda2-b237-020b-1757-6b11ed81968f', '129eac13-8802-94af-dfff-6b11ecfed4db'];

function rowsOf(adapterConfig: GenericSelectors) {
  const adapter = createGenericAdapter(adapterConfig);
  const rows = [...document.querySelectorAll(adapter.selectors.row)];
  return { adapter, rows, ids: rows.map((row) => adapter.rowId(row)), cells: rows.map((row) => adapter.menuCell(row)) };
}

describe('where the id comes from', () => {
  it.each<[string, string, Partial<GenericSelectors>, Array<string | null>]>([
    ['EspoCRM: the row\'s data-id (preset)', 'espocrm-accounts.html', preset('espocrm-accounts'), FIRST_FIVE],
    ['EspoCRM: the checkbox\'s data-id', 'espocrm-accounts.html',
      { row: 'tr.list-row', idFrom: 'attribute', idElement: 'input.record-checkbox', idAttribute: 'data-id', idPattern: '' }, FIRST_FIVE],
    ['EspoCRM: the name link\'s href with a pattern', 'espocrm-accounts.html',
      { row: 'tr.list-row', idFrom: 'href', idElement: 'td[data-name="name"] a', idPattern: '#Account/view/(.+)$' }, FIRST_FIVE],
    ['EspoCRM: an href pattern that only the user link matches reads no account ids', 'espocrm-accounts.html',
      { row: 'tr.list-row', idFrom: 'href', idElement: 'a[href]', idPattern: '#User/view/(.+)$' }, [null, null, null, null, null]],
    ['SuiteCRM 7: the mass[] checkbox value (preset)', 'suitecrm-accounts.html', preset('suitecrm7-accounts'),
      SUITE_IDS],
    ['SuiteCRM 7: the record of the name link, inside AjaxUI\'s encoded hash', 'suitecrm-accounts.html',
      { row: 'tr.oddListRowS1, tr.evenListRowS1', idFrom: 'href', idElement: 'td[field="name"] a', idPattern: '(?:[?&]|%26)record(?:=|%3D)([^&#%]+)' },
      SUITE_IDS],
    ['AG Grid (virtualised): the row-id attribute', 'virtual-grid-customers.html',
      { row: '.ag-center-cols-container > .ag-row', idFrom: 'attribute', idElement: '', idAttribute: 'row-id', idPattern: '', menuCell: '[col-id="name"]', name: '.ag-cell-value' },
      [...FIRST_FIVE, 'c-006']],
    ['an attribute with a pattern: the number in a prefixed id', 'virtual-grid-customers.html',
      { row: '.ag-row', idFrom: 'attribute', idElement: '', idAttribute: 'row-id', idPattern: '^c-0*(\\d+)$', menuCell: '[col-id="name"]' },
      ['1', '2', '3', '4', '5', '6']],
    ['Odoo 17: the row\'s data-id is the client\'s datapoint, no link holds the partner', 'odoo-contacts.html',
      { row: 'tr.o_data_row', idFrom: 'href', idElement: 'a[href]', idPattern: '[?&#]id=(\\d+)', menuCell: 'td.o_list_record_selector' },
      [null, null, null, null, null]],
  ])('%s', (_name, page, over, expected) => {
    load(page);
    const { rows, ids, cells } = rowsOf(config(over));
    expect(ids).toEqual(expected);
    expect(cells.every((cell) => cell !== null && rows.some((row) => row.contains(cell)))).toBe(true);
  });

  it('reads a recycled row\'s new id (a virtualised grid reuses the element for another customer)', () => {
    load('virtual-grid-customers.html');
    const { adapter, rows } = rowsOf(config({ row: '.ag-row', idFrom: 'attribute', idElement: '', idAttribute: 'row-id', idPattern: '', menuCell: '[col-id="name"]', name: '.ag-cell-value' }));
    expect(adapter.rowId(rows[0])).toBe('c-001');
    expect(adapter.rowName(rows[0])).toBe('Nguyễn Văn Hùng');
    rows[0].setAttribute('row-id', 'c-041');
    rows[0].querySelector('.ag-cell-value')!.textContent = 'Customer c-041';
    expect(adapter.rowId(rows[0])).toBe('c-041');
    expect(adapter.rowName(rows[0])).toBe('Customer c-041');
  });

  it('reads an input\'s current value, not the one it was written with', () => {
    load('suitecrm-accounts.html');
    const { adapter, rows } = rowsOf(preset('suitecrm7-accounts'));
    rows[0].querySelector<HTMLInputElement>('input[name="mass[]"]')!.value = 'changed-id';
    expect(adapter.rowId(rows[0])).toBe('changed-id');
  });
});

describe('which pages: the whole URL (path, query, hash)', () => {
  const test = (over: Partial<GenericSelectors>, href: string, doc?: Document) => createGenericAdapter(config(over)).matchesPage(new URL(href, 'https://crm.example.com'), doc);

  it.each<[string, string, boolean]>([
    ['espocrm-accounts', '/#Account', true],
    ['espocrm-accounts', '/espocrm/#Account/list', true],
    ['espocrm-accounts', '/#Account/list/primaryFilter=starred', true],
    ['espocrm-accounts', '/#Account/view/c-001', false],
    ['espocrm-accounts', '/#Contact', false],
    ['espocrm-accounts', '/', false],
  ])('%s on %s: %s', (id, href, expected) => {
    expect(test(preset(id), href)).toBe(expected);
  });

  // SuiteCRM's pages are all index.php: its preset also asks for the Accounts list's own form in the page.
  it.each<[string, string, boolean]>([
    ['/index.php?module=Accounts&action=index', 'suitecrm-accounts.html', true],
    ['/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex', 'suitecrm-accounts.html', true],
    // The next page, the answer to the pager's form POST.
    ['/index.php', 'suitecrm-accounts.html', true],
    ['/index.php?module=Accounts&action=DetailView&record=3400cf01', 'suitecrm-account-detail.html', false],
    ['/index.php?module=Accounts&action=index', 'espocrm-accounts.html', false],
    ['/index.php?module=Accounts&action=index', 'suitecrm-accounts.html:Contacts', false],
    ['/index.php?module=Accounts&action=index', '', false],
  ])('SuiteCRM 7 preset on %s holding %s: %s', (href, page, expected) => {
    const [file, module] = page.split(':');
    if (file) load(file);
    else document.documentElement.innerHTML = '<body></body>';
    if (module) document.querySelector('form#MassUpdate > input[name="module"]')!.setAttribute('value', module);
    expect(test(preset('suitecrm7-accounts'), href, document)).toBe(expected);
    // Without the document, a rule that needs it fails (as in the content script's pageKind, which always gives it).
    expect(test(preset('suitecrm7-accounts'), href)).toBe(false);
  });

  it.each<[string, string, boolean]>([
    // Odoo before 17.2 routes by hash, after by path: one pattern for both.
    ['[#&]model=res\\.partner&view_type=list|^/odoo/contacts(?:\\?|$)', '/web#action=120&model=res.partner&view_type=list', true],
    ['[#&]model=res\\.partner&view_type=list|^/odoo/contacts(?:\\?|$)', '/odoo/contacts?view_type=list', true],
    ['[#&]model=res\\.partner&view_type=list|^/odoo/contacts(?:\\?|$)', '/web#id=7&model=res.partner&view_type=form', false],
    ['[#&]model=res\\.partner&view_type=list|^/odoo/contacts(?:\\?|$)', '/odoo/contacts/7', false],
    ['^/customers/?(?:[?#]|$)', '/customers?q=KH0004', true],
    ['^/customers/?(?:[?#]|$)', '/customers/c-001', false],
  ])('%s on %s: %s', (urlPattern, href, expected) => {
    expect(test({ urlPattern }, href)).toBe(expected);
  });
});

describe('the rows container', () => {
  it('rows outside it are not customers\' (EspoCRM\'s list, not another table on the page)', () => {
    load('espocrm-accounts.html');
    // A second list with the same row markup elsewhere on the page (a side panel's).
    document.body.insertAdjacentHTML('beforeend', '<aside><table class="table"><tbody><tr class="list-row" data-id="x-1"><td class="cell" data-name="name"><a>Other</a></td></tr></tbody></table></aside>');
    expect(rowsOf(preset('espocrm-accounts')).ids).toEqual(FIRST_FIVE);
    expect(rowsOf({ ...preset('espocrm-accounts'), container: '' }).ids).toEqual([...FIRST_FIVE, 'x-1']);
  });

  it('is the list the Followed tab takes the place of; empty, the first row\'s parent', () => {
    load('espocrm-accounts.html');
    const tbody = document.querySelector('#main .list > table > tbody');
    expect(createGenericAdapter(preset('espocrm-accounts')).container(document)).toBe(tbody);
    expect(createGenericAdapter({ ...preset('espocrm-accounts'), container: '' }).container(document)).toBe(tbody);
  });
});

describe('a configuration that cannot work names the field', () => {
  it('passes for the default and every preset', () => {
    for (const checked of [DEFAULT_GENERIC_SELECTORS, ...GENERIC_PRESETS.map((p) => p.config)]) expect(checkGenericConfig(checked)).toEqual(checked);
  });

  it.each<[string, Partial<GenericSelectors>, keyof GenericSelectors, string]>([
    ['a URL pattern that is no pattern', { urlPattern: '([' }, 'urlPattern', 'pattern'],
    ['an empty row', { row: ' ' }, 'row', 'empty'],
    ['a row that is no selector', { row: 'tr[' }, 'row', 'selector'],
    ['a container that is no selector', { container: '##' }, 'container', 'selector'],
    ['a page selector that is no selector', { pageHas: 'form[' }, 'pageHas', 'selector'],
    ['an href without a group', { idFrom: 'href', idPattern: '/customers/[^/]+' }, 'idPattern', 'group'],
    ['an href without a pattern', { idFrom: 'href', idPattern: '' }, 'idPattern', 'empty'],
    ['an attribute without its name', { idFrom: 'attribute', idAttribute: '' }, 'idAttribute', 'empty'],
    ['an attribute name with a space', { idFrom: 'attribute', idAttribute: 'data id' }, 'idAttribute', 'attribute'],
    ['a value without its input', { idFrom: 'value', idElement: '' }, 'idElement', 'empty'],
  ])('%s', (_name, over, field, problem) => {
    const attempt = () => checkGenericConfig(config(over));
    expect(attempt).toThrow(GenericConfigError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ field, problem });
    }
  });
});

describe('settings stored by version 1 (path pattern, link, href pattern)', () => {
  const v1 = {
    pathPattern: '^/customers/?$', container: 'table tbody', row: 'table tbody tr', link: 'a[href]',
    idPattern: '/customers/([^/?#]+)', menuCell: 'td:first-child', headerCell: 'table thead th:first-child',
  };

  it('still decorate the same pages and read the same ids', () => {
    const adapter = createGenericAdapter(v1);
    for (const [href, expected] of [['/customers', true], ['/customers/?q=KH0004&page=2', true], ['/customers#top', true], ['/customers/c-001', false], ['/x/customers', false]] as const) {
      expect(adapter.matchesPage(new URL(href, 'https://crm.example.com')), href).toBe(expected);
    }
    document.body.innerHTML = '<table><tbody><tr><td><a href="/customers/c-007">Acme</a></td></tr></tbody></table>';
    const [row] = document.querySelectorAll(adapter.selectors.row);
    expect([adapter.rowId(row), adapter.rowName(row)]).toEqual(['c-007', 'Acme']);
  });

  it('convert to today\'s shape: the link is both the id\'s element and the name', () => {
    expect(upgradeGenericSelectors(v1)).toEqual({
      urlPattern: '^[^?#]*?(?:^/customers/?(?=[?#]|$))', pageHas: '', container: '', row: 'table tbody tr', idFrom: 'href', idElement: 'a[href]',
      idAttribute: '', idPattern: '/customers/([^/?#]+)', name: 'a[href]', placement: 'cell', menuCell: 'td:first-child', headerCell: 'table thead th:first-child',
    });
  });

  it.each<[string, string, boolean]>([
    ['customers', '/app/customers?x=1', true],
    ['customers', '/app/list?view=customers', false],
    ['^/crm/(accounts|contacts)$', '/crm/contacts#filter', true],
    ['^/crm/(accounts|contacts)$', '/crm/contacts/1', false],
    ['/list\\$$', '/list$?a', true],
    ['[$]x$', '/a$x', true],
  ])('path pattern %s on %s: %s', (pathPattern, href, expected) => {
    expect(createGenericAdapter({ ...v1, pathPattern }).matchesPage(new URL(href, 'https://crm.example.com'))).toBe(expected);
  });
});
