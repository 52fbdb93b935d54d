// Date fields and log types as the UI language writes them (times and days: lib/i18n/dates.ts).
import { hasMessage, t } from '../lib/i18n';

const two = (n: number) => String(n).padStart(2, '0');

/** "yyyy-mm-dd" (the filter's value) as the field shows it, "" for no day. */
export function isoDayToField(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What the user typed in a date field (d/m/yyyy; dots or dashes also separate) as "yyyy-mm-dd";
 * "" for an empty field, null for something that is not a day of the calendar.
 */
export function parseFieldDay(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(trimmed);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

/** A stored log type (the seeds' English name) as the UI language names it. */
export function logTypeLabel(type: string): string {
  const key = `log.type.${type}`;
  return hasMessage(key) ? t(key) : type;
}
