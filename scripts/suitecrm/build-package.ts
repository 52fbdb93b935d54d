// Builds the SuiteCRM module-loader package from scripts/suitecrm/package/ into
// .output/suitecrm/crm_overlay-<version>.zip (manifest.php at the zip root, as the Module Loader wants).
// `npm run suitecrm:package`; the test harness calls buildPackage().
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export const PACKAGE_DIR = resolve(import.meta.dirname, 'package');
const REPO = resolve(import.meta.dirname, '../..');

/** The version in manifest.php (`'version' => '1.0.0'`). */
export function packageVersion(dir = PACKAGE_DIR): string {
  const m = /'version'\s*=>\s*'([^']+)'/.exec(readFileSync(join(dir, 'manifest.php'), 'utf8'));
  if (!m) throw new Error(`no 'version' in ${dir}/manifest.php`);
  return m[1];
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

/**
 * `php -l` on every PHP file when PHP is installed: one syntax error in a routes file makes SuiteCRM's whole V8
 * API answer an empty 500, sign-in included.
 */
function lint(paths: string[]): void {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
  } catch {
    return;
  }
  for (const p of paths.filter((f) => f.endsWith('.php'))) {
    try {
      execFileSync('php', ['-l', p], { stdio: 'pipe' });
    } catch (e) {
      throw new Error(`PHP syntax error in ${relative(REPO, p)}:\n${String((e as { stdout?: Buffer }).stdout ?? e)}`);
    }
  }
}

/** Writes the zip and returns its path. Entries are sorted and dated 1980-01-01 so a build is reproducible. */
export function buildPackage(outDir = resolve(REPO, '.output/suitecrm')): string {
  const entries: Zippable = {};
  const mtime = new Date('1980-01-01T00:00:00Z');
  const all = files(PACKAGE_DIR);
  lint(all);
  for (const file of all) {
    entries[relative(PACKAGE_DIR, file).split('\\').join('/')] = [readFileSync(file), { mtime }];
  }
  if (!entries['manifest.php']) throw new Error('manifest.php missing');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `crm_overlay-${packageVersion()}.zip`);
  writeFileSync(out, zipSync(entries, { level: 9 }));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(buildPackage());
}
