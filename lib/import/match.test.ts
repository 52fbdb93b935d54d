import { describe, expect, it } from 'vitest';
import { benchPhoneData, indexByPhone, matchPhoneRows } from './match';

const customers = [
  { id: 'c-1', name: 'An', phone: '0912 345 678' },
  { id: 'c-2', name: 'Bình', phone: '+84 913 222 333' },
  { id: 'c-3', name: 'Office', phone: '(028) 3822 4455' },
  { id: 'c-4', name: 'No phone', phone: '' },
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
    expect(result).toMatchObject({ matched: 1, duplicates: 2, notFound: 1, invalid: 1, names: { 'c-1': 'An' } });
  });

  it('handles the benchmark data: every row answered, counts add up', () => {
    const { rows, customers: many } = benchPhoneData(2000);
    const result = matchPhoneRows(rows, indexByPhone(many, 'VN'), 'VN');
    expect(result.rows).toHaveLength(2000);
    expect(result.matched + result.notFound + result.duplicates + result.invalid).toBe(2000);
    expect(result.invalid).toBe(200);
    expect(result.duplicates).toBeGreaterThan(0);
  });
});
