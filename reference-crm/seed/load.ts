// Writes a validated seed into an empty database, in one transaction.
import type { Db } from '../db/open';
import { writeCustomer } from '../db/customers';
import { appendLog } from '../db/logs';
import type { SeedFile } from './types';

export function insertSeed(db: Db, seed: SeedFile, now: Date): void {
  const at = now.toISOString();
  db.transaction(() => {
    const run = (sql: string, rows: unknown[][]) => {
      const statement = db.prepare(sql);
      for (const row of rows) statement.run(...row);
    };
    run('INSERT INTO departments (id, name, parent_id, position) VALUES (?, ?, ?, ?)',
      seed.departments.map((d, i) => [d.id, d.name, d.parentId, i]));
    run('INSERT INTO roles (id, name, admin, position) VALUES (?, ?, ?, ?)',
      seed.roles.map((r, i) => [r.id, r.name, r.admin ? 1 : 0, i]));
    run(
      'INSERT INTO users (id, name, email, department_id, role_id, manager_id, token, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      seed.users.map((u, i) => [u.id, u.name, u.email, u.departmentId, u.roleId, u.managerId, u.token, i]),
    );
    run('INSERT INTO permission_groups (id, name, can_edit, position) VALUES (?, ?, ?, ?)',
      seed.permissionGroups.map((g, i) => [g.id, g.name, g.canEdit ? 1 : 0, i]));
    run('INSERT OR IGNORE INTO permission_group_roles (group_id, role_id) VALUES (?, ?)',
      seed.permissionGroups.flatMap((g) => g.roleIds.map((r) => [g.id, r])));
    run('INSERT OR IGNORE INTO permission_group_customers (group_id, customer_id) VALUES (?, ?)',
      seed.permissionGroups.flatMap((g) => g.customerIds.map((c) => [g.id, c])));
    run('INSERT INTO pools (id, name, position, members_listed) VALUES (?, ?, ?, ?)',
      seed.pools.map((p, i) => [p.id, p.name, i, p.memberDepartmentIds === undefined ? 0 : 1]));
    run('INSERT OR IGNORE INTO pool_departments (pool_id, department_id) VALUES (?, ?)',
      seed.pools.flatMap((p) => (p.memberDepartmentIds ?? []).map((d) => [p.id, d])));
    run('INSERT OR IGNORE INTO pool_admins (pool_id, user_id) VALUES (?, ?)',
      seed.pools.flatMap((p) => p.adminUserIds.map((u) => [p.id, u])));
    for (const c of seed.customers) {
      const createdAt = c.createdAt ? iso(c.createdAt) : at;
      writeCustomer(db, {
        ...c,
        version: c.version ?? 1,
        createdAt,
        updatedAt: c.updatedAt ? iso(c.updatedAt) : createdAt,
        deletedAt: c.deletedAt ? iso(c.deletedAt) : null,
      });
    }
    run('INSERT OR IGNORE INTO follows (user_id, customer_id, created_at) VALUES (?, ?, ?)',
      (seed.follows ?? []).map((f) => [f.userId, f.customerId, at]));
    for (const log of seed.logs ?? []) appendLog(db, { ...log, at: iso(log.at) });
  })();
}

/** One spelling of time (UTC, milliseconds) so that string order is time order. */
function iso(time: string): string {
  return new Date(time).toISOString();
}
