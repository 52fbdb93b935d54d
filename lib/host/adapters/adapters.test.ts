import { beforeEach, describe, expect, it } from 'vitest';
import { referenceAdapter } from './reference';
import { checkGenericConfig, createGenericAdapter } from './generic';
import { DEFAULT_GENERIC_SELECTORS } from '../../settings';
import { loadReferencePage } from '../test-fixture';
import { createSelectorAdapter, matchesPageRules, type IdSource, type PageRule } from '../adapter';

beforeEach(() => {
  loadReferencePage();
});

const rows = (selector: string) => [...document.querySelectorAll(selector)];

describe.each([
  ['reference', referenceAdapter],
  ['generic with default selectors', createGenericAdapter(DEFAULT_GENERIC_SELECTORS)],
])('%s adapter on the saved reference page', (_name, adapter) => {
  it('finds every row and reads its customer id from the link', () => {
    expect(rows(adapter.selectors.row).map((row) => adapter.rowId(row))).toEqual(['c-001', 'c-002', 'c-003']);
  });

  it('reads the name as text, never as markup', () => {
    expect(adapter.rowName(rows(adapter.selectors.row)[1])).toBe('Bình Minh Foods <b>');
  });

  it('puts the menu in the first cell and finds the header cell and container', () => {
    const first = rows(adapter.selectors.row)[0];
    expect(adapter.menuCell(first)?.classList.contains('col-name')).toBe(true);
    expect(adapter.headerCell(document)?.classList.contains('col-name')).toBe(true);
    expect(adapter.container(document)?.tagName).toBe('TBODY');
  });
});

describe('every row\'s menu cell in one document selector', () => {
  it.each([
    ['reference', referenceAdapter],
    ['generic, menu cell from :scope', createGenericAdapter({ ...DEFAULT_GENERIC_SELECTORS, menuCell: ':scope > td:first-child' })],
  ])('%s: selects exactly the rows\' menu cells', (_name, adapter) => {
    const cells = rows(adapter.selectors.row).map((row) => adapter.menuCell(row));
    expect([...document.querySelectorAll(adapter.menuCellInDocument!)]).toEqual(cells);
  });

  it('is null for a menu cell that is any matching descendant (the default generic one)', () => {
    expect(createGenericAdapter(DEFAULT_GENERIC_SELECTORS).menuCellInDocument).toBeNull();
  });
});

describe('reference adapter', () => {
  it.each([
    ['http://127.0.0.1:5555/customers', true],
    ['http://127.0.0.1:5555/customers/?q=an', true],
    ['http://127.0.0.1:5555/customers/c-001', false],
    ['http://127.0.0.1:5555/login', false],
  ])('matchesPage(%s) → %s', (url, expected) => {
    expect(referenceAdapter.matchesPage(new URL(url))).toBe(expected);
  });

  it('gives no id for a row without a customer link', () => {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td class="col-name">No link</td>';
    expect(referenceAdapter.rowId(tr)).toBeNull();
  });

  it('reads a reused row again: the link\'s href rewritten in place, or the cell replaced', () => {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td class="col-name"><a href="/customers/c-001">Ann</a></td>';
    expect(referenceAdapter.rowId(tr)).toBe('c-001');
    tr.querySelector('a')!.setAttribute('href', '/customers/c-002');
    tr.querySelector('a')!.textContent = 'Bao';
    expect([referenceAdapter.rowId(tr), referenceAdapter.rowName(tr)]).toEqual(['c-002', 'Bao']);
    const oldCell = referenceAdapter.menuCell(tr);
    tr.innerHTML = '<td class="col-name"><a href="/customers/c-003">Chi</a></td>';
    expect([referenceAdapter.rowId(tr), referenceAdapter.rowName(tr)]).toEqual(['c-003', 'Chi']);
    expect(referenceAdapter.menuCell(tr)).not.toBe(oldCell);
    expect(referenceAdapter.menuCell(tr)).toBe(tr.firstElementChild);
    tr.innerHTML = '<td class="col-name">gone</td>';
    expect(referenceAdapter.rowId(tr)).toBeNull();
  });

  it('decodes an encoded id', () => {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td class="col-name"><a href="/customers/c%20007">x</a></td>';
    expect(referenceAdapter.rowId(tr)).toBe('c 007');
  });
});

describe('generic adapter configuration', () => {
  it.each([
    [{ idPattern: '([' }, 'idPattern'],
    [{ idPattern: '/customers/' }, 'idPattern (group)'],
    [{ urlPattern: '(' }, 'urlPattern'],
    [{ row: '' }, 'row (empty)'],
    [{ menuCell: 'td:::x' }, 'menuCell'],
  ])('refuses %j, naming %s', (override, named) => {
    expect(() => checkGenericConfig({ ...DEFAULT_GENERIC_SELECTORS, ...override })).toThrow(named);
  });
});

describe('where a row\'s id comes from', () => {
  const ROW = `<td><input type="checkbox" name="mass[]" value="v-1"></td>
    <td class="name" data-record="rec:d-2"><a href="/c/h%203?x=1">Name</a></td>`;
  it.each<[string, IdSource, string | null]>([
    ['an href, through a pattern, decoded', { from: 'href', selector: ':scope > td.name a', pattern: /\/c\/([^/?#]+)/ }, 'h 3'],
    ['an href the pattern does not fit', { from: 'href', selector: ':scope > td.name a', pattern: /\/x\/(\w+)/ }, null],
    ['an input\'s value', { from: 'value', selector: ':scope > td > input[name="mass[]"]' }, 'v-1'],
    ['an attribute of the row', { from: 'attribute', attribute: 'data-id' }, 'row-9'],
    ['an attribute of an element in the row, through a pattern', { from: 'attribute', attribute: 'data-record', selector: ':scope > td.name', pattern: /^rec:(.+)$/ }, 'd-2'],
    ['an attribute that is absent', { from: 'attribute', attribute: 'data-missing' }, null],
    ['an element that is absent', { from: 'value', selector: ':scope > td > select' }, null],
  ])('%s', (_name, id, expected) => {
    const adapter = createSelectorAdapter({
      name: 't', pages: [], id,
      selectors: { container: 'tbody', row: 'tr', name: ':scope > td.name a', menuCell: ':scope > td:first-child', headerCell: 'th' },
    });
    const tr = document.createElement('tr');
    tr.dataset.id = 'row-9';
    tr.innerHTML = ROW;
    expect(adapter.rowId(tr)).toBe(expected);
    expect(adapter.rowName(tr)).toBe('Name');
  });
});

describe('page rules see the whole URL', () => {
  const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  it.each<[string, PageRule[], string, Document | undefined, boolean]>([
    ['query', [{ url: /[?&]module=Accounts(&|$)/ }], 'http://h/index.php?module=Accounts', undefined, true],
    ['hash', [{ url: /#Contact(\/|$)/ }], 'http://h/#Contact', undefined, true],
    ['hash, other page', [{ url: /#Contact(\/|$)/ }], 'http://h/#Lead', undefined, false],
    ['path only: the query does not count', [{ path: /^\/customers\/?$/ }], 'http://h/customers?q=1#x', undefined, true],
    ['a rule that needs the page, given it', [{ url: /^\/index\.php$/, has: 'form#list' }], 'http://h/index.php', page('<form id="list"></form>'), true],
    ['a rule that needs the page, another page', [{ url: /^\/index\.php$/, has: 'form#list' }], 'http://h/index.php', page('<form id="other"></form>'), false],
    ['a rule that needs the page, none given', [{ url: /^\/index\.php$/, has: 'form#list' }], 'http://h/index.php', undefined, false],
    ['no rules', [], 'http://h/', undefined, false],
  ])('%s', (_name, rules, url, doc, expected) => {
    expect(matchesPageRules(rules, new URL(url), doc)).toBe(expected);
  });
});
