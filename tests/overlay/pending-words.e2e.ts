// Issue 18, point 3 in Chromium, English and Vietnamese: an edit made while the CRM is down waits in the side
// panel's list as "Edit · Nguyễn Văn Hùng (KH0001) · <time> Waiting for the CRM to answer…", never as the
// request it makes (`edit c-001 PATCH /customers/c-001 … (Failed to fetch)`).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import type { Customer } from '../../lib/domain/types';
import type { PendingAction } from '../../lib/protocol/mutations';
import type { Reply } from '../../lib/protocol/messages';
import { sendFromTab, waitFor } from '../background/wire';

const WORDS = {
  en: { what: 'Edit · Nguyễn Văn Hùng (KH0001) · ', why: 'Waiting for the CRM to answer; it will be sent then.' },
  vi: { what: 'Sửa · Nguyễn Văn Hùng (KH0001) · ', why: 'Đang chờ CRM trả lời; thao tác sẽ được gửi khi đó.' },
} as const;

/** What a developer would recognise and a user should never have to read. */
const DEVELOPER_TERMS = /\bc-\d+|\/customers|\b(GET|POST|PATCH|PUT|DELETE)\b|fetch|businessField/;

describe('a waiting edit in the side panel, in a user’s words', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  it.each(['en', 'vi'] as const)('%s', async (language) => {
    await options.locator('#crmx-language').selectOption(language);
    await s.openCustomers('?pageSize=20');
    const worker = await s.browser.serviceWorker();
    const fromTab = async <T>(type: string, data: unknown) =>
      (await sendFromTab(worker, `${s.crm.url}/customers*`, [{ type, data }]))[0].res as Reply<T>;
    const { version } = (await api<Customer>(s.crm, 'tok-rep', '/customers/c-001')).body;
    expect(await fromTab('getDecisions', { ids: ['c-001'] })).toMatchObject({ ok: true });

    await s.crm.stop();
    const edit = await fromTab<{ outcome: string }>('editCustomer', { id: 'c-001', version, changes: { businessField: `Offline ${language}` } });
    expect(edit.ok && edit.data.outcome).toBe('queued');
    // Tried once already and refused for want of an answer: the reason is there to be shown.
    await waitFor(
      async () => fromTab<{ actions: PendingAction[] }>('getPending', undefined),
      (reply) => reply.ok && reply.data.actions.some((a) => a.error?.code === 'network'),
      'the edit to have been tried',
    );

    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    const item = panel.locator('[data-crmx-panel-pending] li[data-crmx-pending]').first();
    await item.getByText(WORDS[language].why).waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text.startsWith(WORDS[language].what)).toBe(true);
    expect(text.endsWith(` ${WORDS[language].why}`)).toBe(true);
    expect(await panel.locator('main').textContent()).not.toMatch(DEVELOPER_TERMS);

    await s.crm.start();
    await waitFor(
      async () => fromTab<{ actions: PendingAction[] }>('getPending', undefined),
      (reply) => reply.ok && reply.data.actions.length === 0,
      'the outbox to empty',
    );
    await panel.close();
  });
});
