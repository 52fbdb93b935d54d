// The log table: one sequence for the audit log and every customer's log.
import type { ChangeRecord, Id, LogEntry } from '../../lib/domain/types';
import type { LogType } from '../../lib/domain/log-types';
import type { Db } from './open';
import { stmt } from './statements';

export interface LogRow {
  seq: number; customer_id: string; type: string; at: string; actor_id: string | null; details: string; changes: string;
}

export interface NewLog {
  customerId: Id;
  type: LogType;
  at: string;
  actorId: Id | null;
  details: string;
  changes?: ChangeRecord[];
}

export function appendLog(db: Db, log: NewLog): number {
  const result = stmt(
    db,
    'INSERT INTO logs (customer_id, type, at, actor_id, details, changes) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(log.customerId, log.type, log.at, log.actorId, log.details, JSON.stringify(log.changes ?? []));
  return Number(result.lastInsertRowid);
}

export function toLogEntry(row: LogRow): LogEntry {
  return {
    id: String(row.seq), seq: row.seq, customerId: row.customer_id, type: row.type as LogType, at: row.at,
    actorId: row.actor_id, details: row.details, changes: JSON.parse(row.changes) as ChangeRecord[],
  };
}

export function logBySeq(db: Db, seq: number): LogEntry | null {
  const row = stmt(db, 'SELECT * FROM logs WHERE seq = ?').get(seq) as LogRow | undefined;
  return row ? toLogEntry(row) : null;
}

export interface CustomerLogQuery {
  customerId: Id;
  types?: LogType[];
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

/** A customer's entries, newest first; fetches one more than asked to tell whether more exist. */
export function customerLogs(db: Db, q: CustomerLogQuery): { items: LogEntry[]; nextBefore: number | null } {
  const where = ['customer_id = ?'];
  const params: unknown[] = [q.customerId];
  if (q.types?.length) {
    where.push(`type IN (${q.types.map(() => '?').join(', ')})`);
    params.push(...q.types);
  }
  if (q.from) (where.push('at >= ?'), params.push(q.from));
  if (q.to) (where.push('at <= ?'), params.push(q.to));
  if (q.before !== undefined) (where.push('seq < ?'), params.push(q.before));
  const rows = db
    .prepare(`SELECT * FROM logs WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
    .all(...params, q.limit + 1) as LogRow[];
  const items = rows.slice(0, q.limit).map(toLogEntry);
  return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].seq : null };
}

/** Rows after `since` in ascending seq, at most `limit`. */
export function logRowsAfter(db: Db, since: number, limit: number): LogRow[] {
  return stmt(db, 'SELECT * FROM logs WHERE seq > ? ORDER BY seq LIMIT ?').all(since, limit) as LogRow[];
}

export function auditLogs(db: Db, q: { type?: LogType; customerId?: Id; limit: number }): LogEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.type) (where.push('type = ?'), params.push(q.type));
  if (q.customerId) (where.push('customer_id = ?'), params.push(q.customerId));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return (db.prepare(`SELECT * FROM logs ${clause} ORDER BY seq DESC LIMIT ?`).all(...params, q.limit) as LogRow[]).map(
    toLogEntry,
  );
}
