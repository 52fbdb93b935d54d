import { describe, expect, it } from 'vitest';
import { FileReadError } from './decode';
import { MAX_FILE_ROWS, parsePhoneFile } from './parse-file';
import writeXlsxFile from 'write-excel-file/universal';
import { normalizePhone } from './phone';
import { templateCsv, templateXlsx } from './template';

const utf8 = (text: string) => new TextEncoder().encode(text);
const noWait = async () => {};
const parse = (name: string, bytes: Uint8Array) => parsePhoneFile({ name, bytes }, noWait);

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function failure(promise: Promise<unknown>): Promise<FileReadError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FileReadError);
  return error as FileReadError;
}

describe('parsePhoneFile', () => {
  it.each([
    ['plain UTF-8', utf8('Phone,Name\n0912 345 678,An\n+84 912 345 679,Bình\n'), 'utf-8'],
    ['UTF-8 with BOM', utf8('\uFEFFSố điện thoại,Tên\r\n0912 345 678,An\r\n+84 912 345 679,Bình\r\n'), 'utf-8'],
    ['UTF-16 LE with BOM', utf16le('Số điện thoại;Tên\n0912 345 678;An\n+84 912 345 679;Bình\n', true), 'utf-16le'],
    ['tab-separated', utf8('Name\tPhone\nAn\t0912 345 678\nBình\t+84 912 345 679\n'), 'utf-8'],
    ['UTF-16 LE without BOM', utf16le('SDT,Ten\n0912 345 678,An\n+84 912 345 679,Binh\n', false), 'utf-16le'],
    // "Đức" in Windows-1258: Đ, ư, combining acute, c — not valid UTF-8.
    ['Windows-1258', new Uint8Array([...utf8('Phone,Name\n0912 345 678,'), 0xd0, 0xfd, 0xec, 0x63, ...utf8('\n+84 912 345 679,An\n')]), 'windows-1258'],
  ])('reads the phone column of %s', async (_label, bytes, encoding) => {
    const parsed = await parse('list.csv', bytes);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.rows).toEqual([{ row: 2, phone: '0912 345 678' }, { row: 3, phone: '+84 912 345 679' }]);
  });

  it('keeps formulas as text, numbers rows as the spreadsheet does (header = row 1) and skips blank lines', async () => {
    const parsed = await parse('x.csv', utf8('Name,Phone\nA,=cmd|\' /C calc\'!A0\n,\nB,"0912,345,678"\nC,\n'));
    expect(parsed.rows).toEqual([
      { row: 2, phone: '=cmd|\' /C calc\'!A0' },
      { row: 4, phone: '0912,345,678' },
      { row: 5, phone: '' },
    ]);
  });

  it.each([
    ['CSV', 'x.csv', async (rows: string[][]) => utf8(rows.map((r) => r.join(',')).join('\n'))],
    ['XLSX', 'x.xlsx', async (rows: string[][]) => new Uint8Array(await (await writeXlsxFile(rows.map((r) => r.map((value) => ({ value, type: String }))))
      .toBlob()).arrayBuffer())],
  ])('numbers %s rows as the spreadsheet shows them, blank rows above the header included', async (_label, name, make) => {
    const parsed = await parse(name, await make([['', ''], ['Phone', 'Name'], ['0912 345 678', 'A'], ['', ''], ['0912 345 679', 'B']]));
    expect(parsed.rows).toEqual([{ row: 3, phone: '0912 345 678' }, { row: 5, phone: '0912 345 679' }]);
  });

  it.each([
    ['this template\'s example', ['Ví dụ / Example: 09xx xxx xxx', 'Ví dụ / Example: Tên khách hàng', '']],
    ['the older template\'s example', ['0912 345 678', 'Nguyễn Văn A', '']],
    ['the older example with +84', ['+84 912 345 678', 'Nguyễn Văn A', '']],
  ])('flags %s as the sample row', async (_label, cells) => {
    const parsed = await parse('x.csv', utf8(`Số điện thoại,Tên,Ghi chú\n${cells.join(',')}\n0912 345 678,Trần Thị B,\n`));
    expect(parsed.rows).toEqual([{ row: 2, phone: cells[0], sample: true }, { row: 3, phone: '0912 345 678' }]);
  });

  it.each([
    ['empty file', 'a.csv', new Uint8Array(), 'empty'],
    ['header only', 'a.csv', utf8('Phone\n'), 'empty'],
    ['blank lines only', 'a.csv', utf8('\n\n  \n'), 'empty'],
    ['no phone column', 'a.csv', utf8('Name,Email\nAn,a@x\n'), 'no_phone_column'],
    ['a PDF', 'a.pdf', utf8('%PDF-1.4'), 'wrong_type'],
    ['an .xls', 'a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'wrong_type'],
    ['a fake .xlsx', 'a.xlsx', utf8('Phone\n1\n'), 'wrong_type'],
    ['binary in a .csv', 'a.csv', new Uint8Array([0x41, 0, 0, 0, 0x42, 0x43, 0, 1, 2, 0, 0, 0]), 'encoding'],
    ['a zip named .csv', 'a.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'wrong_type'],
    ['a broken .xlsx', 'a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'unreadable'],
  ])('refuses %s with a clear error', async (_label, name, bytes, code) => {
    const error = await failure(parse(name, bytes));
    expect(error.code).toBe(code);
    expect(error.message).toContain(name);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const error = await failure(parse('big.csv', new Uint8Array(20 * 1024 * 1024 + 1)));
    expect(error.code).toBe('too_large');
  });

  it('refuses more than 200,000 rows, and yields to the page between chunks', async () => {
    let yields = 0;
    const text = `Phone\n${'0912345678\n'.repeat(MAX_FILE_ROWS + 1)}`;
    const error = await parsePhoneFile({ name: 'many.csv', bytes: utf8(text) }, async () => void yields++).then(() => null, (e: unknown) => e);
    expect((error as FileReadError).code).toBe('too_many_rows');
    expect(yields).toBeGreaterThan(5);
  });

  it('reads 200,000 rows', async () => {
    const parsed = await parse('ok.csv', utf8(`Phone\n${'0912345678\n'.repeat(MAX_FILE_ROWS)}`));
    expect(parsed.rows).toHaveLength(MAX_FILE_ROWS);
    expect(parsed.rows.at(-1)).toEqual({ row: MAX_FILE_ROWS + 1, phone: '0912345678' });
  });

  it('reads its own templates back (CSV and XLSX): the example row is flagged and holds no phone number', async () => {
    const csv = await parse('template.csv', utf8(templateCsv()));
    expect(csv.rows).toEqual([{ row: 2, phone: 'Ví dụ / Example: 09xx xxx xxx', sample: true }]);
    expect(normalizePhone(csv.rows[0].phone).ok).toBe(false);
    const xlsx = await parse('template.xlsx', new Uint8Array(await (await templateXlsx()).arrayBuffer()));
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.rows).toEqual(csv.rows);
  });
});

describe('base64 transport', () => {
  it.each([0, 1, 2, 3, 24576 * 32 + 1, 24576 * 64 + 2])('round-trips %i bytes', async (n) => {
    const { fromBase64, toBase64 } = await import('./base64');
    const bytes = new Uint8Array(n).map((_, i) => (i * 7919) & 0xff);
    const text = await toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64(text)).equals(Buffer.from(bytes))).toBe(true);
  });
});
