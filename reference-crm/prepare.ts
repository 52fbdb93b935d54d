// Opens the database (SQLite file or PostgreSQL URL) and seeds it when empty: the given seed, else the demo generator.
import { readFileSync } from 'node:fs';
import { IDEMPOTENCY_TTL_MS } from './http/idempotency';
import { openDatabase } from './db/open';
import { Repository } from './db/repository';
import { generateDemoSeed } from './seed/demo';
import { validateSeed, type SeedFile } from './seed/format';

/** Where the data came from: the given seed, the demo generator, or a database that was not empty. */
export type SeededFrom = 'seed' | 'demo' | 'existing';

export async function prepareDatabase(
  location: string,
  seed: SeedFile | string | undefined,
  reset: boolean,
  now: Date,
): Promise<{ repo: Repository; seededFrom: SeededFrom; location: string }> {
  const opened = await openDatabase(location);
  const { engine, db } = opened;
  const repo = Repository.open(engine, db);
  try {
    if (reset) await repo.clear();
    await repo.pruneIdempotency(new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
    if (!(await repo.isEmpty())) return { repo, seededFrom: 'existing', location: opened.location };
    if (seed !== undefined) {
      await repo.insertSeed(readSeed(seed), now);
      return { repo, seededFrom: 'seed', location: opened.location };
    }
    await repo.insertSeed(validateSeed(generateDemoSeed(), 'demo seed'), now);
    return { repo, seededFrom: 'demo', location: opened.location };
  } catch (err) {
    await repo.close();
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
