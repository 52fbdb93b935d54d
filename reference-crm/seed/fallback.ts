// Used only when reference-crm/seed/demo.ts (the demo generator) is absent: the example seed.
import { readFileSync } from 'node:fs';
import type { SeedFile } from './types';

export function fallbackSeed(): SeedFile {
  return JSON.parse(readFileSync(new URL('./example.json', import.meta.url), 'utf8')) as SeedFile;
}
