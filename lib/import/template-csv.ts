// The CSV bulk-delete template (no spreadsheet library: the content script builds it itself), and how a
// file's row is known to be the template's example row: that row must never delete anyone.
import { TEMPLATE_HEADERS } from './columns';

/** Says it is an example in both languages and holds no number that could be anyone's. */
export const TEMPLATE_EXAMPLE = [
  'Ví dụ / Example: 09xx xxx xxx',
  'Ví dụ / Example: Tên khách hàng',
  'Xóa dòng ví dụ này / Delete this example row',
] as const;

/** The example row of templates downloaded before it said so: a number that looks real. */
const OLD_EXAMPLE = { digits: '0912345678', name: 'Nguyễn Văn A' };

const EXAMPLE_MARK = /^\s*(ví dụ|vi du|example)(?![a-z])/i;

/** True for a row that is the template's example (this template's, or the older one's with its made-up number). */
export function isTemplateSample(cells: readonly unknown[], phoneColumn: number): boolean {
  const text = cells.map((cell) => String(cell ?? '').trim().normalize('NFC'));
  if (EXAMPLE_MARK.test(text[phoneColumn] ?? '')) return true;
  const digits = (text[phoneColumn] ?? '').replace(/\D/g, '').replace(/^84/, '0');
  return digits === OLD_EXAMPLE.digits && text.some((cell) => cell === OLD_EXAMPLE.name);
}

/** CSV with a UTF-8 BOM so Excel reads the Vietnamese headers right. */
export function templateCsv(): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `\uFEFF${[TEMPLATE_HEADERS, TEMPLATE_EXAMPLE].map((row) => row.map((cell) => quote(cell)).join(',')).join('\r\n')}\r\n`;
}
