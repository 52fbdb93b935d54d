import { describe, expect, it } from 'vitest';
import { CrmError } from './errors';
import { client, json } from './test-client';
import { parseRetryAfter, retryDelay, DEFAULT_RETRY } from './retry';
import { sampleCustomer, sampleMe } from './test-data';

const fault = () => json({ error: { code: 'fault', message: 'injected' } }, 503);
const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

/** Answers in turn; the last answer repeats. */
function sequence(...answers: (() => Response)[]) {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]();
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('CrmClient retries', () => {
  it('retries 5xx with full-jitter exponential backoff, then succeeds', async () => {
    const { crm, calls, sleeps } = client(sequence(fault, fault, () => json(sampleMe())));
    expect((await crm.me()).user.id).toBe('u-ae');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]); // random 0.5 × 250·2⁰, 0.5 × 250·2¹
  });

  it('gives up after the configured attempts with the last error', async () => {
    const { crm, calls } = client(fault, { retry: { attempts: 3 } });
    expect(await failure(crm.me())).toMatchObject({ code: 'fault', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('retries network errors and timeouts', async () => {
    let n = 0;
    const { crm, calls } = client((call) => {
      n++;
      if (n === 1) throw new TypeError('Failed to fetch');
      if (n === 2) return new Promise<Response>((_, reject) => call.init.signal!.addEventListener('abort', () => reject(call.init.signal!.reason)));
      return json(sampleMe());
    }, { timeoutMs: 5 });
    expect((await crm.me()).user.id).toBe('u-ae');
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['seconds', '7', 7000],
    ['an HTTP date', 'Wed, 01 May 2024 00:00:04 GMT', 4000],
  ])('waits what Retry-After says (%s) on 429', async (_kind, value, waited) => {
    const limited = () => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'Retry-After': value });
    const { crm, calls, sleeps } = client(sequence(limited, () => json(sampleMe())));
    await crm.me();
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([waited]);
  });

  it.each([
    [400, 'invalid'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'],
    [412, 'stale'], [422, 'idempotency_mismatch'], [428, 'precondition_required'],
  ])('never retries %i and surfaces its code, message, rule and ask', async (status, code) => {
    const body = { error: { code, message: `refused ${status}`, rule: 'edit-ae-or-csr', ask: [{ kind: 'manager', userIds: ['u-m'] }] } };
    const { crm, calls } = client(() => json(body, status));
    expect(await failure(crm.returnToPool('c-1', 'moved'))).toMatchObject({
      code, status, message: `refused ${status}`, rule: 'edit-ae-or-csr', ask: [{ kind: 'manager', userIds: ['u-m'] }],
    });
    expect(calls).toHaveLength(1);
  });

  it('keeps one idempotency key across the retries of a mutation', async () => {
    const { crm, calls } = client(sequence(fault, () => { throw new TypeError('offline'); }, () => json({ ok: true })));
    await crm.follow('c-1');
    expect(calls.map((c) => header(c.init, 'Idempotency-Key'))).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it("an edit: the caller's key and the version as If-Match on every try, the tries the caller asks for", async () => {
    const { crm, calls } = client(sequence(fault, fault, () => json(sampleCustomer({ id: 'c-1', version: 5 }))));
    await expect(crm.editCustomer('c-1', { name: 'X' }, 4, { idempotencyKey: 'ob-1', attempts: 2 })).rejects.toMatchObject({ code: 'fault' });
    expect(calls.map((c) => [header(c.init, 'Idempotency-Key'), header(c.init, 'If-Match')])).toEqual([['ob-1', '"4"'], ['ob-1', '"4"']]);
  });

  it('names the path of a malformed answer deep inside a batch', async () => {
    const { crm } = client(() => json({ results: [{ id: 'c-1', ok: true }, { id: 'c-2', ok: 'yes' }] }));
    const error = await failure(crm.batchShare(['c-1', 'c-2'], { departmentIds: [], roleIds: [], userIds: ['u'] }));
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('POST /batch/share');
    expect(error.message).toContain('results.1');
  });
});

describe('retry helpers', () => {
  it('caps the backoff', () => {
    const error = new CrmError({ code: 'fault', message: '', status: 503 });
    expect(retryDelay(error, 10, DEFAULT_RETRY, () => 0.999)).toBeLessThan(DEFAULT_RETRY.maxDelayMs);
  });

  it.each([[null, undefined], ['soon', undefined], ['0', 0], ['Wed, 01 May 2024 00:00:00 GMT', 0]])(
    'parses Retry-After %s', (value, seconds) => {
      expect(parseRetryAfter(value, Date.parse('2024-05-01T00:00:10Z'))).toBe(seconds);
    },
  );
});

describe('endpoints', () => {
  it.each([
    ['customerLogs', (c: ReturnType<typeof client>['crm']) => c.customerLogs('c-1', { types: ['Edit customer', 'Back customer'], before: 9, limit: 20 }),
      { items: [], nextBefore: null }, 'GET', '/api/v1/customers/c-1/logs?types=Edit+customer%2CBack+customer&before=9&limit=20'],
    ['syncCustomers', (c: ReturnType<typeof client>['crm']) => c.syncCustomers('', 500),
      { changed: [], removed: [], next: '0', hasMore: false }, 'GET', '/api/v1/sync/customers?limit=500'],
    ['syncLogs', (c: ReturnType<typeof client>['crm']) => c.syncLogs('42'),
      { items: [], next: '42', hasMore: false }, 'GET', '/api/v1/sync/logs?since=42'],
    ['batchDeleteByPhone', (c: ReturnType<typeof client>['crm']) => c.batchDeleteByPhone([{ id: 'c-1', row: 2, phone: '0912' }], 'a.csv'),
      { results: [{ id: 'c-1', phone: '0912', ok: false, error: { code: 'ambiguous', message: '2', matches: [{ id: 'c-1', name: 'A', code: 'K1' }] } }] },
      'POST', '/api/v1/batch/delete-by-phone'],
    ['customers since', (c: ReturnType<typeof client>['crm']) => c.customers({ updatedSince: '2026-01-01T00:00:00.000Z', sort: 'updatedAt' }),
      { items: [], total: 0, page: 1, pageSize: 50 }, 'GET', '/api/v1/customers?updatedSince=2026-01-01T00%3A00%3A00.000Z&sort=updatedAt'],
    ['editCustomer', (c: ReturnType<typeof client>['crm']) => c.editCustomer('c-1', { name: 'X' }, 3).catch(() => undefined),
      {}, 'PATCH', '/api/v1/customers/c-1'],
    ['tags', (c: ReturnType<typeof client>['crm']) => c.tags(), { tags: ['VIP'] }, 'GET', '/api/v1/tags'],
  ] as const)('%s calls %s %s', async (_name, run, answer, method, path) => {
    const { crm, calls } = client(() => json(answer));
    await run(crm);
    expect(calls[0].init.method).toBe(method);
    const url = new URL(calls[0].url);
    expect(`${url.pathname}${url.search}`).toBe(path);
  });
});
