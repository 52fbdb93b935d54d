// Bulk delete from a file of phone numbers on SuiteCRM's Accounts list, as the CRM's administrator (crmAdmin):
// the template's CSV (its example row left in) and an XLSX uploaded through the overlay's file input; the
// preview's counts, a number two accounts share listed with both unticked; the job's figures and the rows not
// deleted with the spreadsheet's row numbers. SuiteCRM afterwards: exactly the chosen accounts deleted (SQL's
// flag, V8, SuiteCRM's own list), one "[CRM overlay] Delete customer" Note each naming the file's row and
// number, every other account untouched. An account that gets a row's number after the preview makes that row
// "ambiguous" at SuiteCRM, naming both.
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { templateCsv } from '../../lib/import/template-csv';
import { decodeEntities } from '../../lib/crm-client/suitecrm/v8';
import { fileOnDisk } from '../overlay/overlay-helpers';
import { accountsWhere, env, v8 } from './helpers';
import { LIST_URL, overlayNotes, row, rows, startOverlay, type Overlay } from './overlay-helpers';
import type { SeedAccount } from './seed';

const host = new URL(env.crm.url).host;
const byCode = (code: string): SeedAccount => accountsWhere((a) => a.code === code)[0];
const deletedFlag = (id: string) => sql(env.crm, `SELECT deleted FROM accounts WHERE id = '${id}'`)[0]?.[0];
const liveSeeded = () => Number(sql(env.crm, `SELECT COUNT(*) FROM accounts WHERE deleted = 0 AND name LIKE 'CRMX %${env.seed.tag}'`)[0]?.[0]);
const deleteNotes = async (id: string) => (await overlayNotes(id)).filter((n) => n.name === '[CRM overlay] Delete customer');
/** "+84 28 31…" as people write it at home: "028 3…". */
const local = (phone: string) => `0${phone.replace(/\D/g, '').slice(2).replace(/^(\d{2})(\d{4})/, '$1 $2 ')}`;

async function setPhone(id: string, phone: string): Promise<void> {
  const r = await v8('admin', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id, attributes: { phone_office: phone } } });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBeLessThan(300);
}

// CRMX 0011–0019 but the pooled 0015: one page of SuiteCRM's list when searched for "CRMX 001".
const A1 = byCode('CRMX0011'); // matched, the file writes it the local way (and again later: a duplicate row)
const A2 = byCode('CRMX0012'); // matched, written as SuiteCRM holds it
const A3 = byCode('CRMX0013'); // matched in the preview; B gets its number before the job runs
const B = byCode('CRMX0014');
const T1 = byCode('CRMX0016'); // T1 and T2 share a number: the user ticks T2 only
const T2 = byCode('CRMX0017');
const X = byCode('CRMX0018'); // has the older template's example number
const Y = byCode('CRMX0019'); // the XLSX's
const OLD_EXAMPLE = '0912 345 678';

describe('bulk delete from a file on SuiteCRM', () => {
  let o: Overlay;
  let page: Page;
  beforeAll(async () => {
    // Before the overlay's first sync: its cache (the preview's matching) knows these numbers.
    await setPhone(T2.id, T1.phone);
    await setPhone(X.id, OLD_EXAMPLE);
    o = await startOverlay('crmAdmin');
  });
  afterAll(async () => o?.close());

  const dialog = () => page.locator('[data-crmx-dialog=delete-by-file]');
  const count = (name: string) => dialog().locator(`[data-crmx-count=${name}]`).textContent();

  it('deletes the matched and the ticked accounts of the template\'s CSV, reports every other row with its reason, and SuiteCRM holds exactly that', async () => {
    const before = liveSeeded();
    // The template as downloaded (its example row left in), then the rows: the spreadsheet's row numbers.
    const csv = templateCsv() + [
      `${local(A1.phone)},A1`, // 3
      `${A2.phone},A2`, // 4
      '0909 000 111,Nobody', // 5: a valid number no account has
      'call me,Typo', // 6
      `+84${local(A1.phone).replace(/\D/g, '').slice(1)},A1 again`, // 7: the same number as row 3
      `${T1.phone},Twins`, // 8
      `${OLD_EXAMPLE},Nguyễn Văn A`, // 9: the older template's example row
      `${A3.phone},A3`, // 10
      '=HYPERLINK("http://x"),Formula', // 11
    ].join('\r\n') + '\r\n';
    page = await o.openAccounts('CRMX 001');
    await page.locator('[data-crmx-delete-file]').click();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('xoa-khach.csv', csv));
    await dialog().locator('[data-crmx-preview]').waitFor({ timeout: 30_000 });
    expect(await count('read')).toBe('10');
    expect(await count('matched')).toBe('3');
    expect(await count('ambiguous')).toBe('1');
    expect(await count('notFound')).toBe('1');
    expect(await count('duplicates')).toBe('1');
    expect(await count('invalid')).toBe('2');
    expect(await count('samples')).toBe('2');
    expect(await dialog().locator('[data-crmx-sample-rows]').getAttribute('data-crmx-sample-rows')).toBe('2 9');
    expect(await dialog().locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target'))))
      .toEqual([A1.id, A2.id, A3.id]);
    // The shared number: both accounts named with their codes, neither ticked.
    const twins = dialog().locator('[data-crmx-ambiguous-row="8"]');
    for (const t of [T1, T2]) {
      expect(await twins.textContent()).toContain(t.name);
      expect(await twins.textContent()).toContain(t.code);
    }
    const boxes = twins.locator('input[type=checkbox]');
    expect(await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked))).toEqual([false, false]);
    const confirm = dialog().locator('[data-crmx-confirm]');
    expect(await confirm.textContent()).toBe(`Delete 3 customers from ${host}`);
    await twins.locator(`[data-crmx-choose="${T2.id}"]`).click();
    await dialog().locator('[data-crmx-confirm]', { hasText: `Delete 4 customers from ${host}` }).waitFor();

    // After the preview, B gets A3's number in SuiteCRM (written the local way): SuiteCRM now has two accounts with it.
    await setPhone(B.id, local(A3.phone));
    await confirm.click();

    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 60_000 });
    // Requested: 10 rows (row 8 counts its ticked account); deleted: A1, A2, T2.
    expect(await job.locator('[data-crmx-figures]').textContent()).toBe('30% · 3/10 · Errors 7 (Details)');
    await job.getByRole('button', { name: '(Details)' }).click();
    const reported = await job.locator('[data-crmx-error-item]').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-crmx-error-row'), li.getAttribute('data-crmx-error-code')]));
    expect(reported).toEqual([['2', 'sample'], ['5', 'not_found'], ['6', 'invalid'], ['7', 'duplicate'], ['9', 'sample'], ['10', 'ambiguous'], ['11', 'invalid']]);
    const row10 = (await job.locator('[data-crmx-error-row="10"]').textContent())!;
    expect(row10).toMatch(/^row 10 “.*”: /);
    for (const t of [A3, B]) {
      expect(row10).toContain(t.name);
      expect(row10).toContain(t.code);
    }

    // SuiteCRM: exactly the three deleted, each with one Note naming the file's row and number.
    const deleted: [SeedAccount, number, string][] = [[A1, 3, local(A1.phone)], [A2, 4, A2.phone], [T2, 8, T1.phone]];
    for (const [a, line, phone] of deleted) {
      expect(deletedFlag(a.id), a.name).toBe('1');
      expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status, a.name).not.toBe(200);
      const notes = await deleteNotes(a.id);
      expect(notes, a.name).toHaveLength(1);
      expect(JSON.parse(decodeEntities(notes[0].description)).details).toBe(`File "xoa-khach.csv", row ${line}, phone ${phone}`);
    }
    expect(liveSeeded()).toBe(before - 3);
    for (const a of [A3, B, T1, X, Y]) {
      expect(deletedFlag(a.id), a.name).toBe('0');
      expect(await deleteNotes(a.id), a.name).toEqual([]);
    }
    // SuiteCRM's own list no longer shows the deleted ones; the others are there.
    const list = await o.browser.context.newPage();
    await list.goto(`${LIST_URL}&searchFormTab=basic_search&query=true&name_basic=${encodeURIComponent('CRMX 001')}`);
    await rows(list).first().waitFor();
    for (const a of [A1, A2, T2]) expect(await row(list, a.id).count(), a.name).toBe(0);
    for (const a of [A3, B, T1, X, Y]) expect(await row(list, a.id).count(), a.name).toBe(1);
    await list.close();
    await page.close();
  });

  it('reads an XLSX whose phone cell a spreadsheet stored as a number (leading zero dropped) and deletes its account', async () => {
    const before = liveSeeded();
    const dropped = Number(Y.phone.replace(/\D/g, '').slice(2)); // "+84 28 3…" kept by a spreadsheet as 283…
    const xlsx = await writeXlsxFile([
      [{ value: 'Phone' }, { value: 'Name' }],
      [{ value: dropped, type: Number }, { value: 'Y' }],
      [{ value: '0909 000 222', type: String }, { value: 'Nobody' }],
    ]).toBuffer();
    page = await o.openAccounts('CRMX 001');
    await page.locator('[data-crmx-delete-file]').click();
    await dialog().locator('input[type=file]').setInputFiles(fileOnDisk('so.xlsx', xlsx));
    await dialog().locator('[data-crmx-preview]').waitFor({ timeout: 30_000 });
    expect(await count('matched')).toBe('1');
    expect(await count('notFound')).toBe('1');
    expect(await dialog().locator('[data-crmx-target]').evaluateAll((li) => li.map((x) => x.getAttribute('data-crmx-target')))).toEqual([Y.id]);
    await dialog().locator('[data-crmx-confirm]', { hasText: `Delete 1 customer` }).click();
    const job = dialog().locator('[data-crmx-job][data-crmx-job-status=done]');
    await job.waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-crmx-figures]').textContent()).toBe('50% · 1/2 · Errors 1 (Details)');
    expect(deletedFlag(Y.id)).toBe('1');
    expect(liveSeeded()).toBe(before - 1);
    const notes = await deleteNotes(Y.id);
    expect(notes).toHaveLength(1);
    expect(JSON.parse(decodeEntities(notes[0].description)).details).toBe(`File "so.xlsx", row 2, phone ${dropped}`);
    await page.close();
  });
});
