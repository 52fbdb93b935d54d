// Schema migrations, applied in order at open. Append new ones; never edit a released one.
export const MIGRATIONS: string[] = [
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
];
