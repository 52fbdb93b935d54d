// The adapter section's own dictionary: Vietnamese says what English says, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { currentLanguage } from '../index';
import { adapterOptionsEn, adapterOptionsVi, ta, type AdapterOptionsKey } from './adapter-options';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('the adapter section in English and Vietnamese', () => {
  it.each(Object.keys(adapterOptionsEn) as AdapterOptionsKey[])('%s: translated, same placeholders', (key) => {
    expect(adapterOptionsVi[key].trim()).not.toBe('');
    expect(placeholders(adapterOptionsVi[key])).toEqual(placeholders(adapterOptionsEn[key]));
  });

  it('follows the current language, plurals included', () => {
    currentLanguage.value = 'en';
    expect(ta('adapter.result', { rows: 1, withId: 1, withMenuCell: 0 })).toBe('Found 1 row; 1 with a customer id, 0 with a menu cell.');
    currentLanguage.value = 'vi';
    expect(ta('adapter.result', { rows: 5, withId: 5, withMenuCell: 5 })).toBe('Tìm thấy 5 dòng; 5 dòng có mã khách hàng, 5 dòng có ô menu.');
    currentLanguage.value = 'en';
  });
});
