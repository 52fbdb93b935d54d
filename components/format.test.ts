import { describe, expect, it } from 'vitest';
import { isoDayToField, parseFieldDay } from './format';

describe('date fields', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['', ''],
    ['31/02/2024', null],
    ['03/13/2024', null],
    ['2024-03-05', null],
  ])('%j → %j', (typed, day) => {
    expect(parseFieldDay(typed)).toBe(day);
  });

  it('shows a day as dd/mm/yyyy', () => {
    expect(isoDayToField('2024-03-05')).toBe('05/03/2024');
    expect(isoDayToField('')).toBe('');
  });
});
