// P3, P4, P5: the extension's store and import code bundled into a page and measured in Chromium.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../scripts/browser-path';
import type { Figure } from './figure';

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'browser/entry.ts')], bundle: true, write: false, format: 'esm', platform: 'browser',
    target: 'chrome120', minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

export async function runBrowserBench(sizes: { customers: number; logs: number; phoneRows: number }): Promise<Figure[]> {
  const js = await bundle();
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  // A profile on disk, as the extension's IndexedDB is: a plain browser.newPage() is an off-the-record
  // context whose in-memory IndexedDB crawls (and grows the browser process) at a million rows.
  const profile = mkdtempSync(join(tmpdir(), 'crmx-bench-idb-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title === 'bench ready');
    type Store = { writeRateExt: number; writeRateRaw: number; timelineExt: number; timelineRaw: number; firstTimeline: number; rows: number; logs: number };
    type Imp = Record<'csvMs' | 'csvRows' | 'csvLongest' | 'csvParse' | 'csvMatch' | 'xlsxMs' | 'xlsxRows' | 'xlsxLongest' | 'xlsxParse' | 'xlsxMatch', number>;
    // page.evaluate has no timeout of its own: a stuck run fails with a message instead of hanging.
    const within = <T>(what: string, run: Promise<T>) => Promise.race([run, new Promise<never>((_, fail) => {
      const timer = setTimeout(() => fail(new Error(`${what} did not finish within 20 minutes`)), 20 * 60_000);
      timer.unref();
    })]);
    const s = await within('the store benchmark', page.evaluate(([c, l]) => (window as unknown as { bench: { storeBench(c: number, l: number): Promise<Store> } }).bench.storeBench(c, l), [sizes.customers, sizes.logs] as const));
    const i = await within('the import benchmark', page.evaluate((n) => (window as unknown as { bench: { importBench(n: number): Promise<Imp> } }).bench.importBench(n), sizes.phoneRows));
    const k = (n: number) => n.toLocaleString('en');
    return [
      {
        id: 'P3', name: `timeline, newest 100 of a ${k(s.logs)}-entry cache`, value: s.timelineExt, unit: 'ms',
        baseline: { name: 'raw IndexedDB', value: s.timelineRaw }, ratio: s.timelineExt / s.timelineRaw,
        target: '≤ 1.5×, first ≤ 50 ms', met: s.timelineExt / s.timelineRaw <= 1.5 && s.firstTimeline <= 50,
        notes: `median of 25 customers; first (cold) query ${s.firstTimeline.toFixed(1)} ms`,
      },
      {
        id: 'P4', name: `first-sync write rate (${k(sizes.customers)} customers + ${k(s.logs)} logs)`, value: s.writeRateExt, unit: 'rows/s',
        baseline: { name: 'raw IndexedDB', value: s.writeRateRaw }, ratio: s.writeRateExt / s.writeRateRaw, target: '≥ 0.5×', met: s.writeRateExt / s.writeRateRaw >= 0.5,
      },
      {
        id: 'P5', name: `parse + match ${k(i.csvRows)}-row CSV`, value: i.csvMs, unit: 'ms', target: '≈ 1 s, no long task',
        met: i.csvMs <= 1500, notes: `parse ${i.csvParse.toFixed(0)} ms + match ${i.csvMatch.toFixed(0)} ms; both run in the background worker (previewPhoneFile), the page only reads the file; parsed on a page instead, the longest task would be ${i.csvLongest.toFixed(0)} ms`,
      },
      {
        id: 'P5b', name: `parse + match ${k(i.xlsxRows)}-row XLSX`, value: i.xlsxMs, unit: 'ms', target: '≈ 3 s, no long task',
        met: i.xlsxMs <= 4000, notes: `parse ${i.xlsxParse.toFixed(0)} ms + match ${i.xlsxMatch.toFixed(0)} ms; both run in the background worker (previewPhoneFile), the page only reads the file; parsed on a page instead, the longest task would be ${i.xlsxLongest.toFixed(0)} ms`,
      },
    ];
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
