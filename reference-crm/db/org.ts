// Reads the organisation (users without tokens) and resolves tokens to users.
import type { Org, User } from '../../lib/domain/types';
import type { Db } from './open';

interface UserRow {
  id: string; name: string; email: string; department_id: string; role_id: string; manager_id: string | null;
}

export function loadOrg(db: Db): Org {
  const users = (db.prepare('SELECT * FROM users ORDER BY position').all() as UserRow[]).map(toUser);
  const departments = (db.prepare('SELECT id, name, parent_id FROM departments ORDER BY position').all() as {
    id: string; name: string; parent_id: string | null;
  }[]).map((d) => ({ id: d.id, name: d.name, parentId: d.parent_id }));
  const roles = (db.prepare('SELECT id, name, admin FROM roles ORDER BY position').all() as {
    id: string; name: string; admin: number;
  }[]).map((r) => ({ id: r.id, name: r.name, admin: r.admin === 1 }));
  const groupRoles = grouped(db.prepare('SELECT group_id AS k, role_id AS v FROM permission_group_roles ORDER BY rowid').all());
  const groupCustomers = grouped(
    db.prepare('SELECT group_id AS k, customer_id AS v FROM permission_group_customers ORDER BY rowid').all(),
  );
  const permissionGroups = (db.prepare('SELECT id, name, can_edit FROM permission_groups ORDER BY position').all() as {
    id: string; name: string; can_edit: number;
  }[]).map((g) => ({
    id: g.id, name: g.name, canEdit: g.can_edit === 1,
    roleIds: groupRoles.get(g.id) ?? [], customerIds: groupCustomers.get(g.id) ?? [],
  }));
  const poolAdmins = grouped(db.prepare('SELECT pool_id AS k, user_id AS v FROM pool_admins ORDER BY rowid').all());
  const poolDepartments = grouped(db.prepare('SELECT pool_id AS k, department_id AS v FROM pool_departments ORDER BY rowid').all());
  const pools = (db.prepare('SELECT id, name, members_listed FROM pools ORDER BY position').all() as {
    id: string; name: string; members_listed: number;
  }[]).map((p) => ({
    id: p.id, name: p.name, adminUserIds: poolAdmins.get(p.id) ?? [],
    ...(p.members_listed === 1 ? { memberDepartmentIds: poolDepartments.get(p.id) ?? [] } : {}),
  }));
  return { users, departments, roles, permissionGroups, pools };
}

export function userIdForToken(db: Db, token: string): string | null {
  return (db.prepare('SELECT id FROM users WHERE token = ?').pluck().get(token) as string | undefined) ?? null;
}

export function userTokens(db: Db): { user: User; token: string }[] {
  return (db.prepare('SELECT * FROM users ORDER BY position').all() as (UserRow & { token: string })[]).map((row) => ({
    user: toUser(row),
    token: row.token,
  }));
}

function toUser(row: UserRow): User {
  return {
    id: row.id, name: row.name, email: row.email, departmentId: row.department_id,
    roleId: row.role_id, managerId: row.manager_id,
  };
}

function grouped(rows: unknown[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { k, v } of rows as { k: string; v: string }[]) {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  }
  return map;
}
