// Signing out's own dictionary: Vietnamese says what English says, with the same placeholders and plurals.
import { describe, expect, it } from 'vitest';
import { currentLanguage } from '../index';
import { signOutEn, signOutVi, tso, type SignOutKey } from './sign-out';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe('signing out in English and Vietnamese', () => {
  it.each(Object.keys(signOutEn) as SignOutKey[])('%s: translated, same placeholders', (key) => {
    expect(signOutVi[key].trim()).not.toBe('');
    expect(placeholders(signOutVi[key])).toEqual(placeholders(signOutEn[key]));
  });

  it.each([
    ['en', 1, '1 action is still waiting to be sent.'],
    ['en', 3, '3 actions are still waiting to be sent.'],
    ['vi', 3, 'Còn 3 thao tác đang chờ gửi.'],
  ] as const)('counts the waiting actions (%s, %i)', (language, count, text) => {
    currentLanguage.value = language;
    expect(tso('signOut.pending', { count })).toBe(text);
    currentLanguage.value = 'en';
  });
});
