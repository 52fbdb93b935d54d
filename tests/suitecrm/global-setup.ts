// Brings SuiteCRM up (the kit, or SUITECRM_URL), builds and installs the crm_overlay package, seeds the test
// organisation and snapshots it; test files get it through inject('suitecrm') and start from that snapshot.
// A later run whose package, seed and SuiteCRM are unchanged restores the snapshot instead of seeding again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPackage } from '../../scripts/suitecrm/build-package';
import { hasSnapshot, installPackage, installedPackageMd5, restore, snapshot, up } from '../../scripts/suitecrm/kit';
import { call, token, ROUTES } from './client';
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
  let snapshotDir: string | null = null;

  if (crm.docroot) {
    snapshotDir = join(STATE_DIR, 'seeded');
    // The snapshot is only good for this package, this seed code and this SuiteCRM (its OAuth client).
    const seedCode = readFileSync(resolve(import.meta.dirname, 'seed.ts'), 'utf8');
    const key = md5([zipMd5, SEED_VERSION, md5(seedCode), crm.url, crm.clientId, crm.docroot].join('|'));
    const keyFile = join(snapshotDir, 'key');
    if (hasSnapshot(snapshotDir) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && existsSync(seedFile)) {
      await timed('restore of the seeded snapshot', () => restore(crm, snapshotDir!));
      data = JSON.parse(readFileSync(seedFile, 'utf8')) as Seed;
    } else {
      if (installedPackageMd5(crm) !== zipMd5) {
        await timed('package install', () => log(installPackage(crm, zip)));
      }
      await timed('purge of earlier seeds', () => purgeSeeds(crm));
      data = await timed('seed', () => seed(crm, log));
      writeFileSync(seedFile, JSON.stringify(data, null, 2), { mode: 0o600 });
      await timed('snapshot', () => snapshot(crm, snapshotDir!));
      writeFileSync(keyFile, key);
    }
  } else {
    // Someone else's SuiteCRM: the package is its administrator's to install; we only check it.
    const c = { url: crm.url, clientId: crm.clientId, clientSecret: crm.clientSecret };
    const ping = await call(c, await token(c, crm.adminUser, crm.adminPassword), 'GET', `${ROUTES}/ping`);
    if (ping.status !== 200 || ping.body?.meta?.version !== '1.0.0') {
      throw new Error(
        `The crm_overlay package 1.0.0 is not installed on ${crm.url} (ping: HTTP ${ping.status}). ` +
          `Its administrator installs ${zip} in Admin → Module Loader, or give SUITECRM_DOCROOT to let the tests do it.`,
      );
    }
    data = await timed('seed', () => seed(crm, log));
    writeFileSync(seedFile, JSON.stringify(data, null, 2), { mode: 0o600 });
  }
  const extensionDir = await timed('extension build', () => buildExtension(join(STATE_DIR, 'extension')));
  const env: SuiteCrmTestEnv = { crm, seed: data, snapshotDir, seedFile, extensionDir };
  project.provide('suitecrm', env);
}
