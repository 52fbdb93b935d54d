// ping, org and meta: who the caller is, the directory the connector caches, and the dropdown labels.
import { describe, expect, it } from 'vitest';
import { route, seed } from './helpers';

describe('GET /ping', () => {
  it('names the package and the caller, admin or not', async () => {
    const a = await route('admin', 'GET', '/ping');
    expect(a.status).toBe(200);
    expect(a.body.meta).toEqual({ package: 'crm_overlay', version: '1.0.0', user_id: seed.admin.id, is_admin: true });
    const r = await route('rep1', 'GET', '/ping');
    expect(r.body.meta).toMatchObject({ user_id: seed.users.rep1.id, is_admin: false });
  });

  it('answers 401 without a token, like every V8 route', async () => {
    expect((await route(null, 'GET', '/ping')).status).toBe(401);
  });
});

describe('GET /org', () => {
  it('lists active users with reports-to, roles with members, and groups by kind', async () => {
    const r = await route('rep1', 'GET', '/org');
    expect(r.status).toBe(200);
    const { users, roles, groups } = r.body.data;
    const rep1 = users.find((u: any) => u.id === seed.users.rep1.id);
    expect(rep1).toEqual({
      id: seed.users.rep1.id,
      user_name: seed.users.rep1.userName,
      name: 'Rita Rep',
      email: `${seed.users.rep1.userName}@crmx.example`,
      reports_to_id: seed.users.manager.id,
      is_admin: false,
      status: 'Active',
    });
    expect(users.find((u: any) => u.id === seed.users.manager.id).reports_to_id).toBeNull();
    expect(users.find((u: any) => u.id === seed.users.crmAdmin.id).is_admin).toBe(true);

    const salesRep = roles.find((x: any) => x.id === seed.roles.salesRep);
    expect(salesRep.user_ids.sort()).toEqual([seed.users.rep1.id, seed.users.rep2.id, seed.users.poolAdmin.id].sort());

    const byId = Object.fromEntries(groups.map((g: any) => [g.id, g]));
    expect(byId[seed.groups.north]).toMatchObject({ kind: 'department', ref_id: null });
    expect(byId[seed.groups.north].user_ids.sort()).toEqual([seed.users.manager.id, seed.users.rep1.id].sort());
    expect(byId[seed.groups.south]).toMatchObject({ kind: 'department' });
    expect(byId[seed.groups.pool]).toMatchObject({ kind: 'pool', user_ids: [seed.users.poolAdmin.id] });
  });

  it('shows a role group made by a share with kind role and the role as ref_id', async () => {
    const account = seed.accounts.find((a) => a.assignedUserId === seed.users.rep1.id)!;
    expect((await route('rep1', 'POST', `/accounts/${account.id}/shares`, { roleIds: [seed.roles.service] })).status).toBe(200);
    const groups = (await route('rep1', 'GET', '/org')).body.data.groups;
    const roleGroup = groups.find((g: any) => g.kind === 'role' && g.ref_id === seed.roles.service);
    expect(roleGroup).toMatchObject({ name: `Role: CRMX Service ${seed.tag}`, user_ids: [seed.users.csr.id] });
  });
});

describe('GET /meta', () => {
  it("gives the industry and type labels in the caller's language", async () => {
    const r = await route('rep2', 'GET', '/meta');
    expect(r.status).toBe(200);
    expect(r.body.data.language).toBe('en_us');
    expect(r.body.data.industry).toMatchObject({ Banking: 'Banking', Technology: 'Technology' });
    expect(r.body.data.account_type).toMatchObject({ Customer: 'Customer' });
  });

  it('refuses a language SuiteCRM does not have', async () => {
    const r = await route('rep2', 'GET', '/meta?lang=xx_yy');
    expect(r.status).toBe(400);
    expect(r.body.errors).toMatchObject({ status: 400, code: 'invalid_query' });
  });
});
