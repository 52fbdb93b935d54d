// Opens the CRM database — a SQLite file (WAL) or a PostgreSQL URL — and applies its engine's pending migrations.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import type { Schema } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface OpenedDb {
  engine: Engine;
  db: Kysely<Schema>;
  /** Where it is, for messages (a PostgreSQL URL without its password). */
  location: string;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export async function openDatabase(location: string): Promise<OpenedDb> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}

function openSqlite(path: string): OpenedDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('busy_timeout = 5000');
    migrateSqlite(raw);
  } catch (err) {
    raw.close();
    throw err;
  }
  return { engine: 'sqlite', db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) }), location: path };
}

/** Applies pending migrations; the version is kept in PRAGMA user_version and the schema_version table. */
export function migrateSqlite(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SQLITE_MIGRATIONS.length) {
    throw new Error(`Database schema version ${current} is newer than this server knows (${SQLITE_MIGRATIONS.length})`);
  }
  for (let version = current + 1; version <= SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      const step = SQLITE_MIGRATIONS[version - 1];
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
      db.pragma(`user_version = ${version}`);
    })();
  }
}

// BIGINT (change and log seqs) as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

async function openPostgres(url: string): Promise<OpenedDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (the server restarted) must not take the process down; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw new Error(`PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
  }
  return { engine: 'postgres', db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), location: redact(url) };
}

/** Pending migrations in one transaction each, under an advisory lock: several processes may start at once. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(824217)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
    const current = rows[0].v ?? 0;
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(`Database schema version ${current} is newer than this server knows (${POSTGRES_MIGRATIONS.length})`);
    }
    for (let version = current + 1; version <= POSTGRES_MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(POSTGRES_MIGRATIONS[version - 1]);
        await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(824217)').catch(() => {});
    client.release();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
