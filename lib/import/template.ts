// The bulk-delete template, as CSV and as XLSX: the phone column is the key, the others optional.
import writeXlsxFile from 'write-excel-file/universal';
import { TEMPLATE_HEADERS } from './columns';
import { TEMPLATE_EXAMPLE } from './template-csv';

export { templateCsv } from './template-csv';

export async function templateXlsx(): Promise<Blob> {
  const header = TEMPLATE_HEADERS.map((value) => ({ value, fontWeight: 'bold' as const }));
  // The phone cell is text, so a spreadsheet keeps its leading zero.
  const example = TEMPLATE_EXAMPLE.map((value) => ({ value, type: String }));
  return writeXlsxFile([header, example], { columns: [{ width: 28 }, { width: 30 }, { width: 30 }] }).toBlob();
}
