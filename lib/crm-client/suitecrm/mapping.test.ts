import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROLE_ID, NO_DEPARTMENT_ID, NO_ROLE_ID, attributesOf, customerOf, dbTimeOf, isoOf, labelsOf, orgOf, versionOf,
} from './mapping';
import { codeOfDetail, decodeEntities } from './v8';
import { auditEntries, logEntryOf, uuidFrom } from './connector';

describe('SuiteCRM answers', () => {
  it.each([
    ['A&B &quot;Q&quot; O&#039;Neil &lt;b&gt;', 'A&B "Q" O\'Neil <b>'],
    ['Công ty Việt', 'Công ty Việt'],
    ['[&quot;vip&quot;,&quot;hot&quot;]', '["vip","hot"]'],
  ])('decodes %s', (raw, text) => {
    expect(decodeEntities(raw)).toBe(text);
  });

  it.each([
    [400, '[SuiteCRM] [AccessDeniedException] ', 'forbidden'],
    [400, 'Accounts module with id x is not found', 'not_found'],
    [400, 'Module with g id is not related to Account', 'not_found'],
    [400, 'Bean Notes with id n is already exist', 'exists'],
    [400, 'Property nosuch in Account module is invalid', 'invalid'],
    [401, '', 'unauthorized'],
    [403, 'Admin only', 'forbidden'],
    [409, 'Already picked up', 'conflict'],
    [500, '', 'fault'],
  ])('an answer %i "%s" is %s', (status, detail, code) => {
    expect(codeOfDetail(status, detail)).toBe(code);
  });

  it.each([
    ['2026-12-03T22:25:00+00:00', '2026-12-03T22:25:00.000Z'],
    ['2026-12-03 22:25:26', '2026-12-03T22:25:26.000Z'],
    ['', '1970-01-01T00:00:00.000Z'],
    [null, '1970-01-01T00:00:00.000Z'],
  ])('reads the time %s', (value, iso) => {
    expect(isoOf(value)).toBe(iso);
  });

  it('writes times the way its filters compare them', () => {
    expect(dbTimeOf('2026-12-03T22:25:26.789Z')).toBe('2026-12-03 22:25:26');
  });

  it.each([
    ['[&quot;vip&quot;,&quot;hot&quot;,&quot;vip&quot;]', ['vip', 'hot']],
    ['vip, hot', ['vip', 'hot']],
    ['', []],
    [null, []],
    ['{"not":"a list"}', []],
  ])('reads the labels %s', (value, tags) => {
    expect(labelsOf(value)).toEqual(tags);
  });
});

describe('customerOf', () => {
  const account = {
    name: 'Hammer &quot;Group&quot;', crm_code_c: 'KH000123', email1: 'a@b.vn', phone_office: '0912 345 678', crm_source_c: 'Zalo',
    industry: 'Banking', assigned_user_id: 'u-1', crm_csr_id_c: '', crm_pool_id_c: null, crm_labels_c: '[&quot;vip&quot;]',
    date_entered: '2026-01-01T08:00:00+00:00', date_modified: '2026-12-03T22:25:00+00:00',
  };

  it('maps an Account to a customer', () => {
    expect(customerOf('a-1', account, { departmentIds: ['g-1'], roleIds: [], userIds: ['u-2'] })).toMatchObject({
      id: 'a-1', name: 'Hammer "Group"', code: 'KH000123', email: 'a@b.vn', phone: '0912 345 678', source: 'Zalo',
      businessField: 'Banking', aeId: 'u-1', csrId: null, poolId: null, tags: ['vip'],
      shares: { departmentIds: ['g-1'], roleIds: [], userIds: ['u-2'] },
      createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-12-03T22:25:00.000Z', deletedAt: null,
    });
  });

  it('gives a new version to any change the overlay shows, and the same to the same content', () => {
    const one = customerOf('a-1', account);
    expect(customerOf('a-1', { ...account }).version).toBe(one.version);
    expect(customerOf('a-1', { ...account, phone_office: '0912 345 679' }).version).not.toBe(one.version);
    expect(customerOf('a-1', account, { departmentIds: ['g-1'], roleIds: [], userIds: [] }).version).not.toBe(one.version);
    const { version: _v, ...rest } = one;
    expect(versionOf(rest)).toBe(one.version);
  });

  it('writes an edit as Account fields, an emptied one as empty, never date_modified', () => {
    expect(attributesOf({ phone: '0988', businessField: 'Energy', csrId: null, code: undefined })).toEqual({
      phone_office: '0988', industry: 'Energy', crm_csr_id_c: '',
    });
  });
});

describe('orgOf', () => {
  it('makes departments of department groups, roles of ACL roles, pools of pool groups, and places everyone', () => {
    const org = orgOf({
      users: [
        { id: 'u-admin', user_name: 'admin', name: 'Administrator', email: '', reports_to_id: null, is_admin: true },
        { id: 'u-rep', user_name: 'rep', name: 'Rep One', email: 'rep@x.vn', reports_to_id: 'u-boss', is_admin: false },
        { id: 'u-boss', user_name: 'boss', name: 'Boss', email: '', reports_to_id: '' as unknown as null, is_admin: false },
      ],
      roles: [{ id: 'r-sales', name: 'Sales Rep', user_ids: ['u-rep'] }],
      groups: [
        { id: 'g-south', name: 'South', kind: 'department', ref_id: null, user_ids: ['u-rep', 'u-boss'] },
        { id: 'g-pool', name: 'Pool: South', kind: 'pool', ref_id: null, user_ids: ['u-boss'] },
        { id: 'g-role', name: 'Role: Sales Rep', kind: 'role', ref_id: 'r-sales', user_ids: ['u-rep'] },
      ],
    });
    expect(org.departments).toEqual([
      { id: 'g-south', name: 'South', parentId: null }, { id: NO_DEPARTMENT_ID, name: 'No department', parentId: null },
    ]);
    expect(org.roles.map((r) => [r.id, r.admin])).toEqual([[ADMIN_ROLE_ID, true], ['r-sales', false], [NO_ROLE_ID, false]]);
    expect(org.users).toEqual([
      { id: 'u-admin', name: 'Administrator', email: '', departmentId: NO_DEPARTMENT_ID, roleId: ADMIN_ROLE_ID, managerId: null },
      { id: 'u-rep', name: 'Rep One', email: 'rep@x.vn', departmentId: 'g-south', roleId: 'r-sales', managerId: 'u-boss' },
      { id: 'u-boss', name: 'Boss', email: '', departmentId: 'g-south', roleId: NO_ROLE_ID, managerId: null },
    ]);
    expect(org.pools).toEqual([{ id: 'g-pool', name: 'Pool: South', adminUserIds: ['u-boss'] }]);
    expect(org.permissionGroups).toEqual([]);
  });
});

describe('the operation log in Notes', () => {
  const note = (name: string, description: string | null) => ({ id: 'n-1', at: '2026-12-03T10:00:07Z', user_id: 'u-1', name, description });
  it.each([
    ['an edit, in our field names, to the second', note('[CRM overlay] Edit customer', JSON.stringify({ details: '', changes: [{ field: 'phone_office', before: '1', after: '2' }] })), {
      id: 'n-1', seq: Date.parse('2026-12-03T10:00:07Z'), customerId: 'a-1', type: 'Edit customer', at: '2026-12-03T10:00:07.000Z',
      actorId: 'u-1', details: '', changes: [{ field: 'phone', before: '1', after: '2' }],
    }],
    ['a note of ours edited by hand in SuiteCRM (no JSON): no details, no changes', note('[CRM overlay] Share customer', 'shared by hand'), {
      id: 'n-1', seq: Date.parse('2026-12-03T10:00:07Z'), customerId: 'a-1', type: 'Share customer', at: '2026-12-03T10:00:07.000Z',
      actorId: 'u-1', details: '', changes: [],
    }],
    ['another note', note('Call notes', 'hello'), null],
    ['a note with our prefix but no log type', note('[CRM overlay] Something else', '{}'), null],
    ['a note with no description', note('[CRM overlay] Delete customer', null), {
      id: 'n-1', seq: Date.parse('2026-12-03T10:00:07Z'), customerId: 'a-1', type: 'Delete customer', at: '2026-12-03T10:00:07.000Z',
      actorId: 'u-1', details: '', changes: [],
    }],
  ])('reads %s', (_what, input, entry) => {
    expect(logEntryOf('a-1', input)).toEqual(entry);
  });

  it('makes the same UUID from the same key, a different one from another', async () => {
    const one = await uuidFrom('job-1:3:a-1:log');
    expect(one).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await uuidFrom('job-1:3:a-1:log')).toBe(one);
    expect(await uuidFrom('job-1:3:a-2:log')).not.toBe(one);
  });
});

describe('auditEntries: SuiteCRM\'s own edits from its change log', () => {
  const row = (id: string, at: string, user: string, field: string, before: unknown, after: unknown) => ({ id, at, user_id: user, field, before, after });
  const note = {
    id: 'n-1', seq: Date.parse('2026-12-03T10:00:00Z'), customerId: 'a-1', type: 'Edit customer' as const, at: '2026-12-03T10:00:00.000Z',
    actorId: 'u-1', details: '', changes: [{ field: 'phone', before: '0', after: '1' }],
  };

  it('makes one entry per save, in our field names, and leaves out what the overlay logged itself', () => {
    const entries = auditEntries('a-1', [
      row('r1', '2026-12-03T11:00:05Z', 'u-2', 'phone_office', '1', '2'),
      row('r2', '2026-12-03T11:00:05Z', 'u-2', 'crm_labels_c', '["a"]', '["a","b"]'),
      row('r3', '2026-12-03T10:00:41Z', 'u-1', 'phone_office', '0', '1'),
      row('r4', '2026-12-03T10:00:41Z', 'u-3', 'industry', 'Energy', 'Banking'),
    ], [note]);
    expect(entries).toEqual([
      { id: 'audit:a-1:r1', seq: Date.parse('2026-12-03T11:00:05Z'), customerId: 'a-1', type: 'Edit customer', at: '2026-12-03T11:00:05.000Z', actorId: 'u-2', details: '',
        changes: [{ field: 'phone', before: '1', after: '2' }, { field: 'tags', before: ['a'], after: ['a', 'b'] }] },
      { id: 'audit:a-1:r4', seq: Date.parse('2026-12-03T10:00:41Z'), customerId: 'a-1', type: 'Edit customer', at: '2026-12-03T10:00:41.000Z', actorId: 'u-3', details: '',
        changes: [{ field: 'businessField', before: 'Energy', after: 'Banking' }] },
    ]);
  });

  it('knows the overlay\'s change a minute after its note (sent again after a fault) by its values, and keeps an edit in SuiteCRM right after it', () => {
    // The note at 10:00:00; the change-log rows are its change, applied when it was sent again, then the same
    // user's own edit in SuiteCRM's screens.
    const entries = auditEntries('a-1', [
      row('r1', '2026-12-03T10:01:00Z', 'u-1', 'phone_office', '0', '1'),
      row('r2', '2026-12-03T10:01:20Z', 'u-1', 'phone_office', '1', '5'),
    ], [note]);
    expect(entries.map((e) => e.id)).toEqual(['audit:a-1:r2']);
  });

  it('knows a return to the pool by its emptied account executive (SuiteCRM stores no null)', () => {
    const back = { ...note, type: 'Back customer' as const, changes: [{ field: 'aeId', before: 'u-1', after: null }] };
    expect(auditEntries('a-1', [row('r1', '2026-12-03T10:00:30Z', 'u-1', 'assigned_user_id', 'u-1', '')], [back])).toEqual([]);
  });
});

describe('createLanes', () => {
  it('runs at most the limit at once over every caller, the others in order', async () => {
    const { createLanes } = await import('./connector');
    const run = createLanes(2);
    let open = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => run(async () => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(n);
      open--;
      return n;
    });
    const first = Promise.all([1, 2, 3].map(task));
    const second = Promise.all([4, 5].map(task));
    expect([...(await first), ...(await second)]).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([1, 2]);
  });
});
