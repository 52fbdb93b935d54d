// Sharing through Security Groups: the share sets, adding (departments, roles, users), idempotency, ACL, and
// cancelling (specific or all, pools kept).
import { describe, expect, it } from 'vitest';
import { accountsWhere, route, seed, v8 } from './helpers';

const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const rep2Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep2.id);
const pooled = accountsWhere((a) => a.pooled);

describe('GET /accounts/shares', () => {
  it("gives each viewable account's departments, roles, users and pools", async () => {
    const [a] = rep1Accounts;
    const p = pooled[0];
    const r = await route('admin', 'GET', `/accounts/shares?ids=${a.id},${p.id}`);
    expect(r.status).toBe(200);
    expect(r.body.data[a.id]).toEqual({ departmentIds: [seed.groups.north], roleIds: [], userIds: [], poolGroupIds: [] });
    expect(r.body.data[p.id].poolGroupIds).toEqual([seed.groups.pool]);
  });

  it('leaves out accounts the caller may not view, and unknown ids', async () => {
    const r = await route('rep1', 'GET', `/accounts/shares?ids=${rep1Accounts[0].id},${rep2Accounts[0].id},00000000-0000-0000-0000-000000000000`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.data)).toEqual([rep1Accounts[0].id]);
  });

  it('refuses a missing list, a bad id and more than 200 ids', async () => {
    expect((await route('rep1', 'GET', '/accounts/shares')).body.errors).toMatchObject({ status: 400, code: 'invalid_query' });
    const bad = await route('rep1', 'GET', `/accounts/shares?ids=${rep1Accounts[0].id},x'or'1`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.code).toBe('invalid_id');
    const many = Array.from({ length: 201 }, (_, i) => `id${i}`).join(',');
    expect((await route('rep1', 'GET', `/accounts/shares?ids=${many}`)).body.errors).toMatchObject({ status: 400, code: 'too_large' });
  });
});

describe('POST /accounts/{id}/shares', () => {
  it('adds a department, a role and a user; sharing twice leaves one link each', async () => {
    const a = rep1Accounts[1];
    const before = (await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=date_modified`)).body;
    const body = { departmentIds: [seed.groups.south], roleIds: [seed.roles.manager], userIds: [seed.users.csr.id] };
    const r1 = await route('rep1', 'POST', `/accounts/${a.id}/shares`, body);
    expect(r1.status).toBe(200);
    const want = {
      departmentIds: [seed.groups.north, seed.groups.south].sort(),
      roleIds: [seed.roles.manager],
      userIds: [seed.users.csr.id],
      poolGroupIds: [],
    };
    const sorted = (s: any) => ({ ...s, departmentIds: [...s.departmentIds].sort() });
    expect(r1.body.data.id).toBe(a.id);
    expect(sorted(r1.body.data.shares)).toEqual(want);
    const r2 = await route('rep1', 'POST', `/accounts/${a.id}/shares`, body);
    expect(sorted(r2.body.data.shares)).toEqual(want);

    // In SuiteCRM itself: one Security Group link per share (the account's Security Groups subpanel).
    const links = (await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}/relationships/SecurityGroups`)).body.data;
    const names = links.map((l: any) => l.attributes.name).sort();
    expect(names).toEqual(
      [`CRMX Dept North ${seed.tag}`, `CRMX Dept South ${seed.tag}`, `Role: CRMX Manager ${seed.tag}`, 'User: Cara Service'].sort(),
    );
    // The share moved date_modified, so a modified-since scan sees it.
    const after = (await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=date_modified`)).body;
    expect(after.data.attributes.date_modified >= before.data.attributes.date_modified).toBe(true);
  });

  it("puts the role's users in the role's group and the user alone in the user's group", async () => {
    const a = rep1Accounts[2];
    await route('rep1', 'POST', `/accounts/${a.id}/shares`, { roleIds: [seed.roles.salesRep], userIds: [seed.users.rep2.id] });
    const groups = (await route('rep1', 'GET', '/org')).body.data.groups;
    const role = groups.find((g: any) => g.kind === 'role' && g.ref_id === seed.roles.salesRep);
    expect(role.user_ids.sort()).toEqual([seed.users.rep1.id, seed.users.rep2.id, seed.users.poolAdmin.id].sort());
    const user = groups.find((g: any) => g.kind === 'user' && g.ref_id === seed.users.rep2.id);
    expect(user).toMatchObject({ name: 'User: Ron Rep', user_ids: [seed.users.rep2.id] });
  });

  it("refuses a rep who may not edit the account (403), and SuiteCRM's ACL then holds", async () => {
    const theirs = rep2Accounts[0];
    const r = await route('rep1', 'POST', `/accounts/${theirs.id}/shares`, { userIds: [seed.users.rep1.id] });
    expect(r.status).toBe(403);
    expect(r.body.errors).toMatchObject({ status: 403, code: 'forbidden' });
    const shares = (await route('admin', 'GET', `/accounts/shares?ids=${theirs.id}`)).body.data[theirs.id];
    expect(shares.userIds).toEqual([]);
  });

  it('lets a user see an account once it is shared with them', async () => {
    const a = rep2Accounts[1];
    expect((await v8('rep1', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=name`)).status).toBe(400); // V8's AccessDenied
    expect((await route('rep2', 'POST', `/accounts/${a.id}/shares`, { userIds: [seed.users.rep1.id] })).status).toBe(200);
    const seen = await v8('rep1', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=name`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.attributes.name).toBe(a.name);
  });

  it('answers 404 for an unknown account and 400 for bad bodies', async () => {
    const a = rep1Accounts[3];
    expect((await route('admin', 'POST', '/accounts/00000000-0000-0000-0000-000000000000/shares', { userIds: [] })).status).toBe(404);
    const cases: [unknown, string][] = [
      ['not json', 'invalid_body'],
      [[1, 2], 'invalid_body'],
      [{ users: [seed.users.rep2.id] }, 'invalid_body'],
      [{ userIds: seed.users.rep2.id }, 'invalid_body'],
      [{ userIds: ['bad id!'] }, 'invalid_id'],
      [{ departmentIds: [seed.groups.pool] }, 'unknown_ids'],
      [{ roleIds: ['00000000-0000-0000-0000-000000000000'] }, 'unknown_ids'],
      [{ userIds: Array.from({ length: 201 }, (_, i) => `u${i}`) }, 'too_large'],
    ];
    for (const [body, code] of cases) {
      const r = await route('admin', 'POST', `/accounts/${a.id}/shares`, body);
      expect([r.status, r.body.errors?.code], JSON.stringify(body).slice(0, 60)).toEqual([400, code]);
    }
    expect((await route('admin', 'POST', `/accounts/${a.id}/shares`)).body.errors.code).toBe('invalid_body');
  });
});

describe('DELETE /accounts/{id}/shares', () => {
  it('removes only the chosen shares, twice without harm', async () => {
    const a = rep1Accounts[4];
    await route('rep1', 'POST', `/accounts/${a.id}/shares`, {
      departmentIds: [seed.groups.south],
      roleIds: [seed.roles.service],
      userIds: [seed.users.rep2.id, seed.users.csr.id],
    });
    const body = { all: false, departmentIds: [seed.groups.south], userIds: [seed.users.rep2.id] };
    const r1 = await route('rep1', 'DELETE', `/accounts/${a.id}/shares`, body);
    expect(r1.status).toBe(200);
    const want = { departmentIds: [seed.groups.north], roleIds: [seed.roles.service], userIds: [seed.users.csr.id], poolGroupIds: [] };
    expect(r1.body.data.shares).toEqual(want);
    const r2 = await route('rep1', 'DELETE', `/accounts/${a.id}/shares`, body);
    expect(r2.status).toBe(200);
    expect(r2.body.data.shares).toEqual(want);
  });

  it('"all" clears departments, roles and users but keeps the pool', async () => {
    const p = pooled[1];
    await route('admin', 'POST', `/accounts/${p.id}/shares`, { departmentIds: [seed.groups.north], userIds: [seed.users.rep1.id] });
    const r = await route('admin', 'DELETE', `/accounts/${p.id}/shares`, { all: true });
    expect(r.status).toBe(200);
    expect(r.body.data.shares).toEqual({ departmentIds: [], roleIds: [], userIds: [], poolGroupIds: [seed.groups.pool] });
  });

  it('needs edit access and a well-formed body', async () => {
    expect((await route('rep1', 'DELETE', `/accounts/${rep2Accounts[2].id}/shares`, { all: true })).status).toBe(403);
    const a = rep1Accounts[5];
    for (const body of [{}, { all: 'yes' }, { all: true, userIds: [seed.users.rep2.id] }, { all: false, groups: [] }]) {
      const r = await route('rep1', 'DELETE', `/accounts/${a.id}/shares`, body);
      expect([r.status, r.body.errors?.code]).toEqual([400, 'invalid_body']);
    }
  });
});
