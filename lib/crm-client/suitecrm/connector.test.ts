// The SuiteCRM connector's writes against a fake V8: a write and its log Note are two requests, so the
// Note goes first (a write whose answer is lost reads back as done and is not sent again) and is taken
// back when the write is refused for good; a batch ends every customer's requests before it gives up.
import { describe, expect, it } from 'vitest';
import { CrmError } from '../errors';
import { SuiteCrmConnector, uuidFrom } from './connector';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const ACCOUNT = { name: 'Acme', phone_office: '+84 1', crm_labels_c: '["vip"]', date_modified: '2026-12-03 10:00:00', assigned_user_id: 'u-1' };

/** A fake SuiteCRM: `write` answers the account's PATCH (a Response, or a throw for a lost connection). */
function fakeSuiteCrm(write: (id: string) => Promise<Response>) {
  const calls: string[] = [];
  const notes = new Map<string, string>();
  const fetch = (async (url: string, init: RequestInit) => {
    const path = url.replace('http://crm/Api', '').split('?')[0];
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) as { data: { type: string; id: string; attributes?: { description?: string } } } : null;
    calls.push(`${method} ${path}${body ? ` ${body.data.type}` : ''}`);
    if (method === 'GET' && path === '/V8/current-user') return json({ data: { id: 'u-1' } });
    if (method === 'GET' && path.startsWith('/V8/module/Accounts/')) return json({ data: { id: path.split('/').pop(), attributes: ACCOUNT } });
    if (method === 'GET' && path.endsWith('/accounts/shares')) return json({ data: {} });
    if (method === 'POST' && body?.data.type === 'Notes') {
      if (notes.has(body.data.id)) return json({ errors: { detail: `Bean Notes with id ${body.data.id} is already exist` } }, 400);
      notes.set(body.data.id, String(body.data.attributes?.description));
      return json({ data: body.data }, 201);
    }
    if (method === 'PATCH') return write(body!.data.id);
    if (method === 'DELETE' && path.startsWith('/V8/module/Notes/')) {
      notes.delete(path.split('/').pop()!);
      return json({ meta: {} });
    }
    throw new Error(`unexpected ${method} ${path}`);
  }) as unknown as typeof globalThis.fetch;
  const crm = new SuiteCrmConnector({
    baseUrl: 'http://crm', fetch, tokens: { access: async () => 't', refresh: async () => 't' }, sleep: async () => undefined,
  });
  return { crm, calls, notes };
}

const writes = (calls: string[]) => calls.filter((c) => !c.startsWith('GET '));

describe('SuiteCRM writes and their log Notes', () => {
  it('write the Note before the account\'s change, saying what changes from what', async () => {
    const { crm, calls, notes } = fakeSuiteCrm(async () => json({ data: {} }, 201));
    await crm.editCustomer('a-1', { phone: '+84 2' }, 0, { idempotencyKey: 'k1' });
    expect(writes(calls)).toEqual(['POST /V8/module Notes', 'PATCH /V8/module Accounts']);
    expect([...notes.keys()]).toEqual([await uuidFrom('k1:log')]);
    expect(JSON.parse([...notes.values()][0])).toEqual({ details: '', changes: [{ field: 'phone', before: '+84 1', after: '+84 2' }] });
  });

  it('keep the Note when the change\'s answer is lost (it may have been applied), and make it once when sent again', async () => {
    let lose = true;
    const { crm, calls, notes } = fakeSuiteCrm(async () => {
      if (lose) throw new TypeError('Failed to fetch');
      return json({ data: {} }, 201);
    });
    const error = await crm.editCustomer('a-1', { phone: '+84 2' }, 0, { idempotencyKey: 'k2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).unreachable).toBe(true);
    expect(notes.size).toBe(1);
    lose = false;
    await crm.editCustomer('a-1', { phone: '+84 2' }, 0, { idempotencyKey: 'k2' });
    expect(writes(calls)).toEqual(['POST /V8/module Notes', 'PATCH /V8/module Accounts', 'POST /V8/module Notes', 'PATCH /V8/module Accounts']);
    expect([...notes.keys()]).toEqual([await uuidFrom('k2:log')]);
  });

  it('take the Note back when SuiteCRM refuses the change for good', async () => {
    const { crm, calls, notes } = fakeSuiteCrm(async () => json({ errors: { detail: '[SuiteCRM] [AccessDeniedException] ' } }, 400));
    const error = await crm.batchLabels(['a-1'], 'add', ['Q4'], { idempotencyKey: 'k3' });
    expect(error.results).toEqual([{ id: 'a-1', ok: false, error: expect.objectContaining({ code: 'forbidden' }) }]);
    expect(writes(calls)).toEqual(['POST /V8/module Notes', 'PATCH /V8/module Accounts', `DELETE /V8/module/Notes/${await uuidFrom('k3:a-1:log')}`]);
    expect(notes.size).toBe(0);
  });

  it('refuse to restore a live account as the rules do (not-deleted), before any Note or restore is sent', async () => {
    const { crm, calls, notes } = fakeSuiteCrm(async () => json({ data: {} }, 201));
    const answer = await crm.batchRestore(['a-1'], { idempotencyKey: 'k5' });
    expect(answer.results).toEqual([{ id: 'a-1', ok: false, error: expect.objectContaining({ code: 'forbidden', rule: 'not-deleted' }) }]);
    expect(writes(calls)).toEqual([]);
    expect(notes.size).toBe(0);
  });

  it('end every customer\'s requests before a batch gives up on a lost answer', async () => {
    const ended: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { crm } = fakeSuiteCrm(async (id) => {
      if (id === 'a-1') throw new TypeError('Failed to fetch');
      await slow;
      ended.push(id);
      return json({ data: {} }, 201);
    });
    let settled = false;
    const batch = crm.batchLabels(['a-1', 'a-2', 'a-3'], 'add', ['Q4'], { idempotencyKey: 'k4' }).finally(() => (settled = true));
    batch.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await expect(batch).rejects.toMatchObject({ unreachable: true });
    expect(ended.sort()).toEqual(['a-2', 'a-3']);
  });
});

describe('SuiteCRM sign-out', () => {
  it('ends the session with V8\'s logout, as the signed-in user, tried once', async () => {
    const calls: string[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url} ${new Headers(init.headers).get('Authorization')}`);
      return json({ meta: { message: 'You have been successfully logged out' } });
    }) as unknown as typeof globalThis.fetch;
    const crm = new SuiteCrmConnector({ baseUrl: 'http://crm', fetch, tokens: { access: async () => 'tok-1', refresh: async () => 'tok-2' }, sleep: async () => undefined });
    await crm.signOut();
    expect(calls).toEqual(['POST http://crm/Api/V8/logout Bearer tok-1']);

    let tries = 0;
    const down = new SuiteCrmConnector({
      baseUrl: 'http://crm', tokens: { access: async () => 'tok-1', refresh: async () => 'tok-2' }, sleep: async () => undefined,
      fetch: (async () => {
        tries++;
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof globalThis.fetch,
    });
    await expect(down.signOut()).rejects.toMatchObject({ unreachable: true });
    expect(tries).toBe(1);
  });
});
