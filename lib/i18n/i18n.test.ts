import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDictionary, browserLanguage, currentLanguage, errorText, formatMessage, refusalText, resolveLanguage, t } from './index';
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

  it('translates known error codes, and never shows a raw message', () => {
    expect(errorText({ code: 'network', message: 'fetch failed' })).toBe('The CRM cannot be reached.');
    expect(errorText({ code: 'teapot', message: 'PATCH /customers/c-02357: Failed to fetch' })).toBe(en['error.fault']);
    expect(errorText({ code: 'stale', message: 'Changed meanwhile' })).toBe(en['error.stale']);
    expect(errorText({ code: 'forbidden', message: 'x', rule: 'not-listed' })).toBe('The customer is not in your list.');
  });
});

describe('plural forms', () => {
  it.each([
    ['en', 1, 'Delete 1 customer'],
    ['en', 0, 'Delete 0 customers'],
    ['en', 2, 'Delete 2 customers'],
    ['vi', 1, 'Xóa 1 khách hàng'],
    ['vi', 5, 'Xóa 5 khách hàng'],
  ] as const)('%s, %i → %s', (language, count, expected) => {
    const template = language === 'en'
      ? 'Delete {count, plural, one {# customer} other {# customers}}'
      : 'Xóa {count, plural, other {# khách hàng}}';
    expect(formatMessage(language, template, { count })).toBe(expected);
  });

  it('an exact case wins over the category, and other placeholders still fill', () => {
    const template = '{count, plural, =0 {No rows} one {# row} other {# rows}} in {file}';
    expect(formatMessage('en', template, { count: 0, file: 'a.csv' })).toBe('No rows in a.csv');
    expect(formatMessage('en', template, { count: 1, file: 'a.csv' })).toBe('1 row in a.csv');
  });

  it('leaves the form as written when the count is missing', () => {
    expect(formatMessage('en', '{count, plural, one {# x} other {# xs}}', {})).toBe('{count, plural, one {# x} other {# xs}}');
  });
});
