// Change records (SuiteCRM's audit, "View Change Log"), deletion with links kept for restore, and the changes feed.
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { accountsWhere, env, ISO, route, seed, v8 } from './helpers';

const rep1Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep1.id);
const rep2Accounts = accountsWhere((a) => a.assignedUserId === seed.users.rep2.id);

describe('GET /accounts/{id}/audit', () => {
  it('lists the fields a V8 PATCH changed, newest first, with before and after as raw text', async () => {
    const a = rep1Accounts[0];
    const start = (await route('admin', 'GET', '/changes')).body.data.now;
    const patch = await v8('rep1', 'PATCH', '/Api/V8/module', {
      data: {
        type: 'Accounts',
        id: a.id,
        attributes: { name: `${a.name} & "Sons"`, phone_office: '+84 28 0000 0001', industry: 'Energy', crm_labels_c: '["vip","hot"]' },
      },
    });
    expect(patch.status).toBe(201);
    const r = await route('rep1', 'GET', `/accounts/${a.id}/audit?since=${start}`);
    expect(r.status).toBe(200);
    const rows = r.body.data as any[];
    const byField = Object.fromEntries(rows.map((x) => [x.field, x]));
    expect(Object.keys(byField).sort()).toEqual(['crm_labels_c', 'industry', 'name', 'phone_office']);
    expect(byField.name).toMatchObject({ before: a.name, after: `${a.name} & "Sons"`, user_id: seed.users.rep1.id });
    expect(byField.phone_office).toMatchObject({ before: a.phone, after: '+84 28 0000 0001' });
    expect(byField.industry).toMatchObject({ before: a.industry, after: 'Energy' });
    expect(byField.crm_labels_c.after).toBe('["vip","hot"]');
    for (const row of rows) expect(row.at).toMatch(ISO);
    const times = rows.map((x) => x.at);
    expect([...times].sort().reverse()).toEqual(times);

    // `since` after the edit: nothing.
    const later = new Date(Date.parse(times[0]) + 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((await route('rep1', 'GET', `/accounts/${a.id}/audit?since=${later}`)).body.data).toEqual([]);
  });

  it('answers 403 to a caller who may not view the account, 404 for an unknown one, 400 for a bad since', async () => {
    expect((await route('rep1', 'GET', `/accounts/${rep2Accounts[0].id}/audit`)).status).toBe(403);
    expect((await route('rep1', 'GET', '/accounts/00000000-0000-0000-0000-000000000000/audit')).status).toBe(404);
    const bad = await route('rep1', 'GET', `/accounts/${rep1Accounts[0].id}/audit?since=yesterday`);
    expect([bad.status, bad.body.errors.code]).toEqual([400, 'invalid_query']);
  });
});

describe('GET /accounts/{id}/log', () => {
  it('lists the overlay\'s notes on the account, newest first, to the second (V8 says only the minute); before pages, since and until bound', async () => {
    const a = rep1Accounts[4];
    const rep1 = seed.users.rep1.id;
    const note = async (name: string, description: string, at: string) => {
      const id = crypto.randomUUID();
      const made = await v8('rep1', 'POST', '/Api/V8/module', {
        data: { type: 'Notes', id, attributes: { name, description, parent_type: 'Accounts', parent_id: a.id, assigned_user_id: rep1 } },
      });
      expect(made.status).toBe(201);
      sql(env.crm, `UPDATE notes SET date_entered = '${at}' WHERE id = '${id}'`);
      return id;
    };
    const edit = await note('[CRM overlay] Edit customer', JSON.stringify({ details: '', changes: [{ field: 'phone', before: '1', after: '2' }] }), '2026-11-02 10:00:20');
    const share = await note('[CRM overlay] Share customer', '{"details":"North & \\"South\\""}', '2026-11-02 10:00:40');
    await note('Call with the customer', 'not the overlay\'s', '2026-11-02 10:00:30');
    const gone = await note('[CRM overlay] Follow customer', '{}', '2026-11-02 10:00:50');
    expect((await v8('rep1', 'DELETE', `/Api/V8/module/Notes/${gone}`)).status).toBe(200);

    const log = async (query = '') => {
      const r = await route('rep1', 'GET', `/accounts/${a.id}/log${query}`);
      expect(r.status).toBe(200);
      return r.body.data as { id: string }[];
    };
    expect(await log()).toEqual([
      { id: share, at: '2026-11-02T10:00:40Z', user_id: rep1, name: '[CRM overlay] Share customer', description: '{"details":"North & \\"South\\""}' },
      { id: edit, at: '2026-11-02T10:00:20Z', user_id: rep1, name: '[CRM overlay] Edit customer', description: JSON.stringify({ details: '', changes: [{ field: 'phone', before: '1', after: '2' }] }) },
    ]);
    const ids = async (query: string) => (await log(query)).map((n) => n.id);
    expect(await ids('?before=2026-11-02T10:00:40Z')).toEqual([edit]);
    expect(await ids('?since=2026-11-02T10:00:21Z')).toEqual([share]);
    expect(await ids('?until=2026-11-02T10:00:20Z')).toEqual([edit]);
    expect(await ids('?limit=1')).toEqual([share]);
  });

  it('answers 403 to a caller who may not view the account, 404 for an unknown one, 400 for a bad time or limit', async () => {
    expect((await route('rep1', 'GET', `/accounts/${rep2Accounts[0].id}/log`)).status).toBe(403);
    expect((await route('rep1', 'GET', '/accounts/00000000-0000-0000-0000-000000000000/log')).status).toBe(404);
    for (const query of ['before=yesterday', 'until=12:00', 'limit=0', 'limit=1001']) {
      const bad = await route('rep1', 'GET', `/accounts/${rep1Accounts[0].id}/log?${query}`);
      expect([bad.status, bad.body.errors.code], query).toEqual([400, 'invalid_query']);
    }
  });
});

describe('DELETE /accounts/{id}, GET /changes, POST /accounts/{id}/restore', () => {
  it('refuses a rep (no delete right) with 403 and keeps the account', async () => {
    const a = rep1Accounts[1];
    const r = await route('rep1', 'DELETE', `/accounts/${a.id}`);
    expect(r.status).toBe(403);
    expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=name`)).status).toBe(200);
  });

  it('deletes like the web UI (also accounts with related records, bug #9886), once; changes lists it; restore brings it back whole', async () => {
    const a = rep1Accounts[2];
    // A related contact and a note, as the demo data and the operation log have.
    const contactId = crypto.randomUUID();
    const noteId = crypto.randomUUID();
    expect((await v8('admin', 'POST', '/Api/V8/module', { data: { type: 'Contacts', id: contactId, attributes: { last_name: 'Related' } } })).status).toBe(201);
    expect((await v8('admin', 'POST', `/Api/V8/module/Accounts/${a.id}/relationships/contacts`, { data: { type: 'Contacts', id: contactId } })).status).toBe(201);
    const note = { type: 'Notes', id: noteId, attributes: { name: '[CRM overlay] Edit customer', parent_type: 'Accounts', parent_id: a.id } };
    expect((await v8('admin', 'POST', '/Api/V8/module', { data: note })).status).toBe(201);
    const since = (await route('admin', 'GET', '/changes')).body.data.now;

    const d1 = await route('crmAdmin', 'DELETE', `/accounts/${a.id}`);
    expect(d1.status).toBe(200);
    expect(d1.body.meta).toEqual({ deleted: true });
    const d2 = await route('crmAdmin', 'DELETE', `/accounts/${a.id}`);
    expect([d2.status, d2.body.meta]).toEqual([200, { deleted: false }]);
    expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status).toBe(400); // V8: "not found"

    const ch = await route('rep1', 'GET', `/changes?since=${since}`);
    expect(ch.status).toBe(200);
    expect(ch.body.data.now).toMatch(ISO);
    expect(ch.body.data.deleted).toEqual([a.id]);

    const refused = await route('manager', 'POST', `/accounts/${a.id}/restore`);
    expect([refused.status, refused.body.errors.code]).toEqual([403, 'forbidden']);
    const r1 = await route('crmAdmin', 'POST', `/accounts/${a.id}/restore`);
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ meta: { restored: true }, data: { id: a.id } });
    const r2 = await route('crmAdmin', 'POST', `/accounts/${a.id}/restore`);
    expect(r2.body.meta).toEqual({ restored: false });

    const back = await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=name,email1`);
    expect(back.status).toBe(200);
    expect(back.body.data.attributes.email1).toBe(a.email);
    const contacts = (await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}/relationships/contacts`)).body.data.map((c: any) => c.id);
    expect(contacts).toContain(contactId);
    const notes = (await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}/relationships/notes`)).body.data.map((n: any) => n.id);
    expect(notes).toContain(noteId);
    const shares = (await route('admin', 'GET', `/accounts/shares?ids=${a.id}`)).body.data[a.id];
    expect(shares.departmentIds).toEqual([seed.groups.north]);
    // Back in rep1's list (the group link came back with it).
    expect((await v8('rep1', 'GET', `/Api/V8/module/Accounts/${a.id}?fields[Accounts]=name`)).status).toBe(200);
    // Restored accounts leave the deleted list.
    expect((await route('rep1', 'GET', `/changes?since=${since}`)).body.data.deleted).toEqual([]);
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    expect((await route('crmAdmin', 'DELETE', '/accounts/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await route('crmAdmin', 'POST', '/accounts/00000000-0000-0000-0000-000000000000/restore')).status).toBe(404);
    const bad = await route('crmAdmin', 'DELETE', '/accounts/' + 'x'.repeat(40));
    expect([bad.status, bad.body.errors.code]).toEqual([400, 'invalid_id']);
  });
});
