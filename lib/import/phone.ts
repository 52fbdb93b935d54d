// Phone numbers however people and spreadsheets write them: local "0912 345 678", "+84 912 345 678",
// "84-912-345-678", dots, a spreadsheet's "912345678" (leading zero dropped) or "9.12345678E+08".
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type PhoneProblem = 'empty' | 'formula' | 'not_a_number' | 'invalid';

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

/** Spreadsheet number styles turned back into digits: "9.12345678E+08" → "912345678", "912345678.0" → "912345678". */
function undoSpreadsheetNumber(text: string): string {
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return String(n);
  }
  const decimal = /^(\d+)\.0+$/.exec(text);
  return decimal ? decimal[1] : text;
}

/**
 * The E.164 form of `raw` read with `country` as the default, or why it is not a phone number.
 * A cell starting with "=" or "@" is a formula: it is reported, never evaluated.
 */
export function normalizePhone(raw: unknown, country: string = 'VN'): NormalizedPhone {
  const text = (typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.startsWith('=') || text.startsWith('@')) return { ok: false, problem: 'formula' };
  const cleaned = undoSpreadsheetNumber(text);
  if (!/\d/.test(cleaned) || /[a-df-wyz]/i.test(cleaned.replace(/\b(ext|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, problem: 'not_a_number' };
  }
  const parsed = parsePhoneNumberFromString(cleaned, country.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, e164: parsed.number };
}

/** The matching key of a stored customer phone: its E.164 form, or null when it is not a valid number. */
export function phoneMatchKey(raw: string, country: string = 'VN'): string | null {
  const result = normalizePhone(raw, country);
  return result.ok ? result.e164 : null;
}
