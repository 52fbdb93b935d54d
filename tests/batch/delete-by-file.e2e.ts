// Bulk delete from a file (the Vietnamese document) as the administrator: the 1,000-row fixture, uploaded
// through the page's file input, deletes exactly the expected customers and reports exactly the expected
// rows with their reasons. Hostile files get a clear error and delete nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../harness/crm';
import { startScenario, type Scenario } from '../harness/scenario';
import writeXlsxFile from 'write-excel-file/node';
import { largeCustomerId, makeLargeSeed } from '../fixtures/seed-large';
import { fileOnDisk } from '../overlay/overlay-helpers';

const FIXTURE = new URL('../fixtures/phones-1000.csv', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../fixtures/phones-1000.expected.json', import.meta.url), 'utf8')) as {
  seedSize: number; deletedIds: string[]; errors: { row: number; problem: string }[];
};

describe('bulk delete from a file', () => {
  let s: Scenario;
  let page: Page;
  beforeAll(async () => {
    s = await startScenario({ seed: makeLargeSeed(expected.seedSize), token: 'tok-admin' });
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
    const host = new URL(s.crm.url).host;
    const confirm = dialog().locator('[data-crmx-confirm]');
    expect(await confirm.textContent()).toBe(`Delete ${expected.deletedIds.length} customers from ${host}`);
    await confirm.click();

    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 120_000 });
    expect(await job.locator('[data-crmx-percent]').textContent()).toBe('100%');
    expect(await job.locator('[data-crmx-done]').textContent()).toBe(`${expected.deletedIds.length} / 1000 done`);
    expect(await job.locator('[data-crmx-errors]').getAttribute('data-crmx-errors')).toBe(String(expected.errors.length));
    await job.getByRole('button', { name: '(Details)' }).click();
    const reported = await job.locator('[data-crmx-error-item]').evaluateAll((items) =>
      items.map((li) => ({ row: Number(li.getAttribute('data-crmx-error-item')!.replace('row ', '')), problem: li.getAttribute('data-crmx-error-code') })));
    expect(reported.sort((a, b) => a.row - b.row)).toEqual(expected.errors);

    const after = await listed();
    expect(after.total).toBe(expected.seedSize - expected.deletedIds.length);
    const left = new Set(after.ids);
    expect(expected.deletedIds.filter((id) => left.has(id))).toEqual([]);
    const audit = (await api<{ items: { customerId: string }[] }>(s.crm, 'tok-admin', '/audit?type=Batch%20Delete%20customer&limit=100000')).body.items;
    expect(audit.map((e) => e.customerId).sort()).toEqual(expected.deletedIds);
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
