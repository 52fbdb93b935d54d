import { describe, expect, it } from 'vitest';
import { createV8 } from './v8';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

function v8With(answers: ((token: string) => Response)[]) {
  const seen: string[] = [];
  let refreshes = 0;
  const v8 = createV8({
    baseUrl: 'http://crm',
    tokens: { access: async () => 'old', refresh: async () => (refreshes++, 'new') },
    fetch: (async (_url: string, init: RequestInit) => {
      const token = String((init.headers as Record<string, string>).Authorization).slice('Bearer '.length);
      seen.push(token);
      return answers.shift()!(token);
    }) as unknown as typeof fetch,
    sleep: async () => undefined,
  });
  return { v8, seen, refreshes: () => refreshes };
}

describe('SuiteCRM calls', () => {
  it('refresh a refused token once and call again with the new one', async () => {
    const { v8, seen, refreshes } = v8With([() => json({ error: 'access_denied' }, 401), () => json({ data: [] })]);
    expect((await v8.call('GET', '/V8/module/Accounts')).json).toEqual({ data: [] });
    expect(seen).toEqual(['old', 'new']);
    expect(refreshes()).toBe(1);
  });

  it('do not refresh twice: a new token refused too is the user\'s to sign in again', async () => {
    const { v8, refreshes } = v8With([() => json({}, 401), () => json({}, 401), () => json({ data: [] })]);
    await expect(v8.call('GET', '/V8/module/Accounts')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(refreshes()).toBe(1);
  });

  it('try again after a fault, up to the tries asked for', async () => {
    const { v8, seen } = v8With([() => json({}, 503), () => json({}, 503), () => json({ ok: 1 })]);
    expect((await v8.call('GET', '/V8/x', undefined, 3)).json).toEqual({ ok: 1 });
    expect(seen).toHaveLength(3);
    const once = v8With([() => json({}, 503), () => json({ ok: 1 })]);
    await expect(once.v8.call('POST', '/V8/module', {}, 1)).rejects.toMatchObject({ code: 'fault' });
    expect(once.seen).toHaveLength(1);
  });

  it('carry the accounts a package refusal names for a number several have', async () => {
    const matches = [{ id: 'a-1', name: 'An & Co', code: 'C1' }, { id: 'a-2', name: 'Binh', code: 'C2' }];
    const { v8 } = v8With([() => json({ errors: { status: 409, code: 'ambiguous', detail: '2 accounts have the number 0912', matches: [...matches, { name: 'no id' }] } }, 409)]);
    await expect(v8.call('DELETE', '/V8/custom/crm-overlay/accounts/a-1', { phone: '0912', chosen: false }, 1))
      .rejects.toMatchObject({ code: 'ambiguous', status: 409, matches });
    const other = v8With([() => json({ errors: { status: 409, code: 'not_found', detail: 'gone', matches } }, 409)]);
    const refused = await other.v8.call('DELETE', '/V8/x', undefined, 1).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'not_found' });
    expect((refused as { matches?: unknown }).matches).toBeUndefined();
  });
});
