import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION, filterFromUrl, isUnfiltered, pageState, selectMatching, selectRange, setPage, toggle, type Selection,
} from './selection';

const page = ['a', 'b', 'c', 'd', 'e'];
const ids = (sel: Selection) => [...sel.ids].sort();

describe('selection', () => {
  it('toggles one id and makes it the range anchor', () => {
    const sel = toggle(EMPTY_SELECTION, 'b', true);
    expect(ids(sel)).toEqual(['b']);
    expect(sel.anchor).toBe('b');
    expect(ids(toggle(sel, 'b', false))).toEqual([]);
  });

  it.each([
    ['downwards', 'b', 'd', true, ['b', 'c', 'd']],
    ['upwards', 'd', 'a', true, ['a', 'b', 'c', 'd']],
    ['unchecking a range', 'e', 'c', false, ['a', 'b']],
  ])('shift-click selects a range %s', (_label, anchor, id, checked, expected) => {
    let sel = setPage(EMPTY_SELECTION, page, checked ? false : true);
    sel = toggle(sel, anchor, checked);
    expect(ids(selectRange(sel, page, id, checked))).toEqual(expected);
  });

  it('shift-click without an anchor on this page is a plain toggle', () => {
    const sel = toggle(EMPTY_SELECTION, 'x-other-page', true);
    expect(ids(selectRange(sel, page, 'c', true))).toEqual(['c', 'x-other-page']);
  });

  it.each([
    [[], 'none'],
    [['a'], 'some'],
    [page, 'all'],
  ] as const)('page state with %j selected is %s', (selected, state) => {
    expect(pageState(setPage(EMPTY_SELECTION, selected, true), page)).toBe(state);
  });

  it('keeps ids of other pages when the header box changes this page', () => {
    const sel = setPage(toggle(EMPTY_SELECTION, 'z', true), page, true);
    expect(ids(setPage(sel, page, false))).toEqual(['z']);
  });

  it('"all matching" is marked with its filter until the user changes one box', () => {
    const sel = selectMatching(['a', 'b', 'q'], { q: 'an' }, 3);
    expect(sel.matching).toEqual({ filter: { q: 'an' }, total: 3 });
    expect(toggle(sel, 'a', false).matching).toBeNull();
  });

  it.each([
    ['http://crm/customers?page=2', {}, true],
    ['http://crm/customers?q=%20an%20&page=1', { q: 'an' }, false],
    ['http://crm/customers?tag=VIP&followed=1', { tag: 'VIP', followed: true }, false],
  ])('reads the filter of %s', (url, filter, unfiltered) => {
    expect(filterFromUrl(new URL(url))).toEqual(filter);
    expect(isUnfiltered(filterFromUrl(new URL(url)))).toBe(unfiltered);
  });
});
