// The repository (db/) is the CRM's only door to its data: routes, auth, the seed and the tests speak to it, never
// to a database. A statement or a driver anywhere else would bypass one engine or the other.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const REPOSITORY = join(ROOT, 'db');
// Upper-case SQL words (prose says "select all", not "SELECT"), prepared statements, and the drivers themselves.
const SQL = /\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|EXTENSION)|ALTER\s+TABLE|PRAGMA|BEGIN\s+IMMEDIATE)\b|\.prepare\(|\.exec\(\s*['"`]|['"](better-sqlite3|pg|kysely|node:sqlite)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === REPOSITORY || entry.name === 'data' ? [] : sources(path);
    // This file names what it looks for.
    return /\.(ts|js)$/.test(entry.name) && path !== import.meta.filename ? [path] : [];
  });
}

describe('SQL lives in the repository only', () => {
  it('finds no SQL and no database driver in reference-crm/ outside db/', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) => readFileSync(file, 'utf8').split('\n')
      .map((line, i) => (SQL.test(line) ? `${relative(ROOT, file)}:${i + 1}: ${line.trim()}` : null))
      .filter((x): x is string => x !== null));
    expect(offenders).toEqual([]);
  });

  it('would notice one', () => {
    expect(SQL.test("db.prepare('SELECT id FROM customers')")).toBe(true);
    expect(SQL.test("import Database from 'better-sqlite3';")).toBe(true);
    expect(SQL.test('// the select all box')).toBe(false);
  });
});
