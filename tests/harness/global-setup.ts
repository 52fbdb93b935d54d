// Builds the extension once before the end-to-end tests and checks that a browser exists.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromiumPath } from '../../scripts/chromium-path';

export default function setup(): void {
  chromiumPath(); // throws with a message that says what to do when there is no browser
  if (process.env.CRMX_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '../..') });
}
