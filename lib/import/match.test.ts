import { describe, expect, it } from 'vitest';
import { benchPhoneData, indexByPhone, matchPhoneRows } from './match';

const customers = [
  { id: 'c-1', name: 'An', code: 'KH1', phone: '0912 345 678' },
  { id: 'c-2', name: 'Bình', code: 'KH2', phone: '+84 913 222 333' },
  { id: 'c-3', name: 'Office', code: 'KH3', phone: '(028) 3822 4455' },
  { id: 'c-4', name: 'No phone', code: 'KH4', phone: '' },
  { id: 'c-5', name: 'Lan', code: 'KH5', phone: '0977 000 000' },
  { id: 'c-6', name: 'Lan', code: 'KH6', phone: '+84977000000' },
];

describe('matchPhoneRows', () => {
  const index = indexByPhone(customers, 'VN');
  it.each([
    ['0912345678', 'c-1', undefined],
    ['912345678', 'c-1', undefined],
    ['84-913-222-333', 'c-2', undefined],
    ['028.3822.4455', 'c-3', undefined],
    ['0999 888 777', null, 'not_found'],
    ['hello', null, 'invalid'],
    ['', null, 'invalid'],
  ])('row %j → %s %s', (phone, customerId, problem) => {
    const { rows } = matchPhoneRows([{ row: 7, phone }], index, 'VN');
    expect(rows).toEqual([{ row: 7, phone, customerId, ...(problem ? { problem } : {}) }]);
  });

  it('marks a repeat of the same number, however written, as a duplicate of the first row', () => {
    const result = matchPhoneRows([
      { row: 1, phone: '0912 345 678' }, { row: 2, phone: '+84912345678' }, { row: 3, phone: '0999 888 777' },
      { row: 4, phone: '0999.888.777' }, { row: 5, phone: 'x' },
    ], index, 'VN');
    expect(result.rows.map((r) => r.problem ?? r.customerId)).toEqual(['c-1', 'duplicate', 'not_found', 'duplicate', 'invalid']);
    expect(result).toMatchObject({ matched: 1, duplicates: 2, notFound: 1, invalid: 1, names: { 'c-1': 'An' }, codes: { 'c-1': 'KH1' } });
  });

  it.each([
    ['0977000000'], ['+84 977 000 000'], ['84-977-000-000'],
  ])('never resolves %j, a number two customers have: the row lists both, with names and codes, and deletes neither', (phone) => {
    const result = matchPhoneRows([{ row: 2, phone }], index, 'VN');
    expect(result.rows).toEqual([{ row: 2, phone, customerId: null, problem: 'ambiguous', candidates: ['c-5', 'c-6'] }]);
    expect(result).toMatchObject({ matched: 0, ambiguous: 1, names: {} });
    expect(result.customers).toEqual({
      'c-5': { name: 'Lan', code: 'KH5', phone: '0977 000 000' }, 'c-6': { name: 'Lan', code: 'KH6', phone: '+84977000000' },
    });
  });

  it('flags the template\'s example row and never matches it, even when its number is a customer\'s', () => {
    const result = matchPhoneRows([{ row: 2, phone: '0912 345 678', sample: true }, { row: 3, phone: '0913 222 333' }], index, 'VN');
    expect(result.rows).toEqual([
      { row: 2, phone: '0912 345 678', customerId: null, problem: 'sample' },
      { row: 3, phone: '0913 222 333', customerId: 'c-2' },
    ]);
    expect(result).toMatchObject({ matched: 1, samples: 1 });
  });

  it('handles the benchmark data: every row answered, counts add up', () => {
    const { rows, customers: many } = benchPhoneData(2000);
    const result = matchPhoneRows(rows, indexByPhone(many, 'VN'), 'VN');
    expect(result.rows).toHaveLength(2000);
    expect(result.matched + result.notFound + result.duplicates + result.invalid + result.ambiguous).toBe(2000);
    expect(result.invalid).toBe(200);
    expect(result.duplicates).toBeGreaterThan(0);
  });
});
