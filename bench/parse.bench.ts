// What bundling the dialogs into the content script would cost each CRM page load: the content script
// is read from disk, so it pays parse time, not transfer. Compiles the built scripts in a Chromium page,
// split (the content script alone, as today) and bundled (the content script and the dialogs' script
// together: what bundling would add, give or take the few small modules both carry), and prints the
// median time of `new Function(source)` (V8's parse of the top level and pre-parse of every function;
// the bodies compile when first called, so the dialogs' bodies would not be compiled until used),
// with the gzipped sizes. `npx tsx bench/parse.bench.ts` after a build (`npx wxt build`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../scripts/browser-path';
import { median } from './figure';

const BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');
const ROUNDS = 21;
/** Compiles a sample times over: one compile is near the page clock's resolution (0.1 ms). */
const COMPILES = 10;

const page = readFileSync(resolve(BUILD, 'crm-page.js'), 'utf8');
const dialogs = readFileSync(resolve(BUILD, 'crm-dialogs.js'), 'utf8');
const variants = { split: page, bundled: `${page}\n${dialogs}`, 'dialogs alone': dialogs };

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage();
  await tab.goto('about:blank');
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  // Rounds interleave the variants so that a busy moment on the machine touches all of them; each source
  // gets a unique comment, so V8's compilation cache never answers instead of the parser.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, source] of Object.entries(variants)) {
      times[name].push(await tab.evaluate(([src, tag, compiles]) => {
        const texts = Array.from({ length: compiles }, (_, i) => `${src}\n//${tag}-${i}`);
        const start = performance.now();
        for (const text of texts) void new Function(text);
        return (performance.now() - start) / compiles;
      }, [source, `${name}-${round}`, COMPILES] as const));
    }
  }
  for (const [name, source] of Object.entries(variants)) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`${name.padEnd(14)} ${kb(source.length).padStart(9)} raw ${kb(gzipSync(source, { level: 9 }).length).padStart(8)} gzipped   parse ${median(times[name]).toFixed(2)} ms median (${ROUNDS} rounds of ${COMPILES})`);
  }
} finally {
  await browser.close();
}
