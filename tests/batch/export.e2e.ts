// Export to CSV and XLSX from the CRM page (issue 20, point 4a), in a real Chromium on the reference CRM:
// the selection from the batch bar, a finished job's results from its card, a file delete's errors from its
// errors view. The downloaded files are read back: the customers ticked and nothing else, headers in the
// user's language (English, then Vietnamese), a phone kept as the CRM has it, formulas defused in CSV.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { Locator, Page } from 'playwright-core';
import { startScenario, type Scenario } from '../harness/scenario';
import { dialog, fileOnDisk, row } from '../overlay/overlay-helpers';

const JOB_WAIT = { timeout: 60_000 };
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-basic.json', import.meta.url), 'utf8')) as {
  customers: { id: string; name: string; code: string; phone: string; aeId: string | null; tags: string[] }[];
  users: { id: string; name: string }[];
};
const customer = (id: string) => seed.customers.find((c) => c.id === id)!;
const userName = (id: string | null) => seed.users.find((u) => u.id === id)?.name ?? '';

/** Presses the button and waits for the file it downloads: its name and bytes. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const csvRows = (bytes: Buffer): string[][] => {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};
const xlsxRows = async (bytes: Buffer): Promise<{ sheet: string; rows: unknown[][] }> => {
  const [first] = await readXlsxFile(bytes);
  return { sheet: first.sheet, rows: first.data.map((r) => r.map((c) => c ?? '')) };
};

describe('export to CSV and XLSX', () => {
  let s: Scenario;
  let page: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: 'tests/fixtures/seed-basic.json', token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  const bar = () => page.locator('[data-crmx-batch-bar]');
  const tick = async (ids: readonly string[]) => {
    for (const id of ids) {
      // Rows get their box once near the view.
      await row(page, id).scrollIntoViewIfNeeded();
      await row(page, id).locator('input.crmx-select-box').click();
    }
    await bar().locator(`[data-crmx-selected-count="${ids.length}"]`).waitFor();
  };
  const TICKED = ['c-002', 'c-003', 'c-005'] as const;

  it('exports the selected customers from the batch bar as CSV: one row each, headers in English, formulas defused', async () => {
    page = await s.openCustomers('?pageSize=100');
    await tick(TICKED);
    const file = await downloaded(page, bar().locator('[data-crmx-export] [data-crmx-export-format=csv]'));
    expect(file.name).toMatch(/^customers-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = csvRows(file.bytes);
    expect(header).toEqual(['Customer', 'Customer code', 'Phone', 'Email', 'Source', 'Business field', 'Account executive',
      'Customer service representative', 'Tags', 'Created', 'Updated']);
    expect(rows.map((r) => r[1]).sort()).toEqual(TICKED.map((id) => customer(id).code).sort());
    const mai = rows.find((r) => r[1] === customer('c-002').code)!;
    expect(mai[0]).toBe(customer('c-002').name);
    // "+84 …" would be a formula to a spreadsheet: the cell is kept as text.
    expect(mai[2]).toBe(`'${customer('c-002').phone}`);
    expect(mai[6]).toBe(userName(customer('c-002').aeId));
    expect(mai[8]).toBe(customer('c-002').tags.join(', '));
    expect(mai[9]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
  });

  it('exports the same selection as XLSX: the phone as the CRM has it, as text (a page script\'s click exports nothing)', async () => {
    // The host page's own script clicks our CSV button: dropped, so the one download is the XLSX a real click asks for.
    await page.evaluate(() => {
      const host = document.querySelector('crmx-batch-bar')!.shadowRoot!;
      (host.querySelector('[data-crmx-export-format=csv]') as HTMLButtonElement).click();
    });
    const file = await downloaded(page, bar().locator('[data-crmx-export] [data-crmx-export-format=xlsx]'));
    expect(file.name).toMatch(/^customers-\d{4}-\d\d-\d\d\.xlsx$/);
    const { sheet, rows } = await xlsxRows(file.bytes);
    expect(sheet).toBe('Customers');
    expect(rows[0][0]).toBe('Customer');
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
      expect.arrayContaining(TICKED.map((id) => [customer(id).name, customer(id).code, customer(id).phone])),
    );
    expect(rows).toHaveLength(TICKED.length + 1);
  });

  it('exports a finished job\'s results from its card: each customer, done', async () => {
    await bar().locator('[data-crmx-batch-action=follow]').click();
    const confirm = dialog(page, 'batch-follow');
    await confirm.locator('[data-crmx-precheck]').waitFor();
    await confirm.locator('[data-crmx-confirm]').click();
    const job = bar().locator('[data-crmx-job][data-crmx-job-status=done][aria-label="Batch follow"]').last();
    await job.waitFor(JOB_WAIT);
    const file = await downloaded(page, job.locator('[data-crmx-export] [data-crmx-export-format=csv]'));
    expect(file.name).toMatch(/^job-results-\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...rows] = csvRows(file.bytes);
    expect(header).toEqual(['Customer', 'Customer code', 'Phone', 'Result', 'Reason']);
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]]).sort()).toEqual(TICKED.map((id) => [customer(id).name, customer(id).code, 'Done', '']).sort());
    await page.close();
  });

  it('exports a file delete\'s errors from its errors view: the file\'s row numbers, the numbers they had, why', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    const open = dialog(page, 'delete-by-file');
    const csv = ['Phone,Name', `${customer('c-058').phone},A`, '0999 000 111,Nobody', 'not a number,Bad', `${customer('c-058').phone},Again`].join('\n');
    await open.locator('input[type=file]').setInputFiles(fileOnDisk('to-delete.csv', csv));
    await open.locator('[data-crmx-preview]').waitFor();
    await open.locator('[data-crmx-confirm]').click();
    const done = open.locator('[data-crmx-job][data-crmx-job-status=done]');
    await done.waitFor(JOB_WAIT);
    // Shown with the errors, not before.
    expect(await done.locator('[data-crmx-export]').count()).toBe(0);
    await done.locator('[data-crmx-figures] button').click();
    await done.locator('[data-crmx-error-item]').first().waitFor();
    const file = await downloaded(page, done.locator('[data-crmx-export] [data-crmx-export-format=xlsx]'));
    expect(file.name).toMatch(/^file-delete-errors-\d{4}-\d\d-\d\d\.xlsx$/);
    const { sheet, rows } = await xlsxRows(file.bytes);
    expect(sheet).toBe('Errors');
    expect(rows).toEqual([
      ['Row in the file', 'Phone number in the file', 'Reason'],
      [3, '0999 000 111', 'not found'],
      [4, 'not a number', 'invalid phone number'],
      [5, customer('c-058').phone, 'duplicate of an earlier row'],
    ]);
    await page.close();
  });

  it('writes the file in Vietnamese for a user who reads Vietnamese', async () => {
    const options = await s.browser.context.newPage();
    await options.goto(`chrome-extension://${s.browser.extensionId}/options.html`);
    await options.locator('#crmx-language').selectOption('vi');
    await options.close();
    page = await s.openCustomers('?pageSize=100');
    await tick(['c-001', 'c-004']);
    const exportButton = bar().locator('[data-crmx-export] [data-crmx-export-format=xlsx]');
    await exportButton.filter({ hasText: 'Xuất Excel' }).waitFor();
    const file = await downloaded(page, exportButton);
    expect(file.name).toMatch(/^khach-hang-\d{4}-\d\d-\d\d\.xlsx$/);
    const { sheet, rows } = await xlsxRows(file.bytes);
    expect(sheet).toBe('Khách hàng');
    expect(rows[0]).toEqual(['Khách hàng', 'Mã khách hàng', 'Số điện thoại', 'Email', 'Nguồn khách', 'Lĩnh vực kinh doanh', 'Nhân viên phụ trách',
      'Nhân viên hỗ trợ', 'Nhãn', 'Ngày tạo', 'Cập nhật']);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['KH0001', 'KH0004']);
    // Leading zero kept; dd/mm/yyyy dates.
    expect(rows.slice(1).find((r) => r[1] === 'KH0001')![2]).toBe(customer('c-001').phone);
    expect(String(rows[1][9])).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    await page.close();
  });
});
