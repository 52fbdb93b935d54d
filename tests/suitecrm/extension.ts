// The extension the SuiteCRM suite loads into Chromium: built once per run by the global setup, as the e2e
// setup builds it (tests/harness/global-setup.ts: the production build users get), but into the suite's own
// folder, so an e2e run rebuilding .output meanwhile never changes the extension under a SuiteCRM test.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/** Builds the Chrome MV3 extension under `outDir` and returns the folder to load. */
export function buildExtension(outDir: string): string {
  rmSync(outDir, { recursive: true, force: true });
  // wxt's own build with its config (wxt.config.ts), only the output folder changed; NODE_ENV=production and
  // the loopback origins granted (SuiteCRM runs on 127.0.0.1) as the e2e setup does (vitest's NODE_ENV=test
  // would keep the libraries' development code).
  const script = `import('wxt').then((wxt) => wxt.build({ outDir: ${JSON.stringify(outDir)} }))`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', CRMX_LOOPBACK: '1' },
  });
  return join(outDir, 'chrome-mv3');
}
