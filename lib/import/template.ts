// The bulk-delete template, as CSV and as XLSX: the phone column is the key, the others optional.
import writeXlsxFile from 'write-excel-file/universal';
import { TEMPLATE_HEADERS } from './columns';

const EXAMPLE = ['0912 345 678', 'Nguyễn Văn A', ''];

/** CSV with a UTF-8 BOM so Excel reads the Vietnamese headers right. */
export function templateCsv(): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `\uFEFF${[TEMPLATE_HEADERS, EXAMPLE].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

export async function templateXlsx(): Promise<Blob> {
  const header = TEMPLATE_HEADERS.map((value) => ({ value, fontWeight: 'bold' as const }));
  // The phone cell is text, so a spreadsheet keeps its leading zero.
  const example = EXAMPLE.map((value) => ({ value, type: String }));
  return writeXlsxFile([header, example], { columns: [{ width: 28 }, { width: 30 }, { width: 30 }] }).toBlob();
}
