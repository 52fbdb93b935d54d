// Opens the database and seeds it when empty: the given seed, else the demo generator.
import { readFileSync } from 'node:fs';
import { clearData, isEmpty, openDb, type Db } from './db/open';
import { pruneIdempotency } from './http/idempotency';
import { generateDemoSeed } from './seed/demo';
import { validateSeed, type SeedFile } from './seed/format';
import { insertSeed } from './seed/load';

export function prepareDatabase(
  path: string,
  seed: SeedFile | string | undefined,
  reset: boolean,
  now: Date,
): { db: Db; seededFrom: string } {
  const db = openDb(path);
  try {
    if (reset) clearData(db);
    pruneIdempotency(db, now);
    if (!isEmpty(db)) return { db, seededFrom: 'existing' };
    const chosen =
      seed !== undefined
        ? { seed: readSeed(seed), from: 'seed' }
        : { seed: validateSeed(generateDemoSeed(), 'demo seed'), from: 'demo' };
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
