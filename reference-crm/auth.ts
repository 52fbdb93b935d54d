// Who is calling: a bearer token from the seed, or the host page's session cookie.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../lib/domain/types';
import type { Db } from './db/open';
import { userIdForToken } from './db/org';
import { stmt } from './db/statements';
import type { CrmStore } from './store';

export const SESSION_COOKIE = 'crm_session';

export interface Caller {
  user: User;
  via: 'bearer' | 'cookie';
}

/** Stores a new session for the user and returns its id (the cookie value). */
export function createSession(db: Db, userId: string, now = new Date()): string {
  const id = randomBytes(24).toString('base64url');
  stmt(db, 'INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').run(id, userId, now.toISOString());
  return id;
}

export function deleteSession(db: Db, id: string): void {
  stmt(db, 'DELETE FROM sessions WHERE id = ?').run(id);
}

/** Sets the session cookie: out of scripts' reach (HttpOnly) and never sent by another site's request (Strict). */
export function startSession(c: Context, db: Db, userId: string): void {
  setCookie(c, SESSION_COOKIE, createSession(db, userId), { httpOnly: true, sameSite: 'Strict', path: '/' });
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

export function endSession(c: Context, db: Db): void {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) deleteSession(db, id);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * The signed-in user, or null. An Authorization header wins over the cookie: a wrong token is not
 * rescued by a cookie.
 */
export function userFromRequest(c: Context, store: CrmStore): Caller | null {
  const header = c.req.header('authorization');
  let userId: string | null = null;
  let via: Caller['via'] = 'bearer';
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    userId = match ? userIdForToken(store.db, match[1]) : null;
  } else {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) {
      via = 'cookie';
      userId = (stmt(store.db, 'SELECT user_id FROM sessions WHERE id = ?').pluck().get(session) as string | undefined) ?? null;
    }
  }
  const user = userId ? store.org().users.find((u) => u.id === userId) : undefined;
  return user ? { user, via } : null;
}
