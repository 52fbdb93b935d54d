import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { createI18nHandlers } from './handlers-i18n';
import { createRouter, type Handlers } from './router';

const CRM = 'http://127.0.0.1:5555';
const self = { id: 'ext-id', pageBase: 'chrome-extension://ext-id/' };
const crmTab = { id: 'ext-id', url: `${CRM}/customers`, frameId: 0, tab: { id: 1, url: `${CRM}/customers` } };
const otherTab = { id: 'ext-id', url: 'https://elsewhere.test/', frameId: 0, tab: { id: 2, url: 'https://elsewhere.test/' } };
const route = createRouter({ handlers: createI18nHandlers() as unknown as Handlers, crmOrigin: async () => CRM, self });

describe('getDictionary', () => {
  it.each([['en', en], ['vi', vi]] as const)('answers the CRM page the strings of %s', async (language, dictionary) => {
    expect(await route('getDictionary', language, crmTab)).toEqual({ ok: true, data: dictionary });
  });

  it.each([
    ['fr', crmTab, 'invalid_message'],
    [undefined, crmTab, 'invalid_message'],
    ['vi', otherTab, 'refused_sender'],
  ] as const)('refuses %j from %o', async (language, sender, code) => {
    expect(await route('getDictionary', language as never, sender)).toMatchObject({ ok: false, error: { code } });
  });
});
