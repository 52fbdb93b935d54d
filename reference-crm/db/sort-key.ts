// Sort keys that order like Intl.Collator('vi') when compared as plain strings (by code point), so both engines
// sort names in the database with an ordinary index: SQLite has no ICU collation, and byte order ("C") makes
// PostgreSQL agree with SQLite to the row. Levels as in ICU: letters (primary), tones (secondary), case (tertiary).

// ICU root order for what precedes letters: spaces, punctuation, symbols, digits.
const BEFORE_LETTERS = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789';
// The Vietnamese alphabet within the Latin one: ă â after a, đ after d, ê after e, ô ơ after o, ư after u.
const LETTERS = ['a', 'a\u0306', 'a\u0302', 'b', 'c', 'd', 'đ', 'e', 'e\u0302', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
  'o', 'o\u0302', 'o\u031b', 'p', 'q', 'r', 's', 't', 'u', 'u\u031b', 'v', 'w', 'x', 'y', 'z'];
const PRIMARY = new Map<string, number>([...BEFORE_LETTERS].map((ch, i) => [ch, i] as [string, number])
  .concat(LETTERS.map((l, i) => [l, BEFORE_LETTERS.length + i])));
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
// The tones in the order the Vietnamese collation gives them: none, grave, hook, tilde, acute, dot below.
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const COMBINING = /[\u0300-\u036f]/;
const LEVEL_END = '\u0001';
const BASE = 0x100;
// Anything else sorts after the letters by code point, kept below the surrogates so UTF-8 and UTF-16 agree.
const OTHER = 0x1000;

export function viSortKey(text: string): string {
  const chars = [...text.normalize('NFD')];
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (COMBINING.test(ch)) continue; // a mark without a letter before it
    const lower = ch.toLowerCase();
    let letter = lower;
    let tone = 0;
    while (i + 1 < chars.length && COMBINING.test(chars[i + 1])) {
      const mark = chars[++i];
      if (LETTER_MARKS.has(mark) && PRIMARY.has(letter + mark)) letter += mark;
      else tone = Math.max(tone, TONES.indexOf(mark) + 1 || TONES.length + 1);
    }
    const rank = PRIMARY.get(letter);
    const code = rank === undefined ? OTHER + Math.min(letter.codePointAt(0)!, 0xc7ff - OTHER) : BASE + rank;
    primary += String.fromCharCode(code);
    secondary += String.fromCharCode(BASE + tone);
    tertiary += String.fromCharCode(BASE + (ch === lower ? 0 : 1));
  }
  return primary + LEVEL_END + secondary + LEVEL_END + tertiary;
}
