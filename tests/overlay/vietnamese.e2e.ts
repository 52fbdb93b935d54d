// The Vietnamese users' document (seed 003) in Vietnamese: the delete toast, the log's translated types
// and dd/mm/yyyy day fields, one name per field in details, edit and log, and the side panel's dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startScenario, type Scenario } from '../harness/scenario';
import { actAs, dialog, openCustomer, row, runItem, toast, typeDate } from './overlay-helpers';

const DAY_TIME = /^\d\d\/\d\d\/\d{4} \d\d:\d\d(:\d\d)?$/;

describe('in Vietnamese', () => {
  let s: Scenario;
  let options: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
    options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-language').selectOption('vi');
  });
  afterAll(async () => s?.close());

  it('a single delete says "Xóa khách hàng thành công" with the name, and keeps Restore', async () => {
    const page = await openCustomer(s, 'Bùi Quang Huy');
    await runItem(page, 'c-012', 'delete');
    const confirm = dialog(page, 'delete');
    await confirm.locator('h2', { hasText: 'Xóa Bùi Quang Huy (KH0012)?' }).waitFor();
    await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
    await toast(page).filter({ hasText: 'Xóa khách hàng thành công: Bùi Quang Huy.' }).waitFor();
    await toast(page).getByRole('button', { name: 'Khôi phục' }).click();
    await toast(page).filter({ hasText: 'Đã khôi phục Bùi Quang Huy.' }).waitFor();
    await page.close();
  });

  it('the log names the types in Vietnamese and takes days as dd/mm/yyyy', async () => {
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await runItem(page, 'c-001', 'log');
    const log = dialog(page, 'log');
    const types = () => log.locator('.crmx-timeline-type').allTextContents();
    await expect.poll(types).toEqual(['Sửa khách hàng', 'Theo dõi khách hàng', 'Sửa khách hàng', 'Tạo khách hàng']);
    for (const time of await log.locator('.crmx-timeline-time').allTextContents()) expect(time).toMatch(DAY_TIME);
    expect(await log.locator('#crmx-log-type option').allTextContents()).toContain('Trả khách hàng về kho');
    // The newest edit's changes name its fields as the edit form does.
    await expect.poll(() => log.locator('.crmx-timeline-entry').first().locator('.crmx-timeline-field').allTextContents())
      .toEqual(['Nguồn khách', 'Lĩnh vực kinh doanh']);
    const from = log.locator('#crmx-log-from');
    await expect(from.getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
    await typeDate(from, '2024-03-05');
    await typeDate(log.locator('#crmx-log-to'), '2024-03-10');
    await expect(from.inputValue()).resolves.toBe('05/03/2024');
    await expect.poll(types).toEqual(['Theo dõi khách hàng']);
    await page.close();
  });

  it('details and edit name each field the same way, with dates as dd/mm/yyyy', async () => {
    await actAs(s, 'tok-rep'); // the AE: an administrator may not edit c-001
    const page = await openCustomer(s, 'Nguyễn Văn Hùng');
    await row(page, 'c-001').locator('td.col-code').click();
    const panel = page.locator('.crmx-details');
    await panel.locator('[data-crmx-field=source] dt').waitFor();
    const label = (field: string) => panel.locator(`[data-crmx-field=${field}] dt`).textContent();
    await expect(label('csr')).resolves.toBe('Nhân viên hỗ trợ');
    await expect(label('source')).resolves.toBe('Nguồn khách');
    await expect(label('ae')).resolves.toBe('Nhân viên phụ trách');
    await expect(panel.locator('[data-crmx-field=createdAt] dd').textContent()).resolves.toMatch(DAY_TIME);
    await panel.locator('.crmx-timeline-type').first().waitFor();
    for (const type of await panel.locator('.crmx-timeline-type').allTextContents()) expect(type).not.toMatch(/customer/);

    await panel.locator('[data-crmx-action=edit]').click();
    const edit = dialog(page, 'edit');
    await expect(edit.locator('label[for=crmx-edit-csrId]').textContent()).resolves.toBe('Nhân viên hỗ trợ');
    await expect(edit.locator('label[for=crmx-edit-source]').textContent()).resolves.toBe('Nguồn khách');
    await edit.getByRole('button', { name: 'Xem bản ghi thay đổi' }).click();
    const newest = edit.locator('[data-crmx-edit-entry]').first();
    await expect(newest.locator('[data-crmx-change=source] th').textContent()).resolves.toBe('Nguồn khách');
    await expect(newest.locator('[data-crmx-who-when]').textContent()).resolves.toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d · bởi Trần Thị Bình$/);
    await page.close();
  });

  it('the side panel writes its dates as dd/mm/yyyy', async () => {
    await actAs(s, 'tok-admin');
    const panel = await s.browser.context.newPage();
    await panel.goto(`chrome-extension://${s.browser.extensionId}/sidepanel.html`);
    await panel.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    const sync = panel.locator('[data-crmx-panel-sync] [role=status]');
    await sync.getByText(/^Lần đồng bộ cuối: \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor({ timeout: 30_000 });
    await panel.close();
  });
});
