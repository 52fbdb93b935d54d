// `npm start`: the reference CRM with demo data, the extension built and loaded in Chromium on the
// customer page, already connected as the demo manager.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { signInWithToken } from '../reference-crm/sign-in-client';
import { chromiumPath } from './browser-path';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const PORT = process.env.CRM_PORT ?? '8787';
const TOKEN = process.env.CRMX_DEMO_TOKEN ?? 'demo-manager';
const url = `http://127.0.0.1:${PORT}`;

// The demo's CRM is on loopback: this build grants it at install (CRMX_LOOPBACK, build/manifest.ts), as the tests' does.
execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, CRMX_LOOPBACK: '1' },
});

// The demo org is for trying things out: its sign-in page also lets anyone pick a demo user, without a credential.
const crmArgs = ['--import', 'tsx', join(ROOT, 'reference-crm/main.ts'), '--port', PORT, '--demo-sign-in'];
const crm = spawn(process.execPath, crmArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((ready, fail) => {
  let out = '';
  crm.stdout!.on('data', (c: Buffer) => {
    process.stdout.write(c);
    out += c.toString();
    if (out.includes('CRM listening on')) ready();
  });
  crm.once('exit', (code) => fail(new Error(`The reference CRM exited (${code})`)));
});

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`\nNo display here, so no browser window is opened.
The reference CRM runs at ${url} (sign in at ${url}/login).
The extension is built in ${EXTENSION_DIR}: load it unpacked in Chrome (chrome://extensions → Developer mode → Load unpacked),
then in its options set the CRM address to ${url} and the API token to ${TOKEN}. Ctrl+C stops the CRM.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'crmx-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-first-run', '--disable-background-networking', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#crmx-crm-url').fill(url);
  await options.locator('#crmx-token').fill(TOKEN);
  await options.locator('#crmx-connect').click();
  await signInWithToken(context.request, url, TOKEN);
  const page = await context.newPage();
  await page.goto(`${url}/customers`);
  console.log(`\nChromium is open on ${url}/customers, connected as the demo manager. Close the window or Ctrl+C to stop.`);
  context.on('close', () => crm.kill());
}
process.on('SIGINT', () => { crm.kill(); process.exit(0); });
