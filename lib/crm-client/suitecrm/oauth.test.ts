import { describe, expect, it } from 'vitest';
import { refreshed, sessionTokens, signIn, suiteSessionOf, type SuiteCrmSession } from './oauth';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const signInRequest = { username: 'rep', password: 'hunter2', clientId: 'cid', clientSecret: 'secret' };

describe('signing in to SuiteCRM', () => {
  it('keeps the tokens SuiteCRM issues and never the password', async () => {
    const asked: unknown[] = [];
    const session = await signIn('http://crm', signInRequest, (async (_url: string, init: RequestInit) => {
      asked.push(JSON.parse(String(init.body)));
      return json({ token_type: 'Bearer', expires_in: 3600, access_token: 'a1', refresh_token: 'r1' });
    }) as unknown as typeof fetch, 1_000);
    expect(asked).toEqual([{ grant_type: 'password', client_id: 'cid', client_secret: 'secret', username: 'rep', password: 'hunter2' }]);
    expect(session).toEqual({ kind: 'suitecrm', clientId: 'cid', clientSecret: 'secret', accessToken: 'a1', refreshToken: 'r1', expiresAt: 3_601_000 });
    expect(JSON.stringify(session)).not.toContain('hunter2');
    expect(suiteSessionOf(JSON.stringify(session))).toEqual(session);
    expect(suiteSessionOf('tok-rep')).toBeNull();
  });

  it.each([
    [500, { error: 'unknown_error', error_description: 'The password is invalid: hunter2' }, 'SuiteCRM refused this user name and password'],
    [401, { error: 'invalid_client' }, 'SuiteCRM does not know this OAuth client or its secret: ask your SuiteCRM administrator for them'],
  ])('says what was wrong (%i) without repeating what SuiteCRM echoed', async (status, body, message) => {
    const error = await signIn('http://crm', signInRequest, (async () => json(body, status)) as unknown as typeof fetch).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'unauthorized', message });
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('the connector\'s tokens', () => {
  const session = (access: string, refresh: string, expiresAt: number): SuiteCrmSession =>
    ({ kind: 'suitecrm', clientId: 'cid', clientSecret: 'secret', accessToken: access, refreshToken: refresh, expiresAt });

  it('refreshes once for callers refused at the same time, and saves the rotated token before using it', async () => {
    let stored = session('a1', 'r1', 10_000_000);
    const saved: string[] = [];
    const grants: string[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { refresh_token: string };
      grants.push(body.refresh_token);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return json({ expires_in: 3600, access_token: `a-after-${body.refresh_token}`, refresh_token: `${body.refresh_token}+` });
    }) as unknown as typeof globalThis.fetch;
    const tokens = sessionTokens('http://crm', {
      read: async () => stored,
      save: async (s) => {
        saved.push(s.refreshToken);
        stored = s;
      },
    }, fetch, () => 0);
    const [one, two] = await Promise.all([tokens.refresh('a1'), tokens.refresh('a1')]);
    expect([one, two]).toEqual(['a-after-r1', 'a-after-r1']);
    expect(grants).toEqual(['r1']);
    expect(saved).toEqual(['r1+']);
    expect(await tokens.access()).toBe('a-after-r1');
  });

  it('refreshes ahead of expiry', async () => {
    let stored = session('old', 'r1', 30_000);
    const tokens = sessionTokens('http://crm', { read: async () => stored, save: async (s) => void (stored = s) },
      (async () => json({ expires_in: 3600, access_token: 'new', refresh_token: 'r2' })) as unknown as typeof fetch, () => 0);
    expect(await tokens.access()).toBe('new');
    expect(stored.refreshToken).toBe('r2');
  });

  it('tells the user to sign in again when the refresh token is spent', async () => {
    const error = await refreshed('http://crm', session('a', 'r', 0), (async () => json({ error: 'invalid_request', hint: 'Token has been revoked' }, 401)) as unknown as typeof fetch)
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Your SuiteCRM sign-in has expired: sign in again in the options' });
  });
});
