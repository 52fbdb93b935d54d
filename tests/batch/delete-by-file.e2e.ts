// Bulk delete from a file (the Vietnamese document) as the administrator: the 1,000-row fixture, uploaded
// through the page's file input, deletes exactly the expected customers and reports exactly the expected
// rows (the spreadsheet's row numbers) with their reasons, with the document's figures. A number several
// customers have deletes only the customers the user ticks; the template's example row never deletes
// anyone. Hostile files get a clear error and delete nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, setFaults } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import writeXlsxFile from 'write-excel-file/node';
import { largeCustomerId, largeCustomerPhone, makeLargeSeed } from '../fixtures/seed-large';
import { fileOnDisk } from '../overlay/overlay-helpers';

const FIXTURE = new URL('../fixtures/phones-1000.csv', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../fixtures/phones-1000.expected.json', import.meta.url), 'utf8')) as {
  seedSize: number; deletedIds: string[]; errors: { row: number; problem: string }[];
};

describe('bulk delete from a file', () => {
  let s: Scenario;
  let page: Page;
  /** Customers 750/751 and 780/781 share a number; 770 has the older template's example number. */
  const TWINS = [[750, 751], [780, 781]] as const;
  beforeAll(async () => {
    const seed = makeLargeSeed(expected.seedSize);
    const customer = (i: number) => seed.customers.find((c) => c.id === largeCustomerId(i))!;
    for (const [a, b] of TWINS) customer(b).phone = `+84 70 ${String(a).padStart(7, '0')}`;
    customer(770).phone = '0912 345 678';
    s = await startScenario({ seed, token: 'tok-admin' });
  });
  afterAll(async () => s?.close());

  const listed = async () => (await api<{ ids: string[]; total: number }>(s.crm, 'tok-admin', '/customers/ids')).body;
  const dialog = () => page.locator('[data-crmx-dialog=delete-by-file]');

  it('refuses a file that is not CSV or XLSX, and one without a phone column, deleting nothing', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('notes.pdf', '%PDF-1.4 …'));
    await dialog().locator('[data-crmx-file-error]', { hasText: 'not a CSV or XLSX file' }).waitFor();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('names.csv', 'Name,Email\nAn,a@x\n'));
    await dialog().locator('[data-crmx-file-error]', { hasText: 'no phone number column' }).waitFor();
    expect(await dialog().locator('[data-crmx-confirm]').count()).toBe(0);
    expect((await listed()).total).toBe(expected.seedSize);
    await page.keyboard.press('Escape');
  });

  it('deletes exactly the expected customers of the 1,000-row file and reports every other row with its reason', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    await dialog().locator('input[type=file]').setInputFiles(FIXTURE);
    const count = (name: string) => dialog().locator(`[data-crmx-count=${name}]`).textContent();
    await dialog().locator('[data-crmx-preview]').waitFor({ timeout: 60_000 });
    expect(await count('read')).toBe('1000');
    expect(await count('matched')).toBe(String(expected.deletedIds.length));
    expect(await count('duplicates')).toBe(String(expected.errors.filter((e) => e.problem === 'duplicate').length));
    expect(await count('invalid')).toBe(String(expected.errors.filter((e) => e.problem === 'invalid').length));
    expect(await count('notFound')).toBe(String(expected.errors.filter((e) => e.problem === 'not_found').length));
    expect(await count('ambiguous')).toBe('0');
    const host = new URL(s.crm.url).host;
    const confirm = dialog().locator('[data-crmx-confirm]');
    expect(await confirm.textContent()).toBe(`Delete ${expected.deletedIds.length} customers from ${host}`);
    await confirm.click();

    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 120_000 });
    // 600 of the 1,000 requested rows deleted: 60%, never "100%" for a file that deleted 600.
    expect(await job.locator('[data-crmx-percent]').textContent()).toBe('60%');
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${expected.deletedIds.length}/1000`);
    expect(await job.locator('[data-crmx-errors]').textContent()).toBe(`Errors ${expected.errors.length}`);
    await job.getByRole('button', { name: '(Details)' }).click();
    // The spreadsheet's row numbers: the header is row 1.
    const reported = await job.locator('[data-crmx-error-item]').evaluateAll((items) =>
      items.map((li) => ({ row: Number(li.getAttribute('data-crmx-error-row')), problem: li.getAttribute('data-crmx-error-code') })));
    expect(reported).toEqual(expected.errors);
    expect(expected.errors[0].row).toBe(2);
    expect(await job.locator('[data-crmx-error-item="row 2"]').textContent()).toMatch(/^row 2 “.*”: not found$/);

    const after = await listed();
    expect(after.total).toBe(expected.seedSize - expected.deletedIds.length);
    const left = new Set(after.ids);
    expect(expected.deletedIds.filter((id) => left.has(id))).toEqual([]);
    const audit = (await api<{ items: { customerId: string; details: string }[] }>(s.crm, 'tok-admin', '/audit?type=Delete%20customer&limit=100000')).body.items;
    expect(audit.map((e) => e.customerId).sort()).toEqual(expected.deletedIds);
    expect(audit.every((e) => /^File "phones-1000\.csv", row \d+, phone .+$/.test(e.details))).toBe(true);
    expect((await api<{ items: unknown[] }>(s.crm, 'tok-admin', '/audit?type=Batch%20Delete%20customer')).body.items).toEqual([]);
  });

  it('lists a number several customers have with their names and codes, deletes only the ticked one, reports what the CRM knows more of, and never deletes the example row', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    const phone = (i: number) => largeCustomerPhone(i);
    const csv = [
      'Số điện thoại (Phone number),Tên khách hàng (Customer name)',
      '0912 345 678,Nguyễn Văn A', // the older template's example row, left in: customer 770 has that number
      `${phone(750)},Twins`,
      `${phone(760)},One`,
      `${phone(780)},Other twins`,
      `${phone(790)},Two`,
    ].join('\n');
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('twins.csv', csv));
    await dialog().locator('[data-crmx-preview]').waitFor();
    expect(await dialog().locator('[data-crmx-count=matched]').textContent()).toBe('2');
    expect(await dialog().locator('[data-crmx-count=ambiguous]').textContent()).toBe('2');
    expect(await dialog().locator('[data-crmx-sample-rows]').getAttribute('data-crmx-sample-rows')).toBe('2');
    expect(await dialog().locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target'))))
      .toEqual([largeCustomerId(760), largeCustomerId(790)]);
    const twins = dialog().locator('[data-crmx-ambiguous-row="3"]');
    expect(await twins.textContent()).toContain('matches 2 customers');
    expect(await twins.textContent()).toContain('KHL000750');
    expect(await twins.textContent()).toContain('KHL000751');
    const boxes = dialog().locator('[data-crmx-ambiguous-rows] input[type=checkbox]');
    expect(await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked))).toEqual([false, false, false, false]);
    const confirm = dialog().locator('[data-crmx-confirm]');
    const host = new URL(s.crm.url).host;
    expect(await confirm.textContent()).toBe(`Delete 2 customers from ${host}`);
    // A page script cannot tick a box for the user.
    await boxes.first().evaluate((box) => (box as HTMLInputElement).click());
    expect(await boxes.first().isChecked()).toBe(false);
    expect(await confirm.textContent()).toBe(`Delete 2 customers from ${host}`);
    await twins.locator(`[data-crmx-choose="${largeCustomerId(751)}"]`).click();
    await dialog().locator('[data-crmx-confirm]', { hasText: `Delete 3 customers from ${host}` }).waitFor();

    // Meanwhile 761 gets 760's number in the CRM: the CRM now knows two customers with it.
    const { body: c761 } = await api<{ version: number }>(s.crm, 'tok-rep', `/customers/${largeCustomerId(761)}`);
    const edit = await api(s.crm, 'tok-rep', `/customers/${largeCustomerId(761)}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': `"${c761.version}"` }, body: JSON.stringify({ phone: phone(760) }),
    });
    expect(edit.status).toBe(200);

    // While it runs, only progress is shown; the figures come when it is done.
    await setFaults(s.crm, { latencyMs: 1500 });
    try {
      await confirm.click();
      await dialog().locator('[data-crmx-job]:not([data-crmx-job-status=done]) [data-crmx-checking]').waitFor({ timeout: 30_000 });
      expect(await dialog().locator('[data-crmx-job]:not([data-crmx-job-status=done]) [data-crmx-figures]').count()).toBe(0);
    } finally {
      await setFaults(s.crm, { latencyMs: 0 });
    }
    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 60_000 });
    // Requested: 5 rows (the ticked twin counts for its row); deleted: 751 and 790.
    expect(await job.locator('[data-crmx-percent]').textContent()).toBe('40%');
    expect(await job.locator('[data-crmx-done]').textContent()).toBe('2/5');
    expect(await job.locator('[data-crmx-errors]').textContent()).toBe('Errors 3');
    await job.getByRole('button', { name: '(Details)' }).click();
    const rows = await job.locator('[data-crmx-error-item]').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-crmx-error-row'), li.getAttribute('data-crmx-error-code')]));
    expect(rows).toEqual([['2', 'sample'], ['4', 'ambiguous'], ['5', 'ambiguous']]);
    const crmKnowsMore = await job.locator('[data-crmx-error-row="4"]').textContent();
    expect(crmKnowsMore).toContain('matches 2 customers');
    expect(crmKnowsMore).toContain('KHL000760');
    expect(crmKnowsMore).toContain('KHL000761');

    const left = new Set((await listed()).ids);
    expect([751, 790].filter((i) => left.has(largeCustomerId(i)))).toEqual([]);
    expect([750, 760, 761, 770, 780, 781].filter((i) => !left.has(largeCustomerId(i)))).toEqual([]);
    const audit = (await api<{ items: { customerId: string; details: string }[] }>(s.crm, 'tok-admin', '/audit?type=Delete%20customer&limit=100000')).body.items;
    expect(audit.find((e) => e.customerId === largeCustomerId(751))?.details).toBe(`File "twins.csv", row 3, phone ${phone(750)}`);
  });

  it('shows "Errors 0 (Details)" when every row was deleted', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('one.csv', `Phone\n${largeCustomerPhone(795)}\n`));
    await dialog().locator('[data-crmx-preview]').waitFor();
    await dialog().locator('[data-crmx-confirm]').click();
    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-figures]').textContent()).toBe('100% · 1/1 · Errors 0 (Details)');
    await job.getByRole('button', { name: '(Details)' }).click();
    await job.locator('[data-crmx-job-errors]', { hasText: 'Every requested row was deleted.' }).waitFor();
  });

  it('reads an XLSX whose phone cells a spreadsheet stored as numbers (leading zero dropped)', async () => {
    page = await s.openCustomers();
    await page.locator('[data-crmx-delete-file]').click();
    // cl-00700 and cl-00701 are 0700000700 / 0700000701; a spreadsheet keeps them as the numbers 700000700…
    const xlsx = await writeXlsxFile([
      [{ value: 'Phone' }, { value: 'Name' }],
      [{ value: 700000700, type: Number }, { value: 'A' }],
      [{ value: '+84 700 000 701', type: String }, { value: 'B' }],
      [{ value: '=HYPERLINK("http://x")', type: String }, { value: 'C' }],
    ]).toBuffer();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('numbers.xlsx', xlsx));
    await dialog().locator('[data-crmx-preview]').waitFor();
    expect(await dialog().locator('[data-crmx-count=matched]').textContent()).toBe('2');
    expect(await dialog().locator('[data-crmx-count=invalid]').textContent()).toBe('1');
    expect(await dialog().locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).toEqual([largeCustomerId(700), largeCustomerId(701)]);
    await dialog().locator('[data-crmx-confirm]').click();
    await dialog().locator('[data-crmx-job][data-crmx-job-status=done]').waitFor({ timeout: 60_000 });
    const left = new Set((await listed()).ids);
    expect([largeCustomerId(700), largeCustomerId(701)].filter((id) => left.has(id))).toEqual([]);
    expect(left.has(largeCustomerId(702))).toBe(true);
  });
});
