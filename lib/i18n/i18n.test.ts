import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDictionary, browserLanguage, currentLanguage, errorText, refusalText, resolveLanguage, t } from './index';
import { en } from './en';
import { vi } from './vi';

afterEach(() => {
  currentLanguage.value = 'en';
});

describe('language', () => {
  it.each([
    [['vi-VN', 'en'], 'vi'],
    [['fr-FR', 'en-GB'], 'en'],
    [['fr'], 'en'],
    [[], 'en'],
  ] as const)('browser preferences %j → %s', (prefs, expected) => {
    expect(browserLanguage(prefs)).toBe(expected);
  });

  it('an explicit setting wins over the browser', () => {
    expect(resolveLanguage('vi', ['en-US'])).toBe('vi');
    expect(resolveLanguage('auto', ['vi'])).toBe('vi');
  });
});

describe('t', () => {
  beforeAll(() => addDictionary('vi', vi));

  it('fills placeholders in the current language', () => {
    expect(t('menu.moreActionsFor', { name: 'An Phát' })).toBe('More actions for An Phát');
    currentLanguage.value = 'vi';
    expect(t('menu.moreActionsFor', { name: 'An Phát' })).toBe('Thao tác khác cho An Phát');
  });

  it('has no empty message in either language', () => {
    for (const dict of [en, vi]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('says which rule refused and whom to ask', () => {
    expect(refusalText('administrator-only', [{ kind: 'administrator', names: ['Ada Admin'] }]))
      .toBe('Only administrators may do this. Ask an administrator (Ada Admin).');
  });

  it('translates known error codes and keeps the CRM message otherwise', () => {
    expect(errorText({ code: 'network', message: 'fetch failed' })).toBe('The CRM cannot be reached.');
    expect(errorText({ code: 'stale', message: 'Changed meanwhile' })).toBe('Changed meanwhile');
    expect(errorText({ code: 'forbidden', message: 'x', rule: 'not-listed' })).toBe('The customer is not in your list.');
  });
});
