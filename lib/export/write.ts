// An export table as a file: CSV (papaparse) or XLSX (write-excel-file), the writers the import side's
// template already uses. Pure; runs in the background.
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import type { ExportTable } from './tables';

export type ExportFormat = 'csv' | 'xlsx';

export const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, or a tab or return first) gets a leading
 * apostrophe. papaparse's own pattern stops at a line break (`.*$`), so a cell with one would slip through.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV with a UTF-8 BOM (Excel then reads Vietnamese right) and Windows line ends. */
export function toCsv(table: ExportTable): string {
  const csv = Papa.unparse({ fields: table.columns.map((c) => c.header), data: table.rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

/** One sheet: bold headers, text cells kept as text (a phone keeps its leading zero), numbers as numbers. */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const header = table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows = table.rows.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String })));
  const blob = await writeXlsxFile([header, ...rows], {
    sheet: table.sheet.slice(0, 31),
    columns: table.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export async function writeTable(table: ExportTable, format: ExportFormat): Promise<Uint8Array> {
  return format === 'csv' ? new TextEncoder().encode(toCsv(table)) : toXlsx(table);
}
