// P5 in the browser: parse and match a 100,000-row phone file, CSV and XLSX, watching for long tasks.
import writeXlsxFile from 'write-excel-file/universal';
import { benchPhoneData, indexByPhone, matchPhoneRows } from '../../lib/import/match';
import { parsePhoneFile } from '../../lib/import/parse-file';

export async function importBench(rows: number) {
  const { rows: phoneRows, customers } = benchPhoneData(rows);
  const csv = `Phone,Name\n${phoneRows.map((r) => `${r.phone},Row ${r.row}`).join('\n')}\n`;
  const xlsxBlob = await writeXlsxFile([[{ value: 'Phone' }, { value: 'Name' }], ...phoneRows.map((r) => [{ value: r.phone, type: String }, { value: `Row ${r.row}` }])]).toBlob();
  const index = indexByPhone(customers, 'VN');
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  // Parsing runs in the page (long tasks watched); matching runs in the background worker in the
  // product (previewPhoneRows), so it is timed here but kept out of the page's long-task count.
  const run = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const before = longTasks.length;
    const start = performance.now();
    const parsed = await parsePhoneFile({ name: file.name, bytes });
    const parseMs = performance.now() - start;
    await new Promise((r) => setTimeout(r, 50));
    const pageLongest = Math.max(0, ...longTasks.slice(before));
    const matchStart = performance.now();
    matchPhoneRows(parsed.rows.map((r) => ({ row: r.row, phone: String(r.phone) })), index, 'VN');
    const matchMs = performance.now() - matchStart;
    await new Promise((r) => setTimeout(r, 50));
    return { ms: parseMs + matchMs, parseMs, matchMs, rows: parsed.rows.length, pageLongest };
  };
  const c = await run(new File([csv], 'phones.csv', { type: 'text/csv' }));
  const x = await run(new File([xlsxBlob], 'phones.xlsx'));
  observer.disconnect();
  return {
    csvMs: c.ms, csvRows: c.rows, csvLongest: c.pageLongest, csvParse: c.parseMs, csvMatch: c.matchMs,
    xlsxMs: x.ms, xlsxRows: x.rows, xlsxLongest: x.pageLongest, xlsxParse: x.parseMs, xlsxMatch: x.matchMs,
  };
}
