// A file delete's rows through the SuiteCRM connector against the real SuiteCRM, as the reference CRM answers
// them: a row's account is deleted only while it still has the row's number and, unless the user chose it
// among several, no other account has that number ('ambiguous', naming them all, however each is written).
// Checked afterwards in SuiteCRM's own records (SQL's deleted flag) and the accounts' history (Notes).
import { describe, expect, it } from 'vitest';
import { sql } from '../../scripts/suitecrm/kit';
import { SuiteCrmConnector } from '../../lib/crm-client/suitecrm/connector';
import { decodeEntities, type TokenSource } from '../../lib/crm-client/suitecrm/v8';
import { accountsWhere, client, env, tokenOf, v8 } from './helpers';
import { overlayNotes } from './overlay-helpers';

const crm = new SuiteCrmConnector({
  baseUrl: client.url,
  tokens: { access: () => tokenOf('crmAdmin'), refresh: () => Promise.reject(new Error('a test token does not expire')) } satisfies TokenSource,
});
const run = crypto.randomUUID();
const byCode = (code: string) => accountsWhere((a) => a.code === code)[0];
const deletedFlag = (id: string) => sql(env.crm, `SELECT deleted FROM accounts WHERE id = '${id}'`)[0]?.[0];
const deleteNotes = async (id: string) => (await overlayNotes(id)).filter((n) => n.name === '[CRM overlay] Delete customer');
/** "+84 28 31…" as people write it at home: "028 31…". */
const local = (phone: string) => `0${phone.replace(/\D/g, '').slice(2).replace(/^(\d{2})(\d{4})/, '$1 $2 ')}`;

async function setPhone(id: string, phone: string): Promise<void> {
  const r = await v8('admin', 'PATCH', '/Api/V8/module', { data: { type: 'Accounts', id, attributes: { phone_office: phone } } });
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBeLessThan(300);
}

describe('a file delete\'s rows on SuiteCRM', () => {
  it('answers "ambiguous" naming every account with the number when another has had it since the preview, and deletes none', async () => {
    const [a, b] = [byCode('CRMX0021'), byCode('CRMX0022')];
    await setPhone(b.id, local(a.phone));
    const { results } = await crm.batchDeleteByPhone([{ id: a.id, row: 7, phone: a.phone }], 'twins.csv', { idempotencyKey: `${run}:1` });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ id: a.id, ok: false, phone: a.phone, error: { code: 'ambiguous' } });
    const error = (results[0] as { error: { matches?: { id: string; name: string; code: string }[] } }).error;
    expect(error.matches?.sort((x, y) => x.id.localeCompare(y.id)))
      .toEqual([a, b].map((x) => ({ id: x.id, name: x.name, code: x.code })).sort((x, y) => x.id.localeCompare(y.id)));
    expect([deletedFlag(a.id), deletedFlag(b.id)]).toEqual(['0', '0']);
    expect(await deleteNotes(a.id)).toEqual([]);
  });

  it('deletes the account the user chose among those with the number, and only it', async () => {
    const [a, b] = [byCode('CRMX0021'), byCode('CRMX0022')];
    await setPhone(b.id, local(a.phone));
    const { results } = await crm.batchDeleteByPhone([{ id: a.id, row: 7, phone: a.phone, chosen: true }], 'twins.csv', { idempotencyKey: `${run}:2` });
    expect(results).toEqual([{ id: a.id, ok: true, phone: a.phone }]);
    expect([deletedFlag(a.id), deletedFlag(b.id)]).toEqual(['1', '0']);
    expect((await v8('admin', 'GET', `/Api/V8/module/Accounts/${a.id}`)).status).not.toBe(200);
    const notes = await deleteNotes(a.id);
    expect(notes).toHaveLength(1);
    expect(JSON.parse(decodeEntities(notes[0].description)).details).toBe(`File "twins.csv", row 7, phone ${a.phone}`);
    expect(await deleteNotes(b.id)).toEqual([]);
  });

  it('a number nobody else has deletes its account, however the file writes it; a number the account no longer has deletes nothing', async () => {
    const [c, d] = [byCode('CRMX0023'), byCode('CRMX0024')];
    const dropped = c.phone.replace(/\D/g, '').slice(2); // a spreadsheet's number cell: no +84, no leading 0
    await setPhone(d.id, '+84 909 000 424');
    const { results } = await crm.batchDeleteByPhone([
      { id: c.id, row: 2, phone: dropped },
      { id: d.id, row: 3, phone: d.phone },
    ], 'mixed.csv', { idempotencyKey: `${run}:3` });
    expect(results[0]).toEqual({ id: c.id, ok: true, phone: dropped });
    expect(results[1]).toMatchObject({ id: d.id, ok: false, phone: d.phone, error: { code: 'not_found' } });
    expect([deletedFlag(c.id), deletedFlag(d.id)]).toEqual(['1', '0']);
    expect(await deleteNotes(c.id)).toHaveLength(1);
    expect(await deleteNotes(d.id)).toEqual([]);
  });
});
