// The whole chain: a host row decorated by the content script, a click, the background asks the CRM,
// the answer shows in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './harness/crm';
import { startScenario, type Scenario } from './harness/scenario';

describe('the extension over the reference CRM', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('decorates a host row and shows the customer the background fetched from the CRM', async () => {
    const page = await s.openCustomers();
    const firstRow = page.locator('#customer-table tbody tr').first();
    const link = firstRow.locator('td.col-name a');
    const id = (await link.getAttribute('href'))!.split('/').pop()!;
    const name = (await link.textContent())!.trim();

    const menuButton = firstRow.locator('button.crmx-row-menu-button');
    await menuButton.click();
    await page.locator('[role=menu].crmx-menu [role=menuitem]', { hasText: /^View$/ }).click();

    const { body: customer } = await api<{ name: string; businessField: string; source: string }>(s.crm, 'tok-rep', `/customers/${id}`);
    const panel = page.locator('.crmx-details');
    await panel.locator('h2', { hasText: name }).waitFor();
    expect((await panel.locator('h2').textContent())?.trim()).toBe(name);
    // The business field is not a column of the host's table: it can only have come from the CRM.
    await panel.getByText(customer.businessField, { exact: true }).first().waitFor();
    expect(customer.name).toBe(name);
  });
});
