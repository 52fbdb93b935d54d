import { describe, expect, it, vi as mock } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { createContentHandlers } from './content';
import { createRouter, type Handlers } from '../router';

const CRM = 'http://127.0.0.1:5555';
const self = { id: 'ext-id', pageBase: 'chrome-extension://ext-id/' };
const crmTab = { id: 'ext-id', url: `${CRM}/customers`, frameId: 0, tab: { id: 7, url: `${CRM}/customers` } };
const otherTab = { id: 'ext-id', url: 'https://elsewhere.test/', frameId: 0, tab: { id: 2, url: 'https://elsewhere.test/' } };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };

function setup() {
  const injectDialogs = mock.fn(async () => undefined);
  const route = createRouter({ handlers: createContentHandlers({ injectDialogs }) as unknown as Handlers, crmOrigin: async () => CRM, self });
  return { route, injectDialogs };
}

describe('getDictionary', () => {
  it.each([['en', en], ['vi', vi]] as const)('answers the CRM page the strings of %s', async (language, dictionary) => {
    expect(await setup().route('getDictionary', language, crmTab)).toEqual({ ok: true, data: dictionary });
  });

  it.each([
    ['fr', 'the CRM tab', crmTab, 'invalid_message'],
    [undefined, 'the CRM tab', crmTab, 'invalid_message'],
    ['vi', 'another site', otherTab, 'refused_sender'],
  ] as const)('refuses %j from %s', async (language, _, sender, code) => {
    expect(await setup().route('getDictionary', language as never, sender)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('loadDialogs', () => {
  it('runs the dialogs\' script in the frame that asked, then answers', async () => {
    const { route, injectDialogs } = setup();
    expect(await route('loadDialogs', undefined, crmTab)).toEqual({ ok: true, data: null });
    expect(injectDialogs).toHaveBeenCalledWith({ tabId: 7, frameId: 0 });
  });

  it.each([
    ['another site', otherTab],
    ['an extension page (it bundles the dialogs)', page],
  ] as const)('runs nothing for %s', async (_, sender) => {
    const { route, injectDialogs } = setup();
    expect((await route('loadDialogs', undefined, sender)).ok).toBe(false);
    expect(injectDialogs).not.toHaveBeenCalled();
  });
});
