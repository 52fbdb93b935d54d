// Signing in to SuiteCRM as the user (OAuth2 password grant): the password goes to SuiteCRM once and is
// never kept; what is kept is what SuiteCRM issues (an access token for an hour, a refresh token for a
// month) and the OAuth client its administrator created. Refresh tokens rotate: each works once, so
// refreshes are made one at a time and the new session is saved before it is used.
import * as v from 'valibot';
import { CrmError } from '../errors';
import { transportError } from '../wire';
import type { TokenSource } from './v8';

export interface SuiteCrmSignIn {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/** What the background keeps for a SuiteCRM connection (as its token, serialized). */
export interface SuiteCrmSession {
  kind: 'suitecrm';
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  /** ms since the epoch. */
  expiresAt: number;
}

const TokenAnswer = v.object({
  access_token: v.pipe(v.string(), v.minLength(1)),
  refresh_token: v.pipe(v.string(), v.minLength(1)),
  expires_in: v.number(),
});

const SessionSchema = v.object({
  kind: v.literal('suitecrm'),
  clientId: v.string(),
  clientSecret: v.string(),
  accessToken: v.string(),
  refreshToken: v.string(),
  expiresAt: v.number(),
});

/** The stored token as a SuiteCRM session, or null when it is another CRM's token. */
export function suiteSessionOf(token: string): SuiteCrmSession | null {
  if (!token.startsWith('{')) return null;
  try {
    const parsed = v.safeParse(SessionSchema, JSON.parse(token));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

async function grant(baseUrl: string, body: Record<string, string>, doFetch: typeof fetch, now: number): Promise<Omit<SuiteCrmSession, 'kind' | 'clientId' | 'clientSecret'>> {
  const what = 'Signing in to SuiteCRM';
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/Api/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw transportError(what, error, 20_000);
  }
  // Never read its error text into a message: SuiteCRM echoes the password in it.
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401 && body.grant_type === 'password') {
      throw new CrmError({ code: 'unauthorized', status: 401, message: 'SuiteCRM does not know this OAuth client or its secret: ask your SuiteCRM administrator for them' });
    }
    if (response.status === 401) {
      throw new CrmError({ code: 'unauthorized', status: 401, message: 'Your SuiteCRM sign-in has expired: sign in again in the options' });
    }
    if (response.status === 500 && body.grant_type === 'password') {
      throw new CrmError({ code: 'unauthorized', status: 401, message: 'SuiteCRM refused this user name and password' });
    }
    throw new CrmError({ code: response.status >= 500 ? 'fault' : 'invalid', status: response.status, message: `${what}: SuiteCRM answered ${response.status}` });
  }
  const parsed = v.safeParse(TokenAnswer, json);
  if (!parsed.success) throw new CrmError({ code: 'bad_response', message: `${what}: SuiteCRM's answer has no tokens` });
  return { accessToken: parsed.output.access_token, refreshToken: parsed.output.refresh_token, expiresAt: now + parsed.output.expires_in * 1000 };
}

/** Signs in with the user's own SuiteCRM user name and password; the answer keeps no password. */
export async function signIn(baseUrl: string, request: SuiteCrmSignIn, doFetch: typeof fetch = globalThis.fetch, now = Date.now()): Promise<SuiteCrmSession> {
  const tokens = await grant(baseUrl, {
    grant_type: 'password', client_id: request.clientId, client_secret: request.clientSecret,
    username: request.username, password: request.password,
  }, doFetch, now);
  return { kind: 'suitecrm', clientId: request.clientId, clientSecret: request.clientSecret, ...tokens };
}

export async function refreshed(baseUrl: string, session: SuiteCrmSession, doFetch: typeof fetch = globalThis.fetch, now = Date.now()): Promise<SuiteCrmSession> {
  const tokens = await grant(baseUrl, {
    grant_type: 'refresh_token', client_id: session.clientId, client_secret: session.clientSecret, refresh_token: session.refreshToken,
  }, doFetch, now);
  return { ...session, ...tokens };
}

export interface SessionStore {
  /** The session as stored now (another connector of this worker may have refreshed it). */
  read(): Promise<SuiteCrmSession | null>;
  save(session: SuiteCrmSession): Promise<void>;
}

/**
 * The connector's tokens from the stored session: refreshed ahead of expiry or when SuiteCRM refuses
 * one, one refresh at a time, the new session saved before it is used.
 */
export function sessionTokens(
  baseUrl: string, store: SessionStore, doFetch: typeof fetch = globalThis.fetch, now: () => number = Date.now,
): TokenSource & { use(session: SuiteCrmSession): void } {
  let refreshing: Promise<string> | null = null;
  // The session as last read or saved here: a call per customer need not read storage each time.
  let known: SuiteCrmSession | null = null;
  const read = async () => (known ??= await store.read());

  function refresh(stale: string): Promise<string> {
    refreshing ??= (async () => {
      try {
        const session = await store.read();
        if (!session) throw new CrmError({ code: 'not_connected', message: 'Not signed in to SuiteCRM' });
        known = session;
        // Refreshed meanwhile (by another caller): that one is fresh.
        if (session.accessToken !== stale && session.expiresAt - now() > 60_000) return session.accessToken;
        const next = await refreshed(baseUrl, session, doFetch, now());
        await store.save(next);
        known = next;
        return next.accessToken;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  return {
    /** The session as stored now, when a connector is made for it (a new sign-in replaces the one known). */
    use(session: SuiteCrmSession) {
      known = session;
    },
    async access() {
      if (refreshing) return refreshing;
      const session = await read();
      if (!session) throw new CrmError({ code: 'not_connected', message: 'Not signed in to SuiteCRM' });
      return session.expiresAt - now() > 60_000 ? session.accessToken : refresh(session.accessToken);
    },
    refresh,
  };
}
