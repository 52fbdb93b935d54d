// The one way the product writes a date and time: in the UI language, never the browser's locale.
import { currentLanguage, type Language } from './index';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** A local day as the date fields show it: dd/mm/yyyy (both languages; the field says so next to it). */
export function formatDay(date: Date): string {
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/**
 * An ISO time in the UI language: "11 Mar 2024, 09:00" in English, "11/03/2024 09:00" in Vietnamese
 * (dd/mm/yyyy). Something that is not a time is shown as it came.
 */
export function formatTime(iso: string, language: Language = currentLanguage.value): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}`;
  return language === 'vi'
    ? `${formatDay(date)} ${clock}`
    : `${date.getDate()} ${MONTHS_EN[date.getMonth()]} ${date.getFullYear()}, ${clock}`;
}
