// The shortcuts and switches sections' dictionary: Vietnamese says what English says, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { FEATURE_SWITCHES } from '../../feature-switches';
import { PAGE_COMMANDS } from '../../protocol/commands';
import { currentLanguage } from '../index';
import { shortcutOptionsEn, shortcutOptionsVi, ts, type ShortcutOptionsKey } from './shortcut-options';
import { shortcutsEn, shortcutsVi } from './shortcuts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('the shortcuts and switches sections in English and Vietnamese', () => {
  it.each(Object.keys(shortcutOptionsEn) as ShortcutOptionsKey[])('%s: translated, same placeholders', (key) => {
    expect(shortcutOptionsVi[key].trim()).not.toBe('');
    expect(shortcutOptionsVi[key]).not.toBe(shortcutOptionsEn[key]);
    expect(placeholders(shortcutOptionsVi[key])).toEqual(placeholders(shortcutOptionsEn[key]));
  });

  it('names every switch and every shortcut', () => {
    for (const name of FEATURE_SWITCHES) expect(shortcutOptionsEn).toHaveProperty(`switches.${name}`);
    for (const name of [...PAGE_COMMANDS, 'openPanel']) expect(shortcutOptionsEn).toHaveProperty(`shortcuts.${name}`);
  });

  it('says the page\'s words in Vietnamese too', () => {
    for (const key of Object.keys(shortcutsEn) as (keyof typeof shortcutsEn)[]) expect(shortcutsVi[key]).not.toBe(shortcutsEn[key]);
  });

  it('follows the current language', () => {
    currentLanguage.value = 'vi';
    expect(ts('shortcuts.title')).toBe('Phím tắt');
    currentLanguage.value = 'en';
    expect(ts('shortcuts.title')).toBe('Keyboard shortcuts');
  });
});
