// An uploaded bulk-delete file (CSV or XLSX) → its rows' phone cells, as written. Large files are read
// in chunks that give the page back between them, so parsing never freezes it.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { phoneColumnIndex } from './columns';
import { isTemplateSample } from './template-csv';
import { decodeText, FileReadError, type TextEncodingName } from './decode';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_ROWS = 200_000;
const CSV_CHUNK_BYTES = 256 * 1024;
/** The protocol carries at most this much of a cell; longer ones are not phone numbers anyway. */
const MAX_CELL = 100;

export interface FileRow {
  /** The spreadsheet's own row number: the header is row 1 when it is the first row, the first data row 2. */
  row: number;
  phone: string;
  /** The template's example row, left in: flagged, never a delete target. */
  sample?: true;
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  rows: FileRow[];
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function fileFormat(file: UploadedFile): 'csv' | 'xlsx' {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' && isZip(file.bytes)) return 'xlsx';
  if (ext === 'xlsx') throw new FileReadError('wrong_type', `"${file.name}" is named .xlsx but is not an Excel workbook.`);
  if (ext === 'xls' || isOle(file.bytes)) throw new FileReadError('wrong_type', `"${file.name}" is an old Excel (.xls) file: save it as .xlsx or CSV.`);
  if (ext === 'csv' || ext === 'txt') {
    if (isZip(file.bytes)) throw new FileReadError('wrong_type', `"${file.name}" is named .${ext} but is a zip/Excel file: name it .xlsx.`);
    return 'csv';
  }
  throw new FileReadError('wrong_type', `"${file.name}" is not a CSV or XLSX file.`);
}

export async function parsePhoneFile(file: UploadedFile, yieldToPage: () => Promise<void> = nextTask): Promise<ParsedFile> {
  if (file.bytes.length === 0) throw new FileReadError('empty', `"${file.name}" is empty.`);
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new FileReadError('too_large', `"${file.name}" is ${(file.bytes.length / 1048576).toFixed(1)} MB; the limit is 20 MB.`);
  }
  const format = fileFormat(file);
  if (format === 'xlsx') return { format, encoding: null, rows: await xlsxRows(file) };
  let decoded;
  try {
    decoded = decodeText(file.bytes);
  } catch (error) {
    if (error instanceof FileReadError) throw new FileReadError(error.code, `"${file.name}": ${error.message}`);
    throw error;
  }
  const { text, encoding } = decoded;
  return { format, encoding, rows: await csvRows(file.name, text, yieldToPage) };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Collects rows under the header: finds the phone column, skips blank lines, enforces the row limit. */
function rowCollector(fileName: string) {
  let column = -1;
  let headerSeen = false;
  /** Every row counts, blank ones included, so the numbers are the ones the spreadsheet shows. */
  let line = 0;
  const rows: FileRow[] = [];
  return {
    rows,
    add(cells: readonly unknown[]): void {
      line++;
      if (!headerSeen) {
        if (cells.every((c) => String(c ?? '').trim() === '')) return;
        headerSeen = true;
        column = phoneColumnIndex(cells);
        if (column < 0) {
          throw new FileReadError('no_phone_column', `"${fileName}" has no phone number column: its first row must name one (e.g. "Số điện thoại" or "Phone").`);
        }
        return;
      }
      if (cells.every((c) => String(c ?? '').trim() === '')) return;
      if (rows.length >= MAX_FILE_ROWS) {
        throw new FileReadError('too_many_rows', `"${fileName}" has more than ${MAX_FILE_ROWS.toLocaleString('en')} rows; split it into smaller files.`);
      }
      const phone = String(cells[column] ?? '').trim().slice(0, MAX_CELL);
      rows.push(isTemplateSample(cells, column) ? { row: line, phone, sample: true } : { row: line, phone });
    },
    finish(): FileRow[] {
      if (!headerSeen) throw new FileReadError('empty', `"${fileName}" has no rows.`);
      if (rows.length === 0) throw new FileReadError('empty', `"${fileName}" has a header but no rows under it.`);
      return rows;
    },
  };
}

/** The separator of the header line: comma, semicolon (European Excel) or tab, whichever it uses most. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 4096).split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function csvRows(fileName: string, text: string, yieldToPage: () => Promise<void>): Promise<FileRow[]> {
  const collector = rowCollector(fileName);
  return new Promise((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(text, {
      chunkSize: CSV_CHUNK_BYTES,
      delimiter: guessDelimiter(text),
      skipEmptyLines: false,
      // Cells are data, never formulas: nothing here evaluates them.
      dynamicTyping: false,
      chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          for (const cells of result.data) collector.add(cells);
        } catch (error) {
          failed = true;
          parser.abort();
          reject(error);
          return;
        }
        parser.pause();
        void yieldToPage().then(() => parser.resume());
      },
      complete() {
        if (failed) return;
        try {
          resolve(collector.finish());
        } catch (error) {
          reject(error);
        }
      },
    });
  });
}

async function xlsxRows(file: UploadedFile): Promise<FileRow[]> {
  let data: unknown[][];
  try {
    const buffer = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer)) as unknown[][];
  } catch (error) {
    throw new FileReadError('unreadable', `"${file.name}" could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  const collector = rowCollector(file.name);
  for (const cells of data) collector.add(cells);
  return collector.finish();
}
