// The overlay as a rep (u-rep): edit allowed and recorded by the CRM, delete refused with the rule,
// validation, share adds, the details panel, XSS as text, stars and menus across page changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import { audit, dialog, menu, menuItem, openCustomer, openMenu, row, runItem, toast } from './overlay-helpers';

describe('the overlay as a rep', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-rep' });
  });
  afterAll(async () => s?.close());

  it('edits an own customer: saved, logged "Edit customer" with change records', async () => {
    const page = await openCustomer(s, 'KH0002');
    await runItem(page, 'c-002', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-businessField').waitFor();
    expect(await edit.locator('#crmx-edit-aeId').count()).toBe(0); // the AE reassigns the CSR only
    await edit.locator('#crmx-edit-csrId').waitFor();
    await edit.locator('#crmx-edit-businessField').fill('Đào tạo trực tuyến');
    await edit.getByRole('button', { name: 'Save' }).click();
    await toast(page).filter({ hasText: 'Saved Trần Thị Mai.' }).waitFor();
    await edit.waitFor({ state: 'detached' });
    const { body } = await api<{ businessField: string }>(s.crm, 'tok-rep', '/customers/c-002');
    expect(body.businessField).toBe('Đào tạo trực tuyến');
    const edits = await audit(s.crm, 'Edit customer', 'c-002');
    expect(edits).toHaveLength(1);
    expect(edits[0].changes).toEqual([{ field: 'businessField', before: 'Giáo dục', after: 'Đào tạo trực tuyến' }]);
    await page.close();
  });

  it('shows a conflict with theirs and mine side by side; keeping mine saves over theirs', async () => {
    const page = await openCustomer(s, 'KH0007');
    await runItem(page, 'c-007', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-source').waitFor();
    // Someone else edits it meanwhile (the CRM moves to the next version).
    const theirs = await api(s.crm, 'tok-manager', '/customers/c-007', { method: 'PATCH', headers: { 'if-match': '"1"' }, body: JSON.stringify({ source: 'Hotline' }) });
    expect(theirs.status).toBe(200);
    await edit.locator('#crmx-edit-source').fill('Zalo');
    await edit.getByRole('button', { name: 'Save' }).click();
    const row = edit.locator('.crmx-conflict [data-crmx-field=source] td');
    await row.first().waitFor();
    await expect(row.allTextContents()).resolves.toEqual(['Hotline', 'Zalo']);
    await edit.getByRole('button', { name: 'Keep mine' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(async () => (await api<{ source: string }>(s.crm, 'tok-rep', '/customers/c-007')).body.source, { timeout: 15_000 }).toBe('Zalo');
    await page.close();
  });

  it('checks the form before sending: a cleared name and a bad email are named, nothing is sent', async () => {
    const page = await openCustomer(s, 'KH0003');
    await runItem(page, 'c-003', 'edit');
    const edit = dialog(page, 'edit');
    await edit.locator('#crmx-edit-name').fill('  ');
    await edit.locator('#crmx-edit-email').fill('not-an-email');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Name is required.').waitFor();
    await edit.getByText('Enter an email address like name@example.com.').waitFor();
    expect(await edit.locator('#crmx-edit-name').getAttribute('aria-invalid')).toBe('true');
    expect(await audit(s.crm, 'Edit customer', 'c-003')).toHaveLength(0);
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows Delete refused with the administrator rule and whom to ask', async () => {
    const page = await openCustomer(s, 'KH0004');
    await openMenu(page, 'c-004');
    const item = menuItem(page, 'delete');
    expect(await item.getAttribute('aria-disabled')).toBe('true');
    await expect(item.locator('.crmx-menu-reason').textContent()).resolves.toBe('Only administrators may do this. Ask an administrator (Nguyễn Văn An).');
    await item.click({ force: true });
    await menu(page).waitFor(); // a refused item does nothing: the menu stays, no dialog
    expect(await dialog(page, 'delete').count()).toBe(0);
    await page.close();
  });

  it('shows the XSS customer as text in the row button, the details and the edit dialog', async () => {
    const alerts: string[] = [];
    const page = await s.openCustomers('?q=onerror');
    page.on('dialog', (d) => void (alerts.push(d.message()), d.dismiss()));
    await page.locator('button.crmx-row-menu-button').first().waitFor();
    const name = 'Đỗ <img src=x onerror=alert(1)> Xuân';
    await expect(row(page, 'c-013').locator('button.crmx-row-menu-button').getAttribute('aria-label')).resolves.toBe(`More actions for ${name}`);
    await row(page, 'c-013').locator('td.col-phone').click();
    const panel = page.locator('.crmx-details');
    await panel.locator('[data-crmx-field=tags] dd').getByText('<b>bold</b>').waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe(name);
    await runItem(page, 'c-013', 'edit');
    // Named with its code once the CRM's answer is in (the page may list several of one name).
    await dialog(page, 'edit').locator('h2', { hasText: `Edit ${name} (KH0013)` }).waitFor();
    await expect(dialog(page, 'edit').locator('#crmx-edit-name').inputValue()).resolves.toBe(name);
    const injected = await page.evaluate(() => {
      const root = document.querySelector('crmx-overlay')!.shadowRoot!;
      return root.querySelectorAll('img, b').length + document.querySelectorAll('#customer-table img, #customer-table b').length;
    });
    expect(injected).toBe(0);
    expect(alerts).toEqual([]);
    await page.close();
  });

  it('keeps exactly one menu and one star on every row across 10 page changes', async () => {
    const page = await s.openCustomers('?pageSize=20');
    const info = page.locator('#page-info');
    const check = async () => {
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('#customer-table > tbody > tr.dt-row')];
        return rows.length > 0 && rows.every((tr) => {
          const slots = tr.querySelectorAll('crmx-row-menu');
          return slots.length === 1 && slots[0].shadowRoot!.querySelectorAll('button.crmx-row-menu-button').length === 1
            && slots[0].shadowRoot!.querySelectorAll('button.crmx-follow-star').length === 1;
        });
      }, undefined, { timeout: 20_000 });
    };
    const steps: Array<[string, () => Promise<unknown>, string]> = [
      ['next page', () => page.click('#page-next'), 'Showing 21–34 of 34'],
      ['previous page', () => page.click('#page-prev'), 'Showing 1–20 of 34'],
      ['search', () => page.fill('#customer-search', 'Công ty'), 'of'],
      ['clear search', () => page.fill('#customer-search', ''), 'Showing 1–20 of 34'],
      ['sort by code', () => page.click('#customer-table th.col-code button'), 'Showing 1–20 of 34'],
      ['next page', () => page.click('#page-next'), 'Showing 21–34 of 34'],
      ['sort by name', () => page.click('#customer-table th.col-name button'), 'Showing'],
      ['search a phone', () => page.fill('#customer-search', '0912'), 'of'],
      ['clear search', () => page.fill('#customer-search', ''), 'Showing'],
      ['sort by updated', () => page.click('#customer-table th.col-updated button'), 'Showing'],
    ];
    for (const [, step, text] of steps) {
      await step();
      await info.filter({ hasText: text }).waitFor();
      await check();
    }
    const counts = await page.evaluate(() => ({
      rows: document.querySelectorAll('#customer-table > tbody > tr.dt-row').length,
      slots: document.querySelectorAll('crmx-row-menu').length,
    }));
    expect(counts.slots).toBe(counts.rows);
    await page.close();
  });

  it('follows from the star at once and unfollows from the menu; the CRM agrees', async () => {
    const page = await openCustomer(s, 'KH0006');
    const star = row(page, 'c-006').locator('button.crmx-follow-star');
    await expect(star.getAttribute('aria-pressed')).resolves.toBe('false');
    await star.click();
    await page.waitForFunction(() => true);
    await row(page, 'c-006').locator('button.crmx-follow-star[aria-pressed=true]').waitFor();
    await expect.poll(async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds, { timeout: 15_000 }).toContain('c-006');
    await openMenu(page, 'c-006');
    await expect(menuItem(page, 'follow').textContent()).resolves.toBe('Unfollow');
    await menuItem(page, 'follow').click();
    await row(page, 'c-006').locator('button.crmx-follow-star[aria-pressed=false]').waitFor();
    await expect.poll(async () => (await api<{ customerIds: string[] }>(s.crm, 'tok-rep', '/follows')).body.customerIds, { timeout: 15_000 }).not.toContain('c-006');
    expect(await menu(page).count()).toBe(0);
    await page.close();
  });
  it('shows the details with the star, the actions (refusals explained) and the latest log', async () => {
    const page = await s.openCustomers('?pageSize=100');
    await row(page, 'c-016').locator('button.crmx-follow-star[aria-pressed=true]').waitFor();
    await row(page, 'c-016').locator('td.col-code').click();
    const panel = page.locator('.crmx-details');
    await panel.locator('[data-crmx-field=csr] dd').getByText('Đặng Minh Khoa').waitFor();
    expect(await panel.locator('.crmx-details-star').getAttribute('aria-pressed')).toBe('true');
    await expect(panel.locator('[data-crmx-action=delete]').getAttribute('aria-disabled')).resolves.toBe('true');
    await panel.getByText('Only administrators may do this. Ask an administrator (Nguyễn Văn An).').waitFor();
    await panel.locator('[data-crmx-action=log]').click();
    await dialog(page, 'log').locator('#crmx-log-type:focus').waitFor();
    await page.keyboard.press('Escape');
    await dialog(page, 'log').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.querySelector('crmx-overlay')!.shadowRoot!.activeElement?.getAttribute('data-crmx-action'))).toBe('log');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    await page.close();
  });
});
