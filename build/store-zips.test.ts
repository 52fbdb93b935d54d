// `npm run zip` (wxt zip for Chrome, then for Firefox) gives the packages the stores take: built here into a
// folder of the test's own (an e2e run may be using .output meanwhile), with the production manifest, then
// read back: the Chrome Web Store zip, the Firefox add-on zip (validated by `web-ext lint`, the linter AMO runs)
// and the sources zip AMO reviewers build from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, LOOPBACK_HOSTS } from './manifest';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ICON_SIZES = [16, 32, 48, 96, 128];
const LOCALES = ['en', 'vi'];

let outDir: string;
const zips: Record<'chrome' | 'firefox' | 'sources', Record<string, Uint8Array>> = { chrome: {}, firefox: {}, sources: {} };

function zipWith(browser: 'chrome' | 'firefox'): void {
  const script = `import('wxt').then((wxt) => wxt.zip({ outDir: ${JSON.stringify(outDir)}, browser: '${browser}' }))`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.CRMX_LOOPBACK;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

const json = (files: Record<string, Uint8Array>, name: string) => {
  expect(files[name], `${name} in the zip`).toBeDefined();
  return JSON.parse(new TextDecoder().decode(files[name]));
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'crmx-zip-'));
  zipWith('chrome');
  zipWith('firefox');
  const made = readdirSync(outDir).filter((f) => f.endsWith('.zip')).sort();
  const base = `${pkg.name}-${pkg.version}`;
  expect(made).toEqual([`${base}-chrome.zip`, `${base}-firefox.zip`, `${base}-sources.zip`]);
  for (const kind of ['chrome', 'firefox', 'sources'] as const) {
    zips[kind] = unzipSync(readFileSync(join(outDir, `${base}-${kind}.zip`)));
  }
}, 300_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('npm run zip', () => {
  it('is wxt zip for Chrome, then for Firefox (which adds the sources zip)', () => {
    expect(pkg.scripts.zip).toBe('wxt zip && wxt zip -b firefox');
  });

  it.each(['chrome', 'firefox'] as const)('the %s zip has icons 16-128, a toolbar icon, and its name and description in English and Vietnamese', (kind) => {
    const files = zips[kind];
    const manifest = json(files, 'manifest.json');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.default_locale).toBe('en');
    expect(Object.keys(manifest.icons).map(Number)).toEqual(ICON_SIZES);
    for (const [size, path] of Object.entries<string>(manifest.icons)) expect(pngSize(files[path])).toEqual([Number(size), Number(size)]);
    const action = kind === 'chrome' ? manifest.action : manifest.browser_action;
    for (const [size, path] of Object.entries<string>(action.default_icon)) expect(pngSize(files[path])).toEqual([Number(size), Number(size)]);
    expect([manifest.name, manifest.description, action.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_extName__']);
    for (const locale of LOCALES) {
      const messages = json(files, `_locales/${locale}/messages.json`);
      expect(messages.extName.message).toBe('CRM Overlay');
      // The Chrome Web Store takes at most 132 characters.
      expect(messages.extDescription.message.length).toBeGreaterThan(20);
      expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
    }
    const [en, vi] = LOCALES.map((l) => json(files, `_locales/${l}/messages.json`).extDescription.message);
    expect(vi).not.toBe(en);
  });

  it('the Chrome zip asks for no host at install (the CRM the user connects is optional) and needs Chrome 114', () => {
    const manifest = json(zips.chrome, 'manifest.json');
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.minimum_chrome_version).toBe('114');
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('the Firefox zip has the add-on id, its minimum versions and what data it handles, and no loopback host', () => {
    const manifest = json(zips.firefox, 'manifest.json');
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo'] },
    });
    expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
    expect(manifest.permissions.filter((p: string) => LOOPBACK_HOSTS.includes(p))).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('the Firefox zip passes web-ext lint: no error, no warning about the manifest', () => {
    const dir = join(outDir, 'firefox-lint');
    for (const [name, bytes] of Object.entries(zips.firefox)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const webExt = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
    // web-ext exits non-zero when the linter finds errors; the JSON report is printed either way.
    let out: string;
    try {
      out = execFileSync(process.execPath, [webExt, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out);
    const describe = (m: { code: string; file?: string; message: string }) => `${m.code} ${m.file ?? ''}: ${m.message}`;
    expect(report.errors.map(describe)).toEqual([]);
    expect(report.warnings.filter((m: { file?: string }) => m.file === 'manifest.json').map(describe)).toEqual([]);
  }, 120_000);

  it('the sources zip holds what a reviewer needs to build it, not the dependencies or the build', () => {
    const names = Object.keys(zips.sources);
    for (const needed of [
      'package.json', 'package-lock.json', '.nvmrc', '.npmrc', 'scripts/use-node.sh', 'wxt.config.ts', 'tsconfig.json',
      'build/manifest.ts', 'build/lazy-dialogs.ts', 'entrypoints/background/index.ts', 'public/icon/128.png',
      'public/_locales/vi/messages.json', 'README.md', 'LICENSE', 'PRIVACY.md',
    ]) expect(names, needed).toContain(needed);
    expect(names.filter((n) => /^(node_modules|\.output|\.runtime|\.wxt)\//.test(n))).toEqual([]);
  });
});
