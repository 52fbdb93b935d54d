// Customer rows ↔ Customer objects, with their shares and tags tables.
import type { Customer, Id, ShareTargets } from '../../lib/domain/types';
import { phoneKey } from '../phone';
import type { Db } from './open';
import { stmt } from './statements';

interface CustomerRow {
  id: string; code: string; name: string; email: string; phone: string; source: string; business_field: string;
  ae_id: string | null; csr_id: string | null; pool_id: string | null; version: number;
  created_at: string; updated_at: string; deleted_at: string | null; change_seq: number;
}

export interface StoredCustomer {
  customer: Customer;
  changeSeq: number;
}

const SHARE_KINDS = { department: 'departmentIds', role: 'roleIds', user: 'userIds' } as const;

/** Every customer (deleted ones too), in change order. */
export function loadAllCustomers(db: Db): StoredCustomer[] {
  const shares = new Map<Id, ShareTargets>();
  for (const s of db.prepare('SELECT customer_id, kind, target_id FROM shares ORDER BY customer_id, position').all() as {
    customer_id: string; kind: keyof typeof SHARE_KINDS; target_id: string;
  }[]) {
    let targets = shares.get(s.customer_id);
    if (!targets) shares.set(s.customer_id, (targets = emptyTargets()));
    targets[SHARE_KINDS[s.kind]].push(s.target_id);
  }
  const tags = new Map<Id, string[]>();
  for (const t of db.prepare('SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, position').all() as {
    customer_id: string; tag: string;
  }[]) {
    const list = tags.get(t.customer_id);
    if (list) list.push(t.tag);
    else tags.set(t.customer_id, [t.tag]);
  }
  return (db.prepare('SELECT * FROM customers ORDER BY change_seq').all() as CustomerRow[]).map((row) => ({
    customer: toCustomer(row, shares.get(row.id) ?? emptyTargets(), tags.get(row.id) ?? []),
    changeSeq: row.change_seq,
  }));
}

export function loadCustomer(db: Db, id: Id): StoredCustomer | null {
  const row = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  if (!row) return null;
  const targets = emptyTargets();
  for (const s of db.prepare('SELECT kind, target_id FROM shares WHERE customer_id = ? ORDER BY position').all(id) as {
    kind: keyof typeof SHARE_KINDS; target_id: string;
  }[]) targets[SHARE_KINDS[s.kind]].push(s.target_id);
  const tags = db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY position').pluck().all(id) as string[];
  return { customer: toCustomer(row, targets, tags), changeSeq: row.change_seq };
}

/** Takes the next value of the change counter (call inside the mutation's transaction). */
export function nextChangeSeq(db: Db): number {
  return stmt(db, "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value").pluck().get() as number;
}

/** Inserts or replaces the customer with its shares and tags; returns its change seq. */
export function writeCustomer(db: Db, c: Customer): number {
  const changeSeq = nextChangeSeq(db);
  stmt(
    db,
    `INSERT OR REPLACE INTO customers (id, code, name, email, phone, phone_key, source, business_field, ae_id, csr_id,
       pool_id, version, created_at, updated_at, deleted_at, change_seq)
     VALUES (@id, @code, @name, @email, @phone, @phoneKey, @source, @businessField, @aeId, @csrId,
       @poolId, @version, @createdAt, @updatedAt, @deletedAt, @changeSeq)`,
  ).run({
    id: c.id, code: c.code, name: c.name, email: c.email, phone: c.phone, phoneKey: phoneKey(c.phone),
    source: c.source, businessField: c.businessField, aeId: c.aeId, csrId: c.csrId, poolId: c.poolId,
    version: c.version, createdAt: c.createdAt, updatedAt: c.updatedAt, deletedAt: c.deletedAt, changeSeq,
  });
  stmt(db, 'DELETE FROM shares WHERE customer_id = ?').run(c.id);
  const share = stmt(db, 'INSERT OR IGNORE INTO shares (customer_id, kind, target_id, position) VALUES (?, ?, ?, ?)');
  for (const kind of Object.keys(SHARE_KINDS) as (keyof typeof SHARE_KINDS)[]) {
    c.shares[SHARE_KINDS[kind]].forEach((target, i) => share.run(c.id, kind, target, i));
  }
  stmt(db, 'DELETE FROM customer_tags WHERE customer_id = ?').run(c.id);
  const tag = stmt(db, 'INSERT OR IGNORE INTO customer_tags (customer_id, tag, position) VALUES (?, ?, ?)');
  const known = stmt(db, 'INSERT OR IGNORE INTO tags (name, created_at) VALUES (?, ?)');
  c.tags.forEach((name, i) => {
    tag.run(c.id, name, i);
    known.run(name, c.updatedAt);
  });
  return changeSeq;
}

/** Keeps the state a customer had until now, under the change seq it held (call before writing its next state). */
export function recordPastState(db: Db, past: StoredCustomer): void {
  stmt(db, 'INSERT OR REPLACE INTO customer_history (customer_id, change_seq, data) VALUES (?, ?, ?)')
    .run(past.customer.id, past.changeSeq, JSON.stringify(past.customer));
}

/** The customer as it stood at the cursor `seq`, or null when it did not exist yet (or its past was not kept). */
export function customerAt(db: Db, id: Id, seq: number, current: StoredCustomer): Customer | null {
  if (current.changeSeq <= seq) return current.customer;
  const data = stmt(db, 'SELECT data FROM customer_history WHERE customer_id = ? AND change_seq <= ? ORDER BY change_seq DESC LIMIT 1')
    .pluck().get(id, seq) as string | undefined;
  return data === undefined ? null : (JSON.parse(data) as Customer);
}

export function emptyTargets(): ShareTargets {
  return { departmentIds: [], roleIds: [], userIds: [] };
}

function toCustomer(row: CustomerRow, shares: ShareTargets, tags: string[]): Customer {
  return {
    id: row.id, code: row.code, name: row.name, email: row.email, phone: row.phone, source: row.source,
    businessField: row.business_field, aeId: row.ae_id, csrId: row.csr_id, poolId: row.pool_id, shares, tags,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at,
  };
}
