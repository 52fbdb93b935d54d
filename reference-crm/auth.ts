// Who is calling: a bearer token from the seed, or the host page's session cookie.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../lib/domain/types';
import type { Repository } from './db/repository';

export const SESSION_COOKIE = 'crm_session';

export interface Caller {
  user: User;
  via: 'bearer' | 'cookie';
}

/** Sets the session cookie: out of scripts' reach (HttpOnly) and never sent by another site's request (Strict). */
export async function startSession(c: Context, repo: Repository, userId: string): Promise<void> {
  setCookie(c, SESSION_COOKIE, await repo.createSession(userId, new Date()), { httpOnly: true, sameSite: 'Strict', path: '/' });
}

/** The address the request came from (the socket's peer; a header could be forged), or 'local' in process. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Whether the request's Origin header names this server's own origin (a missing one does not). */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin;
}

export async function endSession(c: Context, repo: Repository): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await repo.deleteSession(id);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * The signed-in user, or null. An Authorization header wins over the cookie: a wrong token is not
 * rescued by a cookie.
 */
export async function userFromRequest(c: Context, repo: Repository): Promise<Caller | null> {
  const header = c.req.header('authorization');
  let userId: string | null = null;
  let via: Caller['via'] = 'bearer';
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    userId = match ? await repo.userIdForToken(match[1]) : null;
  } else {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) {
      via = 'cookie';
      userId = await repo.sessionUserId(session);
    }
  }
  const user = userId ? (await repo.org()).users.find((u) => u.id === userId) : undefined;
  return user ? { user, via } : null;
}
