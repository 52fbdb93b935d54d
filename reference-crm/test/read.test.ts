import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeAll(async () => {
  crm = await testCrm();
});
afterAll(() => crm.close());

describe('who is calling', () => {
  it('answers /me for the token\'s user with role, department and admin flag', async () => {
    const { status, body } = await crm.call('tok-rep', 'GET', '/me');
    expect(status).toBe(200);
    expect(body).toEqual({
      user: { id: 'u-rep', name: 'Rey Rep', email: 'rey@x.test', departmentId: 'd-north', roleId: 'r-rep', managerId: 'u-manager' },
      role: { id: 'r-rep', name: 'Rep', admin: false },
      department: { id: 'd-north', name: 'Sales North', parentId: 'd-sales' },
      isAdmin: false,
    });
    expect((await crm.call('tok-admin', 'GET', '/me')).body.isAdmin).toBe(true);
  });

  it.each([
    ['no header', null],
    ['an unknown token', 'tok-nobody'],
  ])('refuses %s with 401 unauthorized', async (_, token) => {
    const { status, body } = await crm.call(token, 'GET', '/me');
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });

  it('serves the org without tokens', async () => {
    const { body } = await crm.call('tok-rep', 'GET', '/org');
    expect(body.users).toHaveLength(6);
    expect(JSON.stringify(body)).not.toContain('tok-');
    expect(body.permissionGroups[0]).toEqual({ id: 'pg-key', name: 'Key accounts', canEdit: true, roleIds: ['r-key'], customerIds: ['c-key', 'c-1'] });
  });
});

describe('the customer list', () => {
  const ids = async (token: string, query = '') =>
    (await crm.call(token, 'GET', `/customers/ids${query}`)).body.ids as string[];

  it.each([
    ['rep: own AE customers and the share to the department above his', 'tok-rep', ['c-1', 'c-3', 'c-shared']],
    ['manager: his direct subordinates\' customers and the department share', 'tok-manager', ['c-1', 'c-2', 'c-3', 'c-shared']],
    ['edit-group member: the group\'s customers', 'tok-key', ['c-1', 'c-key']],
    ['admin: every live customer, never the deleted one', 'tok-admin', ['c-1', 'c-2', 'c-3', 'c-key', 'c-shared', 'c-twin', 'c-twin2']],
    ['pool admin: nothing of his own', 'tok-pool', []],
  ])('lists for the %s', async (_, token, expected) => {
    expect((await ids(token)).sort()).toEqual(expected);
  });

  it('pages, sorts and counts', async () => {
    const page = await crm.call('tok-admin', 'GET', '/customers?sort=-name&page=2&pageSize=3');
    expect(page.body.total).toBe(7);
    expect(page.body.page).toBe(2);
    expect(page.body.pageSize).toBe(3);
    expect(page.body.items.map((c: { name: string }) => c.name)).toEqual(['Key Corp', 'Cao Nguyen', 'Binh Minh']);
  });

  it.each([
    ['name', '?q=phat', ['c-1']],
    ['code', '?q=C-KEY', ['c-key']],
    ['phone typed another way', '?q=%2B84912', ['c-1']],
    ['email', '?q=c-2%40example', ['c-2']],
    ['tag', '?tag=vip', ['c-1']],
  ])('filters by %s', async (_, query, expected) => {
    expect(await ids('tok-admin', query)).toEqual(expected);
  });

  it('filters to the user\'s followed customers', async () => {
    expect(await ids('tok-rep', '?followed=1')).toEqual(['c-1']);
    expect((await crm.call('tok-rep', 'GET', '/follows')).body).toEqual({ customerIds: ['c-1'] });
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=1001', 'pageSize'],
    ['page=0', 'page'],
    ['sort=phone', 'sort'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const { status, body } = await crm.call('tok-admin', 'GET', `/customers?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toMatch(new RegExp(`^${field}:`));
  });
});

describe('one customer', () => {
  it('answers a listed customer with its version as ETag', async () => {
    const res = await crm.call('tok-rep', 'GET', '/customers/c-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ id: 'c-1', aeId: 'u-rep', version: 1, deletedAt: null, tags: ['vip'] });
  });

  it.each([
    ['not listed for the user', 'tok-rep', 'c-2'],
    ['deleted', 'tok-admin', 'c-gone'],
    ['unknown', 'tok-admin', 'c-nope'],
  ])('is 404 when %s', async (_, token, id) => {
    const { status, body } = await crm.call(token, 'GET', `/customers/${id}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('lists the seed\'s tags', async () => {
    expect((await crm.call('tok-rep', 'GET', '/tags')).body).toEqual({ tags: ['vip'] });
  });
});
