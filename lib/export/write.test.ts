// The files themselves: CSV with a BOM and formulas defused, read back as the same table; XLSX read back
// with read-excel-file as the same cells, its sheet named, a phone kept as text.
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './tables';
import { toCsv, toXlsx, writeTable } from './write';

/** What read-excel-file takes: the bytes' own ArrayBuffer. */
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const table = (rows: ExportTable['rows']): ExportTable => ({
  name: 'khach-hang-2026-05-01', sheet: 'Khách hàng',
  columns: [{ header: 'Khách hàng', width: 20 }, { header: 'Số điện thoại', width: 16 }, { header: 'Dòng', width: 6 }],
  rows,
});

describe('toCsv', () => {
  it.each([
    ['a formula', '=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['a plus', '+84 90 123 4567', '\'+84 90 123 4567'],
    ['a minus', '-2+3', '\'-2+3'],
    ['an at', '@SUM(A1)', '\'@SUM(A1)'],
    ['a tab first', '\t=1', '\'\t=1'],
    ['a formula with a line break after it', '=1+1\nsecond line', '\'=1+1\nsecond line'],
    ['plain text', 'Công ty An Phát, "ABC"', 'Công ty An Phát, "ABC"'],
    ['a leading zero', '0912 345 678', '0912 345 678'],
    ['an equals later on', 'a=b', 'a=b'],
  ])('writes %s so that a spreadsheet reads it as text', (_label, cell, read) => {
    const csv = toCsv(table([[cell, '0912', 3]]));
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['Khách hàng', 'Số điện thoại', 'Dòng'], [read, '0912', '3']]);
  });

  it('starts with a UTF-8 BOM and ends its lines with CRLF', () => {
    const csv = toCsv(table([['Lan', '0912', 2]]));
    expect(csv.startsWith('\uFEFFKhách hàng,')).toBe(true);
    expect(csv).toBe('\uFEFFKhách hàng,Số điện thoại,Dòng\r\nLan,0912,2\r\n');
  });

  it('encodes as UTF-8 bytes with the BOM first', async () => {
    const bytes = await writeTable(table([['Lan', '0912', 2]]), 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('toXlsx', () => {
  it.each([
    ['Vietnamese text and a leading zero', ['Công ty An Phát', '0912 345 678', 2]],
    ['a formula-looking text (stored as text, not a formula)', ['=1+1', '+84 90', 3]],
    ['empty cells', ['', '', 4]],
  ] as const)('reads back %s as written', async (_label, row) => {
    const bytes = await toXlsx(table([[...row]]));
    const [sheet] = await readXlsxFile(buffer(bytes));
    expect(sheet.sheet).toBe('Khách hàng');
    const cells = sheet.data.map((r) => r.map((c) => c ?? ''));
    expect(cells).toEqual([['Khách hàng', 'Số điện thoại', 'Dòng'], [...row]]);
  });

  it('keeps many rows in order', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`Khách ${i}`, `09${String(i).padStart(8, '0')}`, i + 2]);
    const [sheet] = await readXlsxFile(buffer(await toXlsx(table(rows))));
    expect(sheet.data.slice(1)).toEqual(rows);
  });
});
