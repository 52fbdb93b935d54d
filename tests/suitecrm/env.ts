// Where the harness keeps its state between runs, and what global setup hands to the test files.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SuiteCrm } from '../../scripts/suitecrm/kit';
import type { Seed } from './seed';

export interface SuiteCrmTestEnv {
  crm: SuiteCrm;
  seed: Seed;
  /** The seeded snapshot each test file starts from. */
  snapshotDir: string;
  /** The JSON file with the same content, for tools outside vitest. */
  seedFile: string;
  /** The built extension (Chrome MV3) the browser tests load. */
  extensionDir: string;
}

export const STATE_DIR = process.env.CRMX_SUITECRM_STATE ?? join(tmpdir(), 'crmx-suitecrm');

declare module 'vitest' {
  export interface ProvidedContext {
    suitecrm: SuiteCrmTestEnv;
  }
}
