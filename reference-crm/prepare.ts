// Opens the database and seeds it when empty: the given seed, else the demo generator.
import { readFileSync } from 'node:fs';
import { clearData, isEmpty, openDb, type Db } from './db/open';
import { pruneIdempotency } from './http/idempotency';
import { generateDemoSeed } from './seed/demo';
import { validateSeed, type SeedFile } from './seed/format';
import { insertSeed } from './seed/load';

/** Where the data came from: the given seed, the demo generator, or a database that was not empty. */
export type SeededFrom = 'seed' | 'demo' | 'existing';

export function prepareDatabase(
  path: string,
  seed: SeedFile | string | undefined,
  reset: boolean,
  now: Date,
): { db: Db; seededFrom: SeededFrom } {
  const db = openDb(path);
  try {
    if (reset) clearData(db);
    pruneIdempotency(db, now);
    if (!isEmpty(db)) return { db, seededFrom: 'existing' };
    if (seed !== undefined) {
      insertSeed(db, readSeed(seed), now);
      return { db, seededFrom: 'seed' };
    }
    insertSeed(db, validateSeed(generateDemoSeed(), 'demo seed'), now);
    return { db, seededFrom: 'demo' };
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
