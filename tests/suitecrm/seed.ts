// The test organisation on SuiteCRM, made through V8 as the administrator, and with SQL where V8 cannot
// (ACL role rights, is_admin). Every name carries the run's tag, so a seed never collides with an earlier one.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type SuiteCrm } from '../../scripts/suitecrm/kit';
import { call, ok, pool, token, type Client } from './client';

/** Bump when the seed's shape changes: the cached seeded snapshot is then made again. */
export const SEED_VERSION = 1;

export type UserKey = 'manager' | 'rep1' | 'rep2' | 'csr' | 'crmAdmin' | 'poolAdmin';

export interface SeedUser {
  id: string;
  userName: string;
  password: string;
  name: string;
}

export interface SeedAccount {
  id: string;
  name: string;
  code: string;
  phone: string;
  email: string;
  industry: string;
  assignedUserId: string | null;
  csrId: string | null;
  /** The Security Group the account is linked to: its owner's department, or the pool. */
  groupId: string;
  pooled: boolean;
}

export interface Seed {
  tag: string;
  client: Client;
  /** The kit's (or SUITECRM_ADMIN_USER's) administrator. */
  admin: SeedUser;
  users: Record<UserKey, SeedUser>;
  roles: { salesRep: string; service: string; manager: string };
  groups: { north: string; south: string; pool: string };
  accounts: SeedAccount[];
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const INDUSTRIES = ['Banking', 'Technology', 'Retail', 'Energy', 'Education', 'Healthcare', 'Construction', 'Consulting'];

/** SuiteCRM ACL levels (modules/ACLActions/actiondefs.php). */
const ACL = { enabled: 89, all: 90, group: 80, none: -99 } as const;


export async function seed(crm: SuiteCrm, log: (s: string) => void = () => {}): Promise<Seed> {
  const client: Client = { url: crm.url, clientId: crm.clientId, clientSecret: crm.clientSecret };
  const tag = randomUUID().slice(0, 6);
  const adminTok = await token(client, crm.adminUser, crm.adminPassword);
  const me = await ok('current user', call(client, adminTok, 'GET', '/Api/V8/current-user'));
  const admin: SeedUser = { id: me.data.id, userName: crm.adminUser, password: crm.adminPassword, name: me.data.attributes.full_name };
  // SuiteCRM's Security Suite copies the assigned user's groups onto a new record with an INSERT … SELECT that
  // deadlocks under concurrent creates ("Database failure"): retry; the record may exist by then.
  const create = async (type: string, id: string, attributes: Record<string, unknown>) => {
    for (let attempt = 1; ; attempt++) {
      const r = await call(client, adminTok, 'POST', '/Api/V8/module', { data: { type, id, attributes } });
      if (r.status < 300) return r.body;
      const detail = JSON.stringify(r.body);
      if (attempt > 1 && detail.includes('already exist')) return r.body;
      if (attempt >= 4 || !detail.includes('Database failure')) {
        throw new Error(`create ${type}: HTTP ${r.status} ${detail.slice(0, 300)}`);
      }
      await new Promise((res) => setTimeout(res, 200 * attempt));
    }
  };
  const relate = (module: string, id: string, link: string, type: string, otherId: string) =>
    ok(`relate ${module}.${link}`, call(client, adminTok, 'POST', `/Api/V8/module/${module}/${id}/relationships/${link}`, { data: { type, id: otherId } }));

  // Users: UUID ids (V8 refuses the demo data's seed_*_id), the password as the md5 SuiteCRM still accepts.
  const people: [UserKey, string, string][] = [
    ['manager', 'Minh', 'Manager'],
    ['rep1', 'Rita', 'Rep'],
    ['rep2', 'Ron', 'Rep'],
    ['csr', 'Cara', 'Service'],
    ['crmAdmin', 'Ada', 'Admin'],
    ['poolAdmin', 'Paul', 'Pool'],
  ];
  const users = {} as Record<UserKey, SeedUser>;
  for (const [key, first, last] of people) {
    users[key] = { id: randomUUID(), userName: `crmx_${key.toLowerCase()}_${tag}`, password: `Crmx-${key}-${tag}`, name: `${first} ${last}` };
  }
  const reportsTo: Partial<Record<UserKey, UserKey>> = { rep1: 'manager', rep2: 'manager', csr: 'manager' };
  await pool(people, 3, ([key, first, last]) =>
    create('Users', users[key].id, {
      user_name: users[key].userName,
      first_name: first,
      last_name: last,
      status: 'Active',
      employee_status: 'Active',
      email1: `${users[key].userName}@crmx.example`,
      reports_to_id: reportsTo[key] ? users[reportsTo[key]!].id : '',
      user_hash: md5(users[key].password),
    }),
  );

  // ACL roles with Accounts rights: reps and service see and edit only their groups' accounts and delete nothing.
  const roles = { salesRep: randomUUID(), service: randomUUID(), manager: randomUUID() };
  await create('ACLRoles', roles.salesRep, { name: `CRMX Sales Rep ${tag}`, description: 'Accounts: group only, no delete' });
  await create('ACLRoles', roles.service, { name: `CRMX Service ${tag}`, description: 'Accounts: group only, no delete' });
  await create('ACLRoles', roles.manager, { name: `CRMX Manager ${tag}`, description: 'Accounts: all, no delete' });
  const roleMembers: [string, UserKey][] = [
    [roles.salesRep, 'rep1'],
    [roles.salesRep, 'rep2'],
    [roles.salesRep, 'poolAdmin'],
    [roles.service, 'csr'],
    [roles.manager, 'manager'],
  ];
  await pool(roleMembers, 3, ([role, u]) => relate('ACLRoles', role, 'users', 'Users', users[u].id));

  // V8 cannot set a role's rights (they are fields of the relationship) nor is_admin: SQL, as Role Management would.
  const rights = (role: string, view: number) =>
    `INSERT INTO acl_roles_actions (id, role_id, action_id, access_override, date_modified, deleted)
     SELECT UUID(), '${role}', id, CASE name WHEN 'access' THEN ${ACL.enabled} WHEN 'delete' THEN ${ACL.none} ELSE ${view} END,
            UTC_TIMESTAMP(), 0 FROM acl_actions WHERE category = 'Accounts' AND acltype = 'module' AND deleted = 0;`;
  sql(
    crm,
    rights(roles.salesRep, ACL.group) +
      rights(roles.service, ACL.group) +
      rights(roles.manager, ACL.all) +
      `UPDATE users SET is_admin = 1 WHERE id = '${users.crmAdmin.id}';`,
  );

  // Security Groups: two departments and a pool (its members are the pool's administrators).
  const groups = { north: randomUUID(), south: randomUUID(), pool: randomUUID() };
  await create('SecurityGroups', groups.north, { name: `CRMX Dept North ${tag}`, noninheritable: 0, crm_kind_c: 'department' });
  await create('SecurityGroups', groups.south, { name: `CRMX Dept South ${tag}`, noninheritable: 0, crm_kind_c: 'department' });
  await create('SecurityGroups', groups.pool, { name: `CRMX Pool ${tag}`, noninheritable: 0, crm_kind_c: 'pool' });
  const members: [string, UserKey][] = [
    [groups.north, 'manager'],
    [groups.north, 'rep1'],
    [groups.south, 'rep2'],
    [groups.south, 'csr'],
    [groups.pool, 'poolAdmin'],
  ];
  await pool(members, 3, ([g, u]) => relate('SecurityGroups', g, 'users', 'Users', users[u].id));

  // 60 accounts: rep1 and the manager in North, rep2 in South, every fifth in the pool.
  const accounts: SeedAccount[] = Array.from({ length: 60 }, (_, i) => {
    const n = i + 1;
    const pad = String(n).padStart(4, '0');
    const owner: UserKey | null = [null, 'rep1', 'rep1', 'rep2', 'manager'][n % 5] as UserKey | null;
    const pooled = owner === null;
    return {
      id: randomUUID(),
      name: `CRMX ${pad} ${INDUSTRIES[i % INDUSTRIES.length]} Co ${tag}`,
      code: `CRMX${pad}`,
      phone: `+84 28 3${String(1000000 + n * 7919).slice(-7)}`,
      email: `c${pad}.${tag}@crmx.example`,
      industry: INDUSTRIES[i % INDUSTRIES.length],
      assignedUserId: owner ? users[owner].id : null,
      csrId: n % 4 === 0 ? users.csr.id : null,
      groupId: pooled ? groups.pool : owner === 'rep2' ? groups.south : groups.north,
      pooled,
    };
  });
  await pool(accounts, 4, async (a, i) => {
    await create('Accounts', a.id, {
      name: a.name,
      phone_office: a.phone,
      email1: a.email,
      industry: a.industry,
      assigned_user_id: a.assignedUserId ?? '',
      crm_code_c: a.code,
      crm_source_c: i % 2 ? 'Website' : 'Referral',
      crm_csr_id_c: a.csrId ?? '',
      crm_labels_c: i % 3 === 0 ? '["vip"]' : '[]',
      crm_pool_id_c: a.pooled ? groups.pool : '',
      crm_return_reason_c: a.pooled ? 'Seeded in the pool' : '',
    });
    await relate('Accounts', a.id, 'SecurityGroups', 'SecurityGroups', a.groupId);
  });
  // A returned time for the pooled ones, each a minute apart (V8 would take it in the admin's display format).
  sql(
    crm,
    accounts
      .filter((a) => a.pooled)
      .map((a, i) => `UPDATE accounts_cstm SET crm_returned_at_c = UTC_TIMESTAMP() - INTERVAL ${i + 1} MINUTE WHERE id_c = '${a.id}';`)
      .join('\n'),
  );
  await call(client, adminTok, 'POST', '/Api/V8/logout');
  return { tag, client, admin, users, roles, groups, accounts };
}

/** Removes earlier runs' seeds (local only), so a re-seed does not pile up users and accounts. */
export function purgeSeeds(crm: SuiteCrm): void {
  sql(
    crm,
    `DELETE FROM acl_roles_actions WHERE role_id IN (SELECT id FROM acl_roles WHERE name LIKE 'CRMX %');
     DELETE FROM acl_roles_users WHERE role_id IN (SELECT id FROM acl_roles WHERE name LIKE 'CRMX %');
     DELETE FROM acl_roles WHERE name LIKE 'CRMX %';
     CREATE TEMPORARY TABLE crmx_groups AS SELECT g.id FROM securitygroups g LEFT JOIN securitygroups_cstm c ON c.id_c = g.id
       WHERE g.name LIKE 'CRMX %' OR g.name LIKE 'Role: CRMX %'
          OR (c.crm_kind_c = 'user' AND c.crm_ref_id_c IN (SELECT id FROM users WHERE user_name LIKE 'crmx\\_%'));
     DELETE FROM securitygroups_users WHERE securitygroup_id IN (SELECT id FROM crmx_groups);
     DELETE FROM securitygroups_records WHERE securitygroup_id IN (SELECT id FROM crmx_groups)
       OR record_id IN (SELECT id FROM accounts WHERE name LIKE 'CRMX %');
     DELETE FROM securitygroups_cstm WHERE id_c IN (SELECT id FROM crmx_groups);
     DELETE FROM securitygroups WHERE id IN (SELECT id FROM crmx_groups);
     DELETE FROM accounts_audit WHERE parent_id IN (SELECT id FROM accounts WHERE name LIKE 'CRMX %');
     DELETE FROM accounts_cstm WHERE id_c IN (SELECT id FROM accounts WHERE name LIKE 'CRMX %');
     DELETE FROM accounts WHERE name LIKE 'CRMX %';
     DELETE FROM users WHERE user_name LIKE 'crmx\\_%';`,
  );
}
