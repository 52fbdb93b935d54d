// Brings SuiteCRM up (the kit, or SUITECRM_URL), builds and installs the crm_overlay package, seeds the test
// organisation and snapshots it; test files get it through inject('suitecrm') and start from that snapshot.
// A later run whose package, seed and SuiteCRM are unchanged restores the snapshot instead of seeding again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPackage } from '../../scripts/suitecrm/build-package';
import { hasSnapshot, installPackage, installedPackageMd5, restore, snapshot, up } from '../../scripts/suitecrm/kit';
import { STATE_DIR, type SuiteCrmTestEnv } from './env';
import { buildExtension } from './extension';
import { purgeSeeds, seed, SEED_VERSION, type Seed } from './seed';

const log = (s: string) => console.log(`[suitecrm] ${s}`);
const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

async function timed<T>(what: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  log(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

export default async function setup(project: TestProject): Promise<void> {
  const crm = await timed('up', () => up(log));
  const zip = await timed('package build', () => buildPackage());
  const zipMd5 = md5(readFileSync(zip));
  mkdirSync(STATE_DIR, { recursive: true });
  const seedFile = join(STATE_DIR, 'seed.json');
  let data: Seed;

  if (!crm.docroot) {
    // Role rights, is_admin and the resets between files are SQL and files on SuiteCRM's own machine.
    throw new Error(
      `The SuiteCRM tests need SuiteCRM's docroot on this machine (SUITECRM_DOCROOT with SUITECRM_URL): they install ` +
        `the package, set the test roles' rights and put the database back between files. Run them where ${crm.url} runs.`,
    );
  }
  const snapshotDir = join(STATE_DIR, 'seeded');
  // The snapshot is only good for this package, this seed code and this SuiteCRM (its OAuth client).
  const seedCode = readFileSync(resolve(import.meta.dirname, 'seed.ts'), 'utf8');
  const key = md5([zipMd5, SEED_VERSION, md5(seedCode), crm.url, crm.clientId, crm.docroot].join('|'));
  const keyFile = join(snapshotDir, 'key');
  if (hasSnapshot(snapshotDir) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && existsSync(seedFile)) {
    await timed('restore of the seeded snapshot', () => restore(crm, snapshotDir));
    data = JSON.parse(readFileSync(seedFile, 'utf8')) as Seed;
  } else {
    if (installedPackageMd5(crm) !== zipMd5) {
      await timed('package install', () => log(installPackage(crm, zip)));
    }
    await timed('purge of earlier seeds', () => purgeSeeds(crm));
    data = await timed('seed', () => seed(crm, log));
    writeFileSync(seedFile, JSON.stringify(data, null, 2), { mode: 0o600 });
    await timed('snapshot', () => snapshot(crm, snapshotDir));
    writeFileSync(keyFile, key);
  }
  const extensionDir = await timed('extension build', () => buildExtension(join(STATE_DIR, 'extension')));
  const env: SuiteCrmTestEnv = { crm, seed: data, snapshotDir, seedFile, extensionDir };
  project.provide('suitecrm', env);
}
