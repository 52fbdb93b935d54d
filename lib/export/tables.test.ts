// What an export holds, in each language: the UI's field names as headers, one row a customer or file row,
// people by name, dates in the one date format, results and reasons in words (never ids or codes).
import { describe, expect, it } from 'vitest';
import { sampleCustomer } from '../crm-client/test-data';
import type { JobItemError } from '../protocol/jobs';
import { inLanguage } from './language';
import { customersTable, fileErrorsTable, jobResultsTable, type JobOutcome } from './tables';

const AT = new Date(2026, 4, 1, 9, 30);
const people = { user: (id: string | null) => ({ 'u-ae': 'Bình AE', 'u-csr': 'Chi CSR' } as Record<string, string>)[id ?? ''] ?? null };
const c1 = sampleCustomer({ createdAt: new Date(2024, 0, 2, 3, 4).toISOString(), updatedAt: new Date(2024, 5, 7, 8, 9).toISOString() });
const c2 = sampleCustomer({ id: 'c-002', code: 'KH002', name: 'Lan', phone: '0912 345 678', email: '', aeId: null, csrId: 'u-gone', tags: [] });

describe('customersTable', () => {
  it.each([
    ['en', 'customers-2026-05-01', 'Customers',
      ['Customer', 'Customer code', 'Phone', 'Email', 'Source', 'Business field', 'Account executive', 'Customer service representative', 'Tags', 'Created', 'Updated'],
      ['Công ty An Phát', 'KH001', '+84901234567', 'contact@anphat.vn', 'Website', 'Logistics', 'Bình AE', 'Chi CSR', 'vip, north', '2 Jan 2024, 03:04', '7 Jun 2024, 08:09']],
    ['vi', 'khach-hang-2026-05-01', 'Khách hàng',
      ['Khách hàng', 'Mã khách hàng', 'Số điện thoại', 'Email', 'Nguồn khách', 'Lĩnh vực kinh doanh', 'Nhân viên phụ trách', 'Nhân viên hỗ trợ', 'Nhãn', 'Ngày tạo', 'Cập nhật'],
      ['Công ty An Phát', 'KH001', '+84901234567', 'contact@anphat.vn', 'Website', 'Logistics', 'Bình AE', 'Chi CSR', 'vip, north', '02/01/2024 03:04', '07/06/2024 08:09']],
  ] as const)('in %s: the UI\'s field names, people by name, dates in the one format', (language, name, sheet, headers, first) => {
    const table = inLanguage(language, () => customersTable([c1, c2], people, AT));
    expect(table.name).toBe(name);
    expect(table.sheet).toBe(sheet);
    expect(table.columns.map((c) => c.header)).toEqual(headers);
    expect(table.rows[0]).toEqual(first);
    // No AE, and a CSR the org no longer has: blank, never an id.
    expect(table.rows[1].slice(6, 9)).toEqual(['', '', '']);
    expect(table.rows).toHaveLength(2);
  });
});

describe('jobResultsTable', () => {
  const who = (id: string) => ({ a: { name: 'An', code: 'KH1', phone: '0901' }, b: { name: 'Bảo', code: 'KH2', phone: '0902' } } as Record<string, { name: string; code: string; phone: string }>)[id];
  const refused: JobItemError = { item: 'b', code: 'forbidden', message: 'You cannot edit', rule: 'edit-required', customer: { name: 'Bảo', code: 'KH2', phone: '0902' } };
  const failed: JobItemError = { item: 'c', code: 'network', message: 'fetch failed' };
  const job = (status: JobOutcome['status'], reached: string[]): JobOutcome => ({ status, asked: ['a', 'b', 'c', 'd'], reached: new Set(reached), errors: [refused, failed] });

  it.each([
    ['en', 'cancelled', ['a', 'b', 'c'], [
      ['An', 'KH1', '0901', 'Done', ''],
      ['Bảo', 'KH2', '0902', 'Refused', 'You need the right to edit this customer.'],
      ['A customer no longer in your list', '', '', 'Not done', 'The CRM cannot be reached.'],
      ['A customer no longer in your list', '', '', 'Skipped', 'The job was stopped before it reached this customer.'],
    ]],
    ['vi', 'cancelled', ['a', 'b', 'c'], [
      ['An', 'KH1', '0901', 'Đã xong', ''],
      ['Bảo', 'KH2', '0902', 'Bị từ chối', 'Bạn cần quyền sửa khách hàng này.'],
      ['Khách hàng không còn trong danh sách của bạn', '', '', 'Không thực hiện được', 'Không kết nối được CRM.'],
      ['Khách hàng không còn trong danh sách của bạn', '', '', 'Bỏ qua', 'Tác vụ đã dừng trước khi tới khách hàng này.'],
    ]],
  ] as const)('in %s, a %s job: done, refused with the rule in words, not done, skipped', (language, status, reached, expected) => {
    const table = inLanguage(language, () => jobResultsTable(job(status, [...reached]), who, AT));
    expect(table.rows).toHaveLength(4);
    table.rows.forEach((row, i) => {
      const want = expected[i];
      expect(row.slice(0, 4)).toEqual(want.slice(0, 4));
      expect(row[4]).toBe(want[4]);
      // Never the CRM's or the code's English in a reason.
      expect(String(row[4])).not.toMatch(/fetch failed|You cannot edit|forbidden|network/);
    });
    if (language === 'vi') expect(table.columns.map((c) => c.header)).toEqual(['Khách hàng', 'Mã khách hàng', 'Số điện thoại', 'Kết quả', 'Lý do']);
  });
});

describe('fileErrorsTable', () => {
  const errors: JobItemError[] = [
    { item: 'row 12', code: 'invalid', message: 'x: not a phone number', phone: 'abc' },
    { item: 'row 3', code: 'not_found', message: '0900: no customer has this phone number', phone: '0900 000 000' },
    { item: 'row 7', code: 'ambiguous', message: '…', phone: '0988', matches: [{ id: 'c-7', name: 'Hà', code: 'KH7' }, { id: 'c-8', name: 'Hải', code: 'KH8' }] },
  ];
  it.each([
    ['en', ['Row in the file', 'Phone number in the file', 'Reason'], 'file-delete-errors-2026-05-01'],
    ['vi', ['Dòng trong tệp', 'Số điện thoại trong tệp', 'Lý do'], 'loi-xoa-theo-tep-2026-05-01'],
  ] as const)('in %s: one row a file row, in the file\'s order, with the number it had and why', (language, headers, name) => {
    const table = inLanguage(language, () => fileErrorsTable(errors, AT));
    expect(table.name).toBe(name);
    expect(table.columns.map((c) => c.header)).toEqual(headers);
    expect(table.rows.map((r) => r.slice(0, 2))).toEqual([[3, '0900 000 000'], [7, '0988'], [12, 'abc']]);
    expect(table.rows[1][2]).toContain('Hà (KH7), Hải (KH8)');
    for (const row of table.rows) expect(row[2]).toMatch(/\S/);
  });
});

describe('inLanguage', () => {
  it('answers in the language asked while building, and leaves the current language as it was', async () => {
    const { currentLanguage } = await import('../i18n/index');
    const before = currentLanguage.value;
    const header = inLanguage('vi', () => customersTable([], people, AT).columns[0].header);
    expect(header).toBe('Khách hàng');
    expect(currentLanguage.value).toBe(before);
  });
});
