// Builds the extension (Chrome MV3 and Firefox MV2) once before the end-to-end tests and checks that the browsers exist.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromiumPath, firefoxPath } from '../../scripts/browser-path';

export default function setup(): void {
  // Both throw with a message that says what to do when the browser is missing.
  chromiumPath();
  firefoxPath();
  if (process.env.CRMX_SKIP_BUILD === '1') return;
  const wxt = resolve('node_modules/wxt/bin/wxt.mjs');
  const cwd = resolve(import.meta.dirname, '../..');
  // The build users get: vitest sets NODE_ENV=test, which would keep the libraries' development code. Only its
  // manifest also grants the reference CRM's loopback origins (CRMX_LOOPBACK, build/manifest.ts): connecting to
  // the reference CRM then needs no permission prompt, which a test browser cannot answer.
  const env = { ...process.env, NODE_ENV: 'production', CRMX_LOOPBACK: '1' };
  execFileSync(process.execPath, [wxt, 'build'], { stdio: 'inherit', cwd, env });
  execFileSync(process.execPath, [wxt, 'build', '-b', 'firefox'], { stdio: 'inherit', cwd, env });
}
