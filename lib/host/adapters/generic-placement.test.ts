// Where the generic adapter's controls go (issue 17, point 3): into a chosen cell, or into a column of our own
// added at the start of the header row and of every row, on rebuilt list views of real CRMs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC_SELECTORS, upgradeGenericSelectors, type GenericSelectors } from '../../settings-schema';
import { ensureOwnCell, OWN_CELL } from '../adapter';
import { checkGenericConfig, createGenericAdapter, GenericConfigError } from './generic';
import { GENERIC_PRESETS, importGenericConfig, previewGeneric } from './generic-tools';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
function load(name: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture(name), 'text/html').documentElement.innerHTML;
}
const preset = (id: string) => GENERIC_PRESETS.find((p) => p.id === id)!.config;

const ESPO_BUTTONS: GenericSelectors = {
  ...preset('espocrm-accounts'), menuCell: ':scope > td[data-name="buttons"]', headerCell: '#main .list > table > thead > tr > th[data-name="buttons"]',
};

describe('placements', () => {
  it.each<[string, string, GenericSelectors, { cell: string; header: string; firstCellOfRow: boolean }]>([
    ['EspoCRM, the 25 px buttons cell', 'espocrm-accounts.html', ESPO_BUTTONS, { cell: 'td[data-name=buttons]', header: 'th[data-name=buttons]', firstCellOfRow: false }],
    ['EspoCRM, our own column', 'espocrm-accounts.html', { ...ESPO_BUTTONS, placement: 'column' }, { cell: `td[${OWN_CELL}]`, header: `th[${OWN_CELL}]`, firstCellOfRow: true }],
    ['SuiteCRM 7, our own column', 'suitecrm-accounts.html', { ...preset('suitecrm7-accounts'), placement: 'column' }, { cell: `td[${OWN_CELL}]`, header: `th[${OWN_CELL}]`, firstCellOfRow: true }],
    ['Odoo, the name cell', 'odoo-contacts.html', { ...DEFAULT_GENERIC_SELECTORS, row: 'tr.o_data_row', idFrom: 'attribute', idElement: '', idAttribute: 'data-id', idPattern: '', name: 'td[name=complete_name]', menuCell: ':scope > td[name=complete_name]', headerCell: 'thead th[data-name=complete_name]' },
      { cell: 'td[name=complete_name]', header: 'th[data-name=complete_name]', firstCellOfRow: false }],
  ])('%s: each row\'s menu cell, and the header cell above them', (_label, page, config, expected) => {
    load(page);
    const adapter = createGenericAdapter(checkGenericConfig(config));
    const rows = [...document.querySelectorAll(adapter.selectors.row)];
    expect(rows.length).toBeGreaterThan(0);
    // Our column's cells are added by the row slot feature: none before.
    if (adapter.ownColumn) {
      expect(rows.map((row) => adapter.menuCell(row))).toEqual(rows.map(() => null));
      for (const row of rows) ensureOwnCell(row);
      for (const row of rows) ensureOwnCell(row);
    }
    const cells = rows.map((row) => adapter.menuCell(row));
    expect(cells.every((cell) => cell?.matches(expected.cell))).toBe(true);
    expect(cells.every((cell, i) => (rows[i].firstElementChild === cell) === expected.firstCellOfRow)).toBe(true);
    expect(rows.every((row) => row.querySelectorAll(`[${OWN_CELL}]`).length === (adapter.ownColumn ? 1 : 0))).toBe(true);
    const header = adapter.headerCell(document);
    expect(header?.matches(expected.header)).toBe(true);
    // Asked again: the same header cell, one of ours in the header row.
    expect(adapter.headerCell(document)).toBe(header);
    if (adapter.ownColumn) {
      expect(header!.parentElement!.firstElementChild).toBe(header);
      expect(header!.parentElement!.querySelectorAll(`[${OWN_CELL}]`)).toHaveLength(1);
      // Same number of cells in the header row and every row: the host's columns stay where they were.
      const count = (row: Element) => [...row.children].reduce((n, cell) => n + ((cell as HTMLTableCellElement).colSpan || 1), 0);
      expect(new Set(rows.map(count))).toEqual(new Set([count(header!.parentElement!)]));
      expect(document.querySelectorAll(adapter.menuCellInDocument!)).toHaveLength(rows.length);
    }
  });

  it.each<[string, Partial<GenericSelectors>, string | null]>([
    ['a stored configuration from before placements reads as the cell', {}, null],
    ['our column needs no menu cell', { placement: 'column', menuCell: '' }, null],
    ['the cell placement needs one', { placement: 'cell', menuCell: '' }, 'menuCell:empty'],
    ['an unknown placement', { placement: 'overlay' as never }, 'placement:placement'],
  ])('%s', (_label, over, problem) => {
    const stored: Record<string, unknown> = { ...DEFAULT_GENERIC_SELECTORS, ...over };
    if (!('placement' in over)) delete stored.placement;
    try {
      const checked = checkGenericConfig(stored);
      expect(problem).toBeNull();
      expect(checked.placement).toBe(over.placement ?? 'cell');
    } catch (error) {
      expect(error).toBeInstanceOf(GenericConfigError);
      expect(`${(error as GenericConfigError).field}:${(error as GenericConfigError).problem}`).toBe(problem);
    }
  });

  it('keeps the placement through export and import, and counts every row as having room in our column', () => {
    const stored = upgradeGenericSelectors({ ...ESPO_BUTTONS, placement: 'column' });
    expect(importGenericConfig(JSON.stringify({ format: 'crm-overlay-generic-adapter', version: 2, adapter: stored })).placement).toBe('column');
    const preview = previewGeneric(stored, { url: 'https://crm.example/espo/#Account', html: fixture('espocrm-accounts.html') });
    expect(preview).toMatchObject({ rows: 5, withId: 5, withMenuCell: 5 });
  });
});
