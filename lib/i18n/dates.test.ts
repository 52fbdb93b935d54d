import { describe, expect, it } from 'vitest';
import { formatDay, formatTime } from './dates';

describe('formatTime: one date-and-time format, in the UI language', () => {
  const at = new Date(2026, 2, 12, 16, 53, 2).toISOString();
  it.each([
    ['vi', '12/03/2026 16:53'],
    ['en', '12 Mar 2026, 16:53'],
  ] as const)('%s → %s', (language, expected) => {
    expect(formatTime(at, language)).toBe(expected);
  });

  it('shows what is not a time as it came', () => {
    expect(formatTime('soon', 'en')).toBe('soon');
  });

  it('writes a day as dd/mm/yyyy', () => {
    expect(formatDay(new Date(2024, 2, 5))).toBe('05/03/2024');
  });
});
