// P6: gzipped size of each bundle of the Chrome build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figure';

const BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');
/** What entrypoints/crm-page/ builds to: the script the background registers for the CRM's pages. */
const PAGE_SCRIPT = 'crm-page.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function bundleSizes(): { file: string; raw: number; gzip: number }[] {
  return files(BUILD)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: relative(BUILD, f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

export function sizeFigures(): Figure[] {
  const sizes = bundleSizes();
  const isPageScript = (file: string) => file === PAGE_SCRIPT;
  const content = sizes.filter((s) => isPageScript(s.file)).reduce((sum, s) => sum + s.gzip, 0);
  const others = sizes.filter((s) => !isPageScript(s.file));
  return [
    {
      id: 'P6', name: 'content script, gzipped', value: content / 1024, unit: 'KB', target: '≤ 40 KB', met: content / 1024 <= 40,
      notes: others.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join('; '),
    },
  ];
}
