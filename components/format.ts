// Times, days and log types as the UI language writes them (not as the browser's locale would).
import { currentLanguage, hasMessage, t, type Language } from '../lib/i18n';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO time in the UI language: "11 Mar 2024, 09:00" in English, "11/03/2024 09:00" in Vietnamese
 * (dd/mm/yyyy). `seconds` adds the seconds.
 */
export function formatTime(iso: string, { seconds = false, language = currentLanguage.value }: { seconds?: boolean; language?: Language } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}${seconds ? `:${two(date.getSeconds())}` : ''}`;
  return language === 'vi'
    ? `${formatDay(date, language)} ${clock}`
    : `${date.getDate()} ${MONTHS_EN[date.getMonth()]} ${date.getFullYear()}, ${clock}`;
}

/** A local day as the date fields show it: dd/mm/yyyy (both languages; the field says so next to it). */
export function formatDay(date: Date, _language: Language = currentLanguage.value): string {
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

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
