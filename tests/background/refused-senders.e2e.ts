// Issue 3 (c): messages from a web page, and from a tab on another origin, are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, auditCount } from '../harness/crm';
import { signInToHost } from '../harness/connect';
import { startScenario, type Scenario } from '../harness/scenario';
import type { Customer } from '../../lib/domain/types';
import { sendFromTab, wireMessage } from './wire';

describe('who may speak to the background', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  const customer = async (id: string) => (await api<Customer>(s.crm, 'tok-admin', `/customers/${id}`)).body;

  it('gives a web page (the host page\'s own script) no way to send a message', async () => {
    const page = await s.openCustomers();
    const [entries, c001] = [await auditCount(s.crm), await customer('c-001')];
    const answer = await page.evaluate(async ({ extensionId, message }) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?(id: string, m: unknown): Promise<unknown> } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage in the page';
      try {
        return { answered: await runtime.sendMessage(extensionId, message) };
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, { extensionId: s.browser.extensionId, message: wireMessage('editCustomer', { id: 'c-001', version: c001.version, changes: { name: 'From the page' } }) });
    expect(answer).toEqual(expect.stringMatching(/^(no chrome\.runtime\.sendMessage in the page|refused: )/));
    expect(await auditCount(s.crm)).toBe(entries);
    expect(await customer('c-001')).toEqual(c001);
  });

  it('refuses a content-script context on another origin (same CRM, other host name) and changes nothing', async () => {
    const otherOrigin = `http://localhost:${s.crm.port}`;
    await signInToHost(s.browser, otherOrigin, 'tok-admin');
    const page = await s.browser.context.newPage();
    await page.goto(`${otherOrigin}/customers`);
    await page.getByText(/Showing \d+–\d+ of \d+/).waitFor();
    const [entries, c002] = [await auditCount(s.crm), await customer('c-002')];

    const answers = await sendFromTab(await s.browser.serviceWorker(), `${otherOrigin}/customers*`, [
      { type: 'deleteCustomer', data: { id: 'c-002' } },
      { type: 'editCustomer', data: { id: 'c-002', version: c002.version, changes: { name: 'From another origin' } } },
      { type: 'getCustomer', data: 'c-002' },
    ]);
    expect(answers).toHaveLength(3);
    expect(answers.map((a) => a.res)).toEqual(answers.map(() => ({
      ok: false, error: { code: 'refused_sender', message: expect.stringContaining(otherOrigin) },
    })));
    expect(await auditCount(s.crm)).toBe(entries);
    expect(await customer('c-002')).toEqual(c002);
  });
});
