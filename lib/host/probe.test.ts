import { beforeEach, describe, expect, it } from 'vitest';
import { probeSelectors } from './probe';
import { DEFAULT_GENERIC_SELECTORS } from '../settings';
import { loadReferencePage } from './test-fixture';

beforeEach(() => {
  loadReferencePage();
});

const base = { row: DEFAULT_GENERIC_SELECTORS.row, link: DEFAULT_GENERIC_SELECTORS.link, idPattern: DEFAULT_GENERIC_SELECTORS.idPattern, menuCell: DEFAULT_GENERIC_SELECTORS.menuCell };

describe('probeSelectors on the saved reference page', () => {
  it('counts the rows and gives the first ids', () => {
    expect(probeSelectors(base)).toEqual({ rows: 3, withId: 3, withMenuCell: 3, firstIds: ['c-001', 'c-002', 'c-003'], error: null });
    expect(probeSelectors(base, document, 2).firstIds).toEqual(['c-001', 'c-002']);
  });

  it.each([
    [{ row: 'tr.nothing' }, { rows: 0, withId: 0, firstIds: [] }],
    [{ idPattern: '/clients/(\\w+)' }, { rows: 3, withId: 0, firstIds: [] }],
    [{ menuCell: 'td.none' }, { rows: 3, withMenuCell: 0 }],
  ])('with %j finds %j', (override, expected) => {
    expect(probeSelectors({ ...base, ...override })).toMatchObject({ ...expected, error: null });
  });

  it.each([
    [{ idPattern: '([' }, 'idPattern "([" is not a regular expression'],
    [{ row: 'tr:::' }, 'row "tr:::" is not a CSS selector'],
    [{ link: 'a[' }, 'link "a[" is not a CSS selector'],
  ])('names the bad field in %j', (override, message) => {
    expect(probeSelectors({ ...base, ...override }).error).toContain(message);
  });
});
