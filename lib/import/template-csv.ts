// The CSV bulk-delete template (no spreadsheet library: the content script builds it itself).
import { TEMPLATE_HEADERS } from './columns';

export const TEMPLATE_EXAMPLE = ['0912 345 678', 'Nguyễn Văn A', ''] as const;

/** CSV with a UTF-8 BOM so Excel reads the Vietnamese headers right. */
export function templateCsv(): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `\uFEFF${[TEMPLATE_HEADERS, TEMPLATE_EXAMPLE].map((row) => row.map((cell) => quote(cell)).join(',')).join('\r\n')}\r\n`;
}

