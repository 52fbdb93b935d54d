// Schema migrations of each engine, applied in order by the server at open (open.ts). Append new ones to both
// lists; never edit a released one. A step is SQL, or a function for what SQL cannot compute (sort keys).
import type Database from 'better-sqlite3';
import { customerDerived } from './derived';

export type SqliteStep = string | ((db: Database.Database) => void);

export const SQLITE_MIGRATIONS: SqliteStep[] = [
  /* 1: the organisation, customers, logs, idempotency and sessions */ `
  CREATE TABLE departments (id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT, position INTEGER NOT NULL);
  CREATE TABLE roles (id TEXT PRIMARY KEY, name TEXT NOT NULL, admin INTEGER NOT NULL, position INTEGER NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, department_id TEXT NOT NULL, role_id TEXT NOT NULL,
    manager_id TEXT, token TEXT NOT NULL UNIQUE, position INTEGER NOT NULL);
  CREATE TABLE permission_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, can_edit INTEGER NOT NULL, position INTEGER NOT NULL);
  CREATE TABLE permission_group_roles (group_id TEXT NOT NULL, role_id TEXT NOT NULL, PRIMARY KEY (group_id, role_id));
  CREATE TABLE permission_group_customers (group_id TEXT NOT NULL, customer_id TEXT NOT NULL, PRIMARY KEY (group_id, customer_id));
  CREATE TABLE pools (id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);
  CREATE TABLE pool_admins (pool_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (pool_id, user_id));

  CREATE TABLE customers (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
    phone_key TEXT NOT NULL, source TEXT NOT NULL, business_field TEXT NOT NULL,
    ae_id TEXT, csr_id TEXT, pool_id TEXT, version INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    change_seq INTEGER NOT NULL);
  CREATE UNIQUE INDEX customers_change_seq ON customers (change_seq);
  CREATE INDEX customers_phone_key ON customers (phone_key);
  CREATE INDEX customers_ae ON customers (ae_id);
  CREATE TABLE shares (
    customer_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('department', 'role', 'user')),
    target_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (customer_id, kind, target_id));
  CREATE TABLE tags (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
  CREATE TABLE customer_tags (
    customer_id TEXT NOT NULL, tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (customer_id, tag));
  CREATE INDEX customer_tags_tag ON customer_tags (tag);
  CREATE TABLE follows (user_id TEXT NOT NULL, customer_id TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, customer_id));

  CREATE TABLE logs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL,
    actor_id TEXT, details TEXT NOT NULL, changes TEXT NOT NULL DEFAULT '[]');
  CREATE INDEX logs_customer ON logs (customer_id, seq);
  CREATE INDEX logs_type ON logs (type, seq);

  CREATE TABLE idempotency (
    user_id TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (user_id, key));
  CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT INTO counters (name, value) VALUES ('change_seq', 0);
  `,
  /* 2: replayed answers keep their headers (ETag) */ `
  ALTER TABLE idempotency ADD COLUMN headers TEXT NOT NULL DEFAULT '{}';
  `,
  /* 3: each customer's past states by the change seq they held, so sync can tell who could see it at a cursor */ `
  CREATE TABLE customer_history (
    customer_id TEXT NOT NULL, change_seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (customer_id, change_seq));
  `,
  /* 4: a pool's member departments; a pool that lists none (members_listed = 0) is open to the whole organisation */ `
  ALTER TABLE pools ADD COLUMN members_listed INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE pool_departments (pool_id TEXT NOT NULL, department_id TEXT NOT NULL, PRIMARY KEY (pool_id, department_id));
  `,
  /* 5: listing, search and sort in the database (search text, Vietnamese sort keys, indexes for the rules);
     list order without rowid; log seqs and the org's version as counters updated in the writing transaction */ `
  ALTER TABLE customers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
  ALTER TABLE customers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE customers ADD COLUMN code_key TEXT NOT NULL DEFAULT '';
  CREATE INDEX customers_name_key ON customers (name_key, id);
  CREATE INDEX customers_code_key ON customers (code_key, id);
  CREATE INDEX customers_updated_at ON customers (updated_at, id);
  CREATE INDEX customers_csr ON customers (csr_id);
  CREATE INDEX customers_free ON customers (pool_id) WHERE ae_id IS NULL AND deleted_at IS NULL;
  CREATE INDEX shares_target ON shares (kind, target_id);
  CREATE INDEX users_manager ON users (manager_id);
  CREATE INDEX permission_group_roles_role ON permission_group_roles (role_id);
  CREATE INDEX follows_customer ON follows (customer_id);
  ALTER TABLE permission_group_roles ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  UPDATE permission_group_roles SET position = rowid;
  ALTER TABLE permission_group_customers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  UPDATE permission_group_customers SET position = rowid;
  ALTER TABLE pool_admins ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  UPDATE pool_admins SET position = rowid;
  ALTER TABLE pool_departments ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  UPDATE pool_departments SET position = rowid;
  INSERT INTO counters (name, value) SELECT 'log_seq', COALESCE(MAX(seq), 0) FROM logs;
  INSERT INTO counters (name, value) VALUES ('org_version', 0);
  `,
  /* 6: the derived columns (search text, sort keys) of the customers stored before 5 */
  (db) => {
    const rows = db.prepare('SELECT id, name, code, email, phone FROM customers').all() as {
      id: string; name: string; code: string; email: string; phone: string;
    }[];
    const update = db.prepare('UPDATE customers SET search_text = ?, name_key = ?, code_key = ? WHERE id = ?');
    for (const row of rows) {
      const d = customerDerived(row);
      update.run(d.search_text, d.name_key, d.code_key, row.id);
    }
  },
];

// PostgreSQL came with SQLite's version 6: its first migration is that schema. Text compares by code point
// (COLLATE "C"), as in SQLite, so ids, cursors and sort keys order alike on both engines.
const T = 'TEXT COLLATE "C"';
export const POSTGRES_MIGRATIONS: string[] = [
  /* 1: the schema of SQLite's version 6 */ `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE departments (id ${T} PRIMARY KEY, name ${T} NOT NULL, parent_id ${T}, position INTEGER NOT NULL);
  CREATE TABLE roles (id ${T} PRIMARY KEY, name ${T} NOT NULL, admin INTEGER NOT NULL, position INTEGER NOT NULL);
  CREATE TABLE users (
    id ${T} PRIMARY KEY, name ${T} NOT NULL, email ${T} NOT NULL, department_id ${T} NOT NULL, role_id ${T} NOT NULL,
    manager_id ${T}, token ${T} NOT NULL UNIQUE, position INTEGER NOT NULL);
  CREATE INDEX users_manager ON users (manager_id);
  CREATE TABLE permission_groups (id ${T} PRIMARY KEY, name ${T} NOT NULL, can_edit INTEGER NOT NULL, position INTEGER NOT NULL);
  CREATE TABLE permission_group_roles (group_id ${T} NOT NULL, role_id ${T} NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (group_id, role_id));
  CREATE INDEX permission_group_roles_role ON permission_group_roles (role_id);
  CREATE TABLE permission_group_customers (group_id ${T} NOT NULL, customer_id ${T} NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (group_id, customer_id));
  CREATE TABLE pools (id ${T} PRIMARY KEY, name ${T} NOT NULL, position INTEGER NOT NULL, members_listed INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE pool_admins (pool_id ${T} NOT NULL, user_id ${T} NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (pool_id, user_id));
  CREATE TABLE pool_departments (pool_id ${T} NOT NULL, department_id ${T} NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (pool_id, department_id));

  CREATE TABLE customers (
    id ${T} PRIMARY KEY, code ${T} NOT NULL, name ${T} NOT NULL, email ${T} NOT NULL, phone ${T} NOT NULL,
    phone_key ${T} NOT NULL, source ${T} NOT NULL, business_field ${T} NOT NULL,
    ae_id ${T}, csr_id ${T}, pool_id ${T}, version INTEGER NOT NULL,
    created_at ${T} NOT NULL, updated_at ${T} NOT NULL, deleted_at ${T},
    change_seq BIGINT NOT NULL, search_text ${T} NOT NULL, name_key ${T} NOT NULL, code_key ${T} NOT NULL);
  CREATE UNIQUE INDEX customers_change_seq ON customers (change_seq);
  CREATE INDEX customers_phone_key ON customers (phone_key);
  CREATE INDEX customers_phone_key_trgm ON customers USING gin (phone_key gin_trgm_ops);
  CREATE INDEX customers_ae ON customers (ae_id);
  CREATE INDEX customers_csr ON customers (csr_id);
  CREATE INDEX customers_name_key ON customers (name_key, id);
  CREATE INDEX customers_code_key ON customers (code_key, id);
  CREATE INDEX customers_updated_at ON customers (updated_at, id);
  CREATE INDEX customers_free ON customers (pool_id) WHERE ae_id IS NULL AND deleted_at IS NULL;
  CREATE INDEX customers_search ON customers USING gin (search_text gin_trgm_ops);
  CREATE TABLE shares (
    customer_id ${T} NOT NULL, kind ${T} NOT NULL CHECK (kind IN ('department', 'role', 'user')),
    target_id ${T} NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (customer_id, kind, target_id));
  CREATE INDEX shares_target ON shares (kind, target_id);
  CREATE TABLE tags (name ${T} PRIMARY KEY, created_at ${T} NOT NULL);
  CREATE TABLE customer_tags (
    customer_id ${T} NOT NULL, tag ${T} NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (customer_id, tag));
  CREATE INDEX customer_tags_tag ON customer_tags (tag);
  CREATE TABLE follows (user_id ${T} NOT NULL, customer_id ${T} NOT NULL, created_at ${T} NOT NULL,
    PRIMARY KEY (user_id, customer_id));
  CREATE INDEX follows_customer ON follows (customer_id);
  CREATE TABLE customer_history (
    customer_id ${T} NOT NULL, change_seq BIGINT NOT NULL, data ${T} NOT NULL, PRIMARY KEY (customer_id, change_seq));

  CREATE TABLE logs (
    seq BIGINT PRIMARY KEY, customer_id ${T} NOT NULL, type ${T} NOT NULL, at ${T} NOT NULL,
    actor_id ${T}, details ${T} NOT NULL, changes ${T} NOT NULL DEFAULT '[]');
  CREATE INDEX logs_customer ON logs (customer_id, seq);
  CREATE INDEX logs_type ON logs (type, seq);

  CREATE TABLE idempotency (
    user_id ${T} NOT NULL, key ${T} NOT NULL, body_hash ${T} NOT NULL, status INTEGER NOT NULL,
    body ${T} NOT NULL, headers ${T} NOT NULL DEFAULT '{}', created_at ${T} NOT NULL, PRIMARY KEY (user_id, key));
  CREATE TABLE sessions (id ${T} PRIMARY KEY, user_id ${T} NOT NULL, created_at ${T} NOT NULL);
  CREATE TABLE counters (name ${T} PRIMARY KEY, value BIGINT NOT NULL);
  INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('log_seq', 0), ('org_version', 0);
  `,
  /* 2: the rate limits' token buckets, shared by every process; unlogged: after a crash they may start full */ `
  CREATE UNLOGGED TABLE rate_buckets (key ${T} PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at DOUBLE PRECISION NOT NULL,
    taken BOOLEAN NOT NULL);
  `,
];
