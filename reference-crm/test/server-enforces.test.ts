// The server enforces what the extension enforces: each row is a probe that once succeeded and must now be
// refused (or answered as the rules say), with the rule's reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

const patch = (token: string, id: string, body: unknown) => crm.call(token, 'PATCH', `/customers/${id}`, body, { 'if-match': '"1"' });

describe('changing the AE or the CSR through an edit', () => {
  it.each([
    ['the CSR empties the AE (a return to the pool without a reason)', 'tok-rep2', 'c-3', { aeId: null }, 'reassign-not-allowed'],
    ['the CSR makes themselves the AE', 'tok-rep2', 'c-3', { aeId: 'u-rep2' }, 'reassign-not-allowed'],
    ['the CSR hands the customer to another CSR', 'tok-rep2', 'c-3', { csrId: 'u-key' }, 'reassign-not-allowed'],
    ['the AE hands the customer to an outsider', 'tok-rep', 'c-1', { aeId: 'u-pool' }, 'reassign-not-allowed'],
    ['the AE empties the AE by an edit', 'tok-rep', 'c-1', { aeId: null, name: 'Renamed' }, 'reassign-not-allowed'],
    ["the AE's manager empties the AE by an edit", 'tok-manager', 'c-1', { aeId: null }, 'return-to-pool-required'],
    ['a user the customer is shared with makes themselves CSR', 'tok-rep', 'c-shared', { csrId: 'u-rep' }, 'edit-required'],
  ])('refuses: %s', async (_sentence, token, id, body, rule) => {
    const before = (await crm.call('tok-admin', 'GET', `/customers/${id}`)).body;
    const reply = await patch(token, id, body);
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ code: 'forbidden', rule });
    expect(reply.body.error.message).toMatch(new RegExp(`^Refused by rule "${rule}": \\S`));
    expect((await crm.call('tok-admin', 'GET', `/customers/${id}`)).body).toEqual(before);
  });

  it.each([
    ['the AE changes the CSR', 'tok-rep', 'c-1', { csrId: 'u-rep2' }],
    ["the AE's manager moves the customer to another rep", 'tok-manager', 'c-1', { aeId: 'u-rep2' }],
    ['a permission group with edit rights makes its member the CSR', 'tok-key', 'c-key', { csrId: 'u-key' }],
    ['the CSR edits the details and sends the AE unchanged', 'tok-rep2', 'c-3', { aeId: 'u-rep', name: 'Cao' }],
  ])('allows: %s', async (_sentence, token, id, body) => {
    const reply = await patch(token, id, body);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject(body);
  });
});
