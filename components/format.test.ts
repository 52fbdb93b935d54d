import { describe, expect, it } from 'vitest';
import { formatTime, isoDayToField, parseFieldDay } from './format';

describe('formatTime', () => {
  const at = new Date(2026, 2, 12, 16, 53, 2).toISOString();
  it.each([
    ['vi', false, '12/03/2026 16:53'],
    ['vi', true, '12/03/2026 16:53:02'],
    ['en', false, '12 Mar 2026, 16:53'],
  ] as const)('%s (seconds %s) → %s', (language, seconds, expected) => {
    expect(formatTime(at, { language, seconds })).toBe(expected);
  });
});

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
