import { describe, expect, it } from 'vitest';
import { checkSender, type SenderInfo } from './check-sender';
import type { SenderKind } from '../protocol/messages';

const self = { id: 'ext-id', pageBase: 'chrome-extension://ext-id/' };
const CRM = 'http://127.0.0.1:5555';

const contentScript = (url: string, extra: Partial<SenderInfo> = {}): SenderInfo => ({
  id: 'ext-id', url, frameId: 0, tab: { id: 7, url }, ...extra,
});
const optionsPage: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const optionsInTab: SenderInfo = { ...optionsPage, tab: { id: 3, url: optionsPage.url } };

const cases: Array<[string, SenderKind, SenderInfo, string | null, boolean]> = [
  // [what, kind, sender, configured CRM origin, allowed]
  ['content script on the CRM', 'crm-page', contentScript(`${CRM}/customers?page=2`), CRM, true],
  ['content script on another site', 'crm-page', contentScript('https://evil.test/customers'), CRM, false],
  ['content script on the CRM host, other port', 'crm-page', contentScript('http://127.0.0.1:6666/customers'), CRM, false],
  ['content script, same host but https', 'crm-page', contentScript('https://127.0.0.1:5555/customers'), CRM, false],
  ['content script in a sub-frame', 'crm-page', contentScript(`${CRM}/customers`, { frameId: 4 }), CRM, false],
  ['CRM frame inside a foreign tab', 'crm-page', contentScript(`${CRM}/x`, { tab: { id: 1, url: 'https://evil.test/' } }), CRM, false],
  ['content script without a tab', 'crm-page', { id: 'ext-id', url: `${CRM}/customers` }, CRM, false],
  ['content script before any CRM is set', 'crm-page', contentScript(`${CRM}/customers`), null, false],
  ['another extension', 'crm-page', { ...contentScript(`${CRM}/customers`), id: 'other-ext' }, CRM, false],
  ['no sender id', 'crm-page', { url: `${CRM}/customers`, tab: { id: 1 } }, CRM, false],
  ['extension page asking for data', 'crm-page', optionsPage, CRM, true],
  ['extension page before any CRM is set', 'crm-page', optionsPage, null, true],
  ['content script on the CRM asks for its tab\'s things', 'crm-tab', contentScript(`${CRM}/index.php`), CRM, true],
  ['extension page asks for a tab\'s things', 'crm-tab', optionsPage, CRM, false],
  ['extension page in a tab asks for a tab\'s things', 'crm-tab', optionsInTab, CRM, false],
  ['content script on another site asks for a tab\'s things', 'crm-tab', contentScript('https://evil.test/index.php'), CRM, false],
  ['content script in a sub-frame asks for a tab\'s things', 'crm-tab', contentScript(`${CRM}/x`, { frameId: 2 }), CRM, false],
  ['content script in a tab without an id', 'crm-tab', contentScript(`${CRM}/x`, { tab: { url: `${CRM}/x` } }), CRM, false],
  ['options page sets the token', 'extension-page', optionsPage, CRM, true],
  ['options page opened in a tab sets the token', 'extension-page', optionsInTab, null, true],
  ['CRM content script sets the token', 'extension-page', contentScript(`${CRM}/customers`), CRM, false],
  ['another extension\'s page sets the token', 'extension-page', { id: 'other', url: 'chrome-extension://other/options.html' }, CRM, false],
  ['page of another extension id with our id claimed', 'extension-page', { id: 'ext-id', url: 'chrome-extension://other/options.html' }, CRM, false],
  ['no URL at all', 'extension-page', { id: 'ext-id' }, CRM, false],
];

describe('checkSender', () => {
  it.each(cases)('%s', (_what, kind, sender, crmOrigin, allowed) => {
    const refusal = checkSender(kind, sender, crmOrigin, self);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ code: 'refused_sender', message: expect.any(String) });
  });
});
