// SQLite's file: its schema version, WAL, and migrating a file an older server wrote.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations';
import { openDatabase } from './open';
import { startCrm } from '../server';
import { tempDbPath, testSeed } from '../test/support';

describe('the SQLite file', () => {
  it('records the schema version and uses WAL', async () => {
    const dbPath = tempDbPath();
    const crm = await startCrm({ dbPath, seed: testSeed(), pages: false });
    await crm.close();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    expect(db.prepare('SELECT MAX(version) FROM schema_version').pluck().get()).toBe(SQLITE_MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('brings an older database up to date at open, deriving the new columns of the customers it holds', async () => {
    const dbPath = tempDbPath();
    const old = new Database(dbPath);
    old.exec(SQLITE_MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO customers (id, code, name, email, phone, phone_key, source, business_field, ae_id, csr_id, pool_id,
      version, created_at, updated_at, deleted_at, change_seq) VALUES ('c-old', 'KH1', 'Ánh Dương', '', '0912 345 678', '912345678',
      '', '', NULL, NULL, NULL, 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL, 1)`).run();
    old.close();
    const { db } = await openDatabase(dbPath);
    await db.destroy();
    const reopened = new Database(dbPath, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    expect(reopened.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('idempotency')).toContain('headers');
    expect(reopened.prepare("SELECT search_text FROM customers WHERE id = 'c-old'").pluck().get()).toContain('ánh dương');
    reopened.close();
  });

});
