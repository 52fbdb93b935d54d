import { describe, expect, it } from 'vitest';
import { lastCompounds, matchingIn, rowRelativeInDocument } from './selector-tail';

describe('lastCompounds', () => {
  it.each([
    ['#customer-table > tbody > tr.dt-row', 'tr.dt-row'],
    ['table tbody tr', 'tr'],
    ['ul li:not(.a > .b), ol>li', 'li:not(.a > .b), li'],
    ['div [data-x="a b > c"]', '[data-x="a b > c"]'],
    ['tr + tr ~ tr.x', 'tr.x'],
    ['tr', 'tr'],
  ])('%s → %s', (selector, expected) => {
    expect(lastCompounds(selector)).toBe(expected);
  });
});

describe('rowRelativeInDocument', () => {
  it.each([
    [':scope > td:first-child', '#t > tbody > tr > td:first-child'],
    ['  :scope>td.name  ', '#t > tbody > tr > td.name'],
    [':scope > td:is(.a, .b)', '#t > tbody > tr > td:is(.a, .b)'],
    [':scope > td[data-x="a, b"]', '#t > tbody > tr > td[data-x="a, b"]'],
    ['td:first-child', null],
    [':scope > td, :scope > th', null],
    [':scope > td:has(:scope)', null],
    [':scope >', null],
    [':scope > td:is(.a', null],
  ])('%s → %s', (relative, expected) => {
    expect(rowRelativeInDocument('#t > tbody > tr', relative)).toBe(expected);
  });

  it('wraps a list of row selectors in :is()', () => {
    expect(rowRelativeInDocument('tr.a, li:not(.b, .c)', ':scope > td')).toBe(':is(tr.a, li:not(.b, .c)) > td');
  });
});

describe('matchingIn', () => {
  it('finds rows of a document-context selector inside a new subtree', () => {
    document.body.innerHTML = '<table id="t"><tbody><tr class="r"><td>1</td></tr><tr><td>2</td></tr></tbody></table>';
    const tbody = document.querySelector('tbody')!;
    expect(matchingIn(tbody, '#t > tbody > tr.r')).toHaveLength(1);
    expect(matchingIn(tbody.firstElementChild!, '#t > tbody > tr.r')).toEqual([tbody.firstElementChild]);
    expect(matchingIn(document.querySelector('td')!, '#t > tbody > tr.r')).toEqual([]);
  });
});
