import { describe, expect, it } from 'vitest';
import { lastCompounds, matchingIn } from './selector-tail';

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

describe('matchingIn', () => {
  it('finds rows of a document-context selector inside a new subtree', () => {
    document.body.innerHTML = '<table id="t"><tbody><tr class="r"><td>1</td></tr><tr><td>2</td></tr></tbody></table>';
    const tbody = document.querySelector('tbody')!;
    expect(matchingIn(tbody, '#t > tbody > tr.r')).toHaveLength(1);
    expect(matchingIn(tbody.firstElementChild!, '#t > tbody > tr.r')).toEqual([tbody.firstElementChild]);
    expect(matchingIn(document.querySelector('td')!, '#t > tbody > tr.r')).toEqual([]);
  });
});
