// Opens the database and seeds it when empty: the given seed, else the demo generator, else the example.
import { readFileSync } from 'node:fs';
import { clearData, isEmpty, openDb, type Db } from './db/open';
import { pruneIdempotency } from './http/idempotency';
import { fallbackSeed } from './seed/fallback';
import { validateSeed, type SeedFile } from './seed/format';
import { insertSeed } from './seed/load';

export async function prepareDatabase(
  path: string,
  seed: SeedFile | string | undefined,
  reset: boolean,
  now: Date,
): Promise<{ db: Db; seededFrom: string }> {
  const db = openDb(path);
  try {
    if (reset) clearData(db);
    pruneIdempotency(db, now);
    if (!isEmpty(db)) return { db, seededFrom: 'existing' };
    const chosen = seed !== undefined ? { seed: readSeed(seed), from: 'seed' } : await demoSeed();
    insertSeed(db, chosen.seed, now);
    return { db, seededFrom: chosen.from };
  } catch (err) {
    db.close();
    throw err;
  }
}

function readSeed(seed: SeedFile | string): SeedFile {
  if (typeof seed !== 'string') return validateSeed(seed);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(seed, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read seed file ${seed}: ${(err as Error).message}`);
  }
  return validateSeed(parsed, `seed file ${seed}`);
}

/** The demo generator lives in seed/demo.ts (written separately); until it exists the example seed stands in. */
async function demoSeed(): Promise<{ seed: SeedFile; from: string }> {
  const module = await importIfPresent<{ generateDemoSeed(): SeedFile | Promise<SeedFile> }>('./seed/demo.ts');
  if (!module) return { seed: validateSeed(fallbackSeed(), 'example seed'), from: 'fallback' };
  return { seed: validateSeed(await module.generateDemoSeed(), 'demo seed'), from: 'demo' };
}

/** Imports a sibling module by path, or null when the file does not exist (other errors propagate). */
export async function importIfPresent<T>(relative: string): Promise<T | null> {
  const url = new URL(relative, import.meta.url);
  try {
    return (await import(url.href)) as T;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(String(err));
    if (missing && String(err).includes(url.pathname.split('/').pop()!.replace(/\.ts$/, ''))) return null;
    throw err;
  }
}
