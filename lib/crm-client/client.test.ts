import { describe, expect, it } from 'vitest';
import { client, json, type Call } from './test-client';
import { CrmError } from './errors';
import { sampleCustomer, sampleMe, sampleOrg } from './test-data';

const header = (call: Call, name: string) => new Headers(call.init.headers).get(name);

describe('CrmClient requests', () => {
  it('sends the bearer token, omits cookies and sets a timeout signal', async () => {
    const { crm, calls } = client(() => json(sampleMe()));
    const me = await crm.me();
    expect(me.user.name).toBe('Anh AE');
    expect(calls[0].url).toBe('http://127.0.0.1:5555/api/v1/me');
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1');
    expect(calls[0].init.credentials).toBe('omit');
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal);
    expect(header(calls[0], 'Idempotency-Key')).toBeNull();
  });

  it('builds the customers query from the filters given', async () => {
    const { crm, calls } = client(() => json({ items: [sampleCustomer()], total: 1, page: 2, pageSize: 10 }));
    const page = await crm.customers({ q: 'an phát', sort: '-updatedAt', page: 2, pageSize: 10, followed: true });
    expect(page.items[0].id).toBe('c-001');
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/api/v1/customers');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'an phát', sort: '-updatedAt', page: '2', pageSize: '10', followed: '1' });
  });

  it('encodes ids in paths', async () => {
    const { crm, calls } = client(() => json(sampleCustomer({ id: 'a/b' })));
    await crm.customer('a/b');
    expect(calls[0].url).toBe('http://127.0.0.1:5555/api/v1/customers/a%2Fb');
  });

  it.each([
    ['follow', 'PUT'],
    ['unfollow', 'DELETE'],
  ] as const)('%s sends %s with a fresh idempotency key each time', async (method, verb) => {
    const { crm, calls } = client(() => json({ ok: true }));
    await crm[method]('c-001');
    await crm[method]('c-001');
    expect(calls.map((c) => c.init.method)).toEqual([verb, verb]);
    expect(calls[0].url).toBe('http://127.0.0.1:5555/api/v1/follows/c-001');
    expect(calls.map((c) => header(c, 'Idempotency-Key'))).toEqual(['key-1', 'key-2']);
  });

  it('reuses an idempotency key given by the caller', async () => {
    const { crm, calls } = client(() => json({ ok: true }));
    await crm.follow('c-001', { idempotencyKey: 'outbox-7' });
    expect(header(calls[0], 'Idempotency-Key')).toBe('outbox-7');
  });

  it('validates the org and follows answers', async () => {
    const { crm } = client((call) => (call.url.endsWith('/org') ? json(sampleOrg()) : json({ customerIds: ['c-1'] })));
    expect((await crm.org()).users).toHaveLength(5);
    expect(await crm.follows()).toEqual(['c-1']);
  });
});

describe('CrmClient errors', () => {
  async function failure(promise: Promise<unknown>): Promise<CrmError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  }

  it('carries the CRM error code, message, rule and whom to ask', async () => {
    const body = { error: { code: 'forbidden', message: 'Only administrators', rule: 'administrator-only', ask: [{ kind: 'administrator', userIds: ['u-admin'] }] } };
    const { crm } = client(() => json(body, 403));
    const error = await failure(crm.unfollow('c-001'));
    expect(error).toMatchObject({ code: 'forbidden', status: 403, message: 'Only administrators', rule: 'administrator-only' });
    expect(error.ask).toEqual([{ kind: 'administrator', userIds: ['u-admin'] }]);
  });

  it('reads Retry-After on 429 (after the last try)', async () => {
    const { crm } = client(() => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'Retry-After': '3' }));
    expect(await failure(crm.me())).toMatchObject({ code: 'rate_limited', retryAfter: 3 });
  });

  it('maps an error answer without an envelope by its status', async () => {
    const { crm } = client(() => new Response('<html>oops</html>', { status: 503, statusText: 'Service Unavailable' }));
    const error = await failure(crm.me());
    expect(error.code).toBe('fault');
    expect(error.message).toContain('HTTP 503');
  });

  it('names the field of a malformed answer', async () => {
    const { crm } = client(() => json({ ...sampleCustomer(), name: 42 }));
    const error = await failure(crm.customer('c-001'));
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('GET /customers/c-001');
    expect(error.message).toContain('name');
  });

  it('refuses an answer that is not JSON', async () => {
    const { crm } = client(() => new Response('hello', { status: 200 }));
    expect(await failure(crm.me())).toMatchObject({ code: 'bad_response' });
  });

  it('reports an unreachable CRM as network', async () => {
    const { crm } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(crm.me());
    expect(error.code).toBe('network');
    expect(error.unreachable).toBe(true);
  });

  it('reports a CRM that does not answer in time as timeout', async () => {
    const { crm } = client(
      (call) =>
        new Promise<Response>((_, reject) => {
          call.init.signal!.addEventListener('abort', () => reject(call.init.signal!.reason));
        }),
      { timeoutMs: 5 },
    );
    const error = await failure(crm.me());
    expect(error.code).toBe('timeout');
    expect(error.unreachable).toBe(true);
  });
});
