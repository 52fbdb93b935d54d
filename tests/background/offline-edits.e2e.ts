// Issue 3 (b): the CRM is stopped, 20 edits are made from the CRM tab (the content script's context),
// they wait in the outbox as pending; the CRM is started again and each is applied exactly once. Issue 18
// (point 2): an edit made on the page while the CRM is down is done, and the user told, within 2 s of the
// CRM answering again, with nothing else asking it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import type { Customer } from '../../lib/domain/types';
import type { MutationOutcome, PendingAction } from '../../lib/protocol/mutations';
import type { Reply } from '../../lib/protocol/messages';
import { sendFromTab, waitFor } from './wire';
import { dialog, openCustomer, row, runItem, toast } from '../overlay/overlay-helpers';

const IDS = [
  ...Array.from({ length: 15 }, (_, i) => `c-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 5 }, (_, i) => `c-${String(i + 51).padStart(3, '0')}`),
];
const EDIT_AUDIT = '/audit?type=Edit%20customer&limit=100000';

describe('edits made while the CRM is down', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('wait as pending and are applied once each when the CRM is back', async () => {
    await s.openCustomers('?pageSize=100');
    const tab = `${s.crm.url}/customers*`;
    const worker = await s.browser.serviceWorker();
    const fromTab = async <T>(messages: { type: string; data: unknown }[]) =>
      (await sendFromTab(worker, tab, messages)).map((a) => a.res as Reply<T>);
    const editsPerCustomer = async () => {
      const { body } = await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', EDIT_AUDIT);
      return new Map(IDS.map((id) => [id, body.items.filter((e) => e.customerId === id).length]));
    };

    // The page has shown these customers: the background has them cached, with their versions.
    const versions = new Map<string, number>();
    for (const id of IDS) versions.set(id, (await api<Customer>(s.crm, 'tok-rep', `/customers/${id}`)).body.version);
    expect((await fromTab([{ type: 'getDecisions', data: { ids: IDS } }]))[0]).toMatchObject({ ok: true });
    const before = await editsPerCustomer();

    await s.crm.stop();
    const edits = IDS.map((id, i) => ({ type: 'editCustomer', data: { id, version: versions.get(id), changes: { businessField: `Offline edit ${i + 1}` } } }));
    const outcomes = await fromTab<MutationOutcome>(edits);
    expect(outcomes.map((o) => (o.ok ? o.data.outcome : o.error.code))).toEqual(IDS.map(() => 'queued'));

    const pendingWhileDown = (await fromTab<{ actions: PendingAction[] }>([{ type: 'getPending', data: undefined }]))[0];
    expect(pendingWhileDown.ok && pendingWhileDown.data.actions.map((a) => [a.action, a.customerId])).toEqual(IDS.map((id) => ['edit', id]));

    await s.crm.start();
    // Any successful call to the CRM (the page asking who is signed in) starts the replay.
    expect((await fromTab([{ type: 'getSession', data: undefined }]))[0]).toMatchObject({ ok: true, data: { offline: false } });
    await waitFor(
      async () => (await fromTab<{ actions: PendingAction[] }>([{ type: 'getPending', data: undefined }]))[0],
      (reply) => reply.ok && reply.data.actions.length === 0,
      'the outbox to empty',
    );

    const after = await editsPerCustomer();
    expect(IDS.map((id) => after.get(id)! - before.get(id)!)).toEqual(IDS.map(() => 1));
    for (const [i, id] of IDS.entries()) {
      const { body } = await api<Customer>(s.crm, 'tok-rep', `/customers/${id}`);
      expect(body).toMatchObject({ businessField: `Offline edit ${i + 1}`, version: versions.get(id)! + 1 });
    }
  });

  // Issue 18, point 2: nothing else asks the CRM once it is back (the page is idle, the alarm a minute away).
  it.each([
    { language: 'en', code: 'KH0017', id: 'c-017', name: 'Lý Bảo Ngọc', phone: '0982 000 017', save: 'Save', pending: 'Pending — will be sent when the CRM answers.', done: 'Lý Bảo Ngọc: Edit — saved in the CRM.' },
    { language: 'vi', code: 'KH0018', id: 'c-018', name: 'Emma Taylor', phone: '0983 000 018', save: 'Lưu', pending: 'Đang chờ — sẽ gửi khi CRM phản hồi.', done: 'Emma Taylor: Sửa — đã lưu vào CRM.' },
  ])('$language: an edit made on the page shows as pending; within 2 s of the CRM answering again it is done, and the page and the side panel say so', async (c) => {
    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-language').selectOption(c.language);
    await options.close();
    const page = await openCustomer(s, c.code);
    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    await panel.locator('[data-crmx-panel-pending]').waitFor();
    await page.bringToFront();
    const before = (await api<Customer>(s.crm, 'tok-rep', `/customers/${c.id}`)).body;

    await s.crm.stop();
    await runItem(page, c.id, 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-phone').fill(c.phone);
    await edit.getByRole('button', { name: c.save }).click();
    await toast(page).filter({ hasText: c.pending }).waitFor();
    await panel.locator('[data-crmx-panel-pending] li[data-crmx-pending=pending]').waitFor();
    expect(await row(page, c.id).locator('td.col-phone').textContent()).toBe(before.phone);

    await s.crm.start();
    const deadline = { timeout: 2_000 };
    await Promise.all([
      toast(page).filter({ hasText: c.done }).waitFor(deadline),
      row(page, c.id).locator('td.col-phone', { hasText: c.phone }).waitFor(deadline),
      panel.locator('[data-crmx-panel-sent]', { hasText: c.done }).waitFor(deadline),
      panel.locator('[data-crmx-panel-pending] li[data-crmx-pending]').waitFor({ state: 'detached', ...deadline }),
    ]);
    const { body } = await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', `${EDIT_AUDIT}&customerId=${c.id}`);
    expect(body.items.filter((e) => e.customerId === c.id)).toHaveLength(1);
    expect((await api<Customer>(s.crm, 'tok-rep', `/customers/${c.id}`)).body).toMatchObject({ phone: c.phone, version: before.version + 1 });
    await panel.close();
    await page.close();
  });
});
