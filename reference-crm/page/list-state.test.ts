import { describe, expect, it } from 'vitest';
import { apiQueries, ariaSort, footerText, lastPage, nextSort, parseState, stateToSearch } from './assets/list-state.js';

const state = (page: number, pageSize: number, q = '', sort = 'name') => ({ page, pageSize, q, sort });

describe('parseState', () => {
  it.each([
    ['', state(1, 50)],
    ['?page=3&pageSize=20&q=%20Nguy%E1%BB%85n%20&sort=-updatedAt', state(3, 20, 'Nguyễn', '-updatedAt')],
    ['?pageSize=5000', state(1, 5000)],
    ['?pageSize=1000&sort=code', state(1, 1000, '', 'code')],
    ['?page=0&pageSize=7&sort=phone', state(1, 50)],
    ['?page=2.5&pageSize=abc', state(1, 50)],
    ['?page=-1&pageSize=100000', state(1, 50)],
  ])('reads %j', (search, expected) => {
    expect(parseState(search)).toEqual(expected);
  });

  it('round-trips through stateToSearch', () => {
    const s = state(4, 100, 'a&b=c', '-name');
    expect(stateToSearch(s)).toBe('?page=4&pageSize=100&sort=-name&q=a%26b%3Dc');
    expect(parseState(stateToSearch(s))).toEqual(s);
    expect(stateToSearch(state(1, 50))).toBe('?page=1&pageSize=50&sort=name');
  });
});

describe('footerText', () => {
  it.each([
    [state(1, 50), 50, 60, 'Showing 1–50 of 60'],
    [state(2, 50), 10, 60, 'Showing 51–60 of 60'],
    [state(1, 20), 0, 0, 'Showing 0–0 of 0'],
    [state(3, 1000), 1000, 5000, 'Showing 2001–3000 of 5000'],
    [state(1, 5000), 5000, 5000, 'Showing 1–5000 of 5000'],
  ])('for %j with %i rows of %i says %s', (s, shown, total, expected) => {
    expect(footerText(s, shown, total)).toBe(expected);
  });

  it('uses an en dash, as the ready signal tests wait for', () => {
    expect(footerText(state(1, 20), 20, 34)).toMatch(/^Showing \d+\u2013\d+ of \d+$/);
  });
});

describe('apiQueries', () => {
  it('asks for a page the API can answer in one call', () => {
    expect(apiQueries(state(2, 50, 'lê'))).toEqual(['?page=2&pageSize=50&sort=name&q=l%C3%AA']);
  });

  it('splits a 5,000-row page into five API pages of 1,000', () => {
    expect(apiQueries(state(2, 5000, '', 'code'))).toEqual(
      [6, 7, 8, 9, 10].map((p) => `?page=${p}&pageSize=1000&sort=code`),
    );
  });
});

describe('sorting and pages', () => {
  it.each([
    ['name', 'name', '-name'],
    ['-name', 'name', 'name'],
    ['code', 'name', 'name'],
    ['name', 'code', 'code'],
    ['name', 'updatedAt', '-updatedAt'],
    ['-updatedAt', 'updatedAt', 'updatedAt'],
  ] as const)('from %s, clicking %s sorts by %s', (current, column, expected) => {
    expect(nextSort(current, column)).toBe(expected);
  });

  it.each([
    ['name', 'name', 'ascending'],
    ['-name', 'name', 'descending'],
    ['-updatedAt', 'updatedAt', 'descending'],
    ['code', 'name', 'none'],
  ] as const)('sort %s marks column %s %s', (current, column, expected) => {
    expect(ariaSort(current, column)).toBe(expected);
  });

  it.each([[0, 50, 1], [50, 50, 1], [51, 50, 2], [5000, 1000, 5]])('%i rows by %i make %i pages', (total, size, pages) => {
    expect(lastPage(total, size)).toBe(pages);
  });
});
