import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viSortKey } from './sort-key';

const collate = new Intl.Collator('vi').compare;
const LOWER = [...'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz'];
const CHARS = [...LOWER, ...LOWER.map((c) => c.toUpperCase()), ...' 0123456789-.'];
const name = fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }).map((chars) => chars.join(''));
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('viSortKey', () => {
  it('orders Vietnamese names as Intl.Collator("vi") does, compared as plain strings', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ka = viSortKey(a);
        const kb = viSortKey(b);
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(sign(collate(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('puts letters with tones and marks where a Vietnamese reader expects them, precomposed or not', () => {
    const names = ['Đức', 'Dung', 'ăn', 'an', 'Ân', 'ô', 'ơ', 'o', 'Anh', 'An Phát', 'Ánh'];
    const byKey = [...names].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(['an', 'An Phát', 'Anh', 'Ánh', 'ăn', 'Ân', 'Dung', 'Đức', 'o', 'ô', 'ơ']);
    expect(viSortKey('Ánh')).toBe(viSortKey('A\u0301nh'));
  });
});
