import { beforeEach, describe, expect, it } from 'vitest';
import { referenceAdapter } from './reference';
import { createGenericAdapter } from './generic';
import { DEFAULT_GENERIC_SELECTORS } from '../../settings';
import { loadReferencePage } from '../test-fixture';

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
    [{ idPattern: '/customers/' }, 'capture group'],
    [{ pathPattern: '(' }, 'pathPattern'],
    [{ row: '' }, 'row is empty'],
    [{ menuCell: 'td:::x' }, 'menuCell'],
  ])('refuses %j, naming %s', (override, named) => {
    expect(() => createGenericAdapter({ ...DEFAULT_GENERIC_SELECTORS, ...override })).toThrow(named);
  });
});
