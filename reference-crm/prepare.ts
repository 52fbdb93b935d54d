// Opens the database and seeds it when empty: the given seed, else the demo generator, else the example.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Imports a module by path relative to reference-crm/, or null when its file does not exist (its own errors propagate). */
export async function importIfPresent<T>(relative: string): Promise<T | null> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  return (await import(url.href)) as T;
}
