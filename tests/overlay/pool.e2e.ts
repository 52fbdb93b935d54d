// The customer pool (seed 000): "Return the customer to the customer pool for other member to pick up (become
// the account executive of this customer)". One CRM on seed-basic (pool p-main open to d-sales, administered by
// u-pool) and one browser, switched from user to user the way a person would.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs, audit, axeViolations, dialog, openCustomer, row, runItem, toast } from './overlay-helpers';

const NAME = 'Hoàng Đức Thắng'; // c-005, KH0005: u-rep's own customer
const REASON = 'Khách chuyển văn phòng vào Đà Nẵng';

const poolRow = (page: Page, id: string) => dialog(page, 'pool').locator(`[data-crmx-pool-row="${id}"]`);

/** The whole list (every seed-basic customer fits one page), once the overlay has decorated it. */
async function openList(s: Scenario): Promise<Page> {
  const page = await s.openCustomers('?pageSize=100');
  await page.locator('button.crmx-row-menu-button').first().waitFor();
  return page;
}

async function openPool(page: Page) {
  await page.getByRole('button', { name: 'Customer pool' }).click();
  const pool = dialog(page, 'pool');
  await pool.waitFor();
  return pool;
}

describe('the customer pool', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('a rep returns a customer: its row leaves at once, and is still gone after a reload', async () => {
    const page = await openList(s);
    await runItem(page, 'c-005', 'returnToPool');
    const back = dialog(page, 'returnToPool');
    await back.locator('#crmx-pool-reason').fill(REASON);
    await back.getByRole('button', { name: 'Return to the pool' }).click();
    await row(page, 'c-005').waitFor({ state: 'hidden' });
    expect((await audit(s.crm, 'Back customer', 'c-005')).map((e) => e.details)).toEqual([REASON]);

    await page.reload();
    await row(page, 'c-001').locator('button.crmx-row-menu-button').waitFor();
    expect(await row(page, 'c-005').count()).toBe(0);
    await page.close();
  });

  it('an administrator still sees the returned customer after a reload, its account executive empty', async () => {
    await actAs(s, 'tok-admin');
    const page = await openCustomer(s, 'KH0005');
    await expect(row(page, 'c-005').locator('td.col-ae').textContent()).resolves.toBe('—');
    await page.reload();
    await row(page, 'c-005').locator('button.crmx-row-menu-button').waitFor();
    await expect(row(page, 'c-005').locator('td.col-ae').textContent()).resolves.toBe('—');
    await page.close();
  });

  it('a pool administrator who still lists the customer they return keeps its row (no vanishing until a reload)', async () => {
    await actAs(s, 'tok-pool');
    const page = await openList(s);
    await runItem(page, 'c-050', 'returnToPool');
    const back = dialog(page, 'returnToPool');
    await back.locator('#crmx-pool-reason').fill('Khách không còn liên hệ');
    await back.getByRole('button', { name: 'Return to the pool' }).click();
    await toast(page).filter({ hasText: 'Vũ Văn Sơn is back in the pool.' }).waitFor();
    await back.waitFor({ state: 'detached' });
    // c-050 is shared with u-pool: still in their list, now without an account executive.
    await row(page, 'c-050').waitFor({ state: 'visible' });
    await page.reload();
    await row(page, 'c-050').locator('button.crmx-row-menu-button').waitFor();
    await expect(row(page, 'c-050').locator('td.col-ae').textContent()).resolves.toBe('—');
    await page.close();
  });

  it('another member opens the pool and picks the customer up: they become its AE, it is in their list, logged "Pick up customer"', async () => {
    await actAs(s, 'tok-rep2');
    const page = await openList(s);
    expect(await row(page, 'c-005').count()).toBe(0);
    const pool = await openPool(page);
    const entry = poolRow(page, 'c-005');
    await entry.waitFor();
    await expect(entry.locator('th').textContent()).resolves.toBe(NAME);
    await expect(entry.textContent()).resolves.toContain('KH0005');
    await expect(entry.textContent()).resolves.toContain(`Reason: ${REASON}`);
    expect(await axeViolations(page, '[data-crmx-dialog=pool]', 'crmx-pool')).toEqual([]);

    await entry.getByRole('button', { name: `Pick up ${NAME} (KH0005)` }).click();
    const confirm = pool.locator('[data-crmx-pool-confirm="c-005"]');
    await expect(confirm.locator('h3').textContent()).resolves.toBe(`Pick up ${NAME} (KH0005)?`);
    // The question takes the focus, on Cancel: a stray Enter picks up nobody.
    await expect.poll(() => page.evaluate(() => document.querySelector('crmx-pool')!.shadowRoot!.activeElement?.className)).toBe('crmx-cancel');
    await confirm.getByRole('button', { name: 'Pick up' }).click();
    await toast(page).filter({ hasText: `You are now the account executive of ${NAME} (KH0005).` }).waitFor();
    await entry.waitFor({ state: 'detached' });

    const { body } = await api<{ aeId: string | null; version: number }>(s.crm, 'tok-admin', '/customers/c-005');
    expect(body.aeId).toBe('u-rep2');
    const picks = await audit(s.crm, 'Pick up customer', 'c-005');
    expect(picks.map((e) => e.changes)).toEqual([[{ field: 'aeId', before: null, after: 'u-rep2' }]]);

    await page.keyboard.press('Escape');
    await pool.waitFor({ state: 'detached' });
    await page.reload();
    await row(page, 'c-005').locator('button.crmx-row-menu-button').waitFor();
    await runItem(page, 'c-005', 'log');
    const log = dialog(page, 'log');
    await log.locator('[data-crmx-log-type="Pick up customer"]').waitFor();
    await expect(log.locator('[data-crmx-log-type="Pick up customer"]').textContent()).resolves.toContain('Pick up customer');
    await page.close();
  });

  it('a member who chose a customer someone else picked up first is told so', async () => {
    const page = await openList(s);
    const pool = await openPool(page);
    const entry = poolRow(page, 'c-049');
    await entry.waitFor();
    expect((await api(s.crm, 'tok-manager', '/customers/c-049/pick-up', { method: 'POST' })).status).toBe(200);
    await entry.getByRole('button', { name: 'Pick up Hoàng Thị Yến (KH0049)' }).click();
    await pool.locator('[data-crmx-pool-confirm="c-049"]').getByRole('button', { name: 'Pick up' }).click();
    await pool.getByRole('alert').filter({ hasText: 'The customer already has an account executive: someone picked it up first.' }).waitFor();
    expect((await audit(s.crm, 'Pick up customer', 'c-049')).length).toBe(1);
    await page.close();
  });

  it('a user outside the pool\'s departments is refused, told why and whom to ask', async () => {
    await actAs(s, 'tok-csr');
    const page = await openList(s);
    const pool = await openPool(page);
    const refusal = pool.locator('[data-crmx-pool-refusal]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(
      'You are not a member of the customer pool. Ask the pool administrator (Hoàng Văn Phúc) / an administrator (Nguyễn Văn An).',
    );
    expect(await pool.locator('[data-crmx-pool-row]').count()).toBe(0);
    await page.close();
  });
});
