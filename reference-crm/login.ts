// The host page's own sign-in: a credential (the user's API token), or — only when the demo flag is on — a
// pick from the demo users. The form carries a CSRF token; a cookie session follows.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { clientAddress, endSession, startSession, userFromRequest } from './auth';
import type { FailureLimiter } from './http/rate-limit';
import { wellFormed } from './http/validate';
import { ApiError } from './http/errors';
import type { Repository } from './db/repository';

export const CSRF_COOKIE = 'crm_login_csrf';
const FORM_FIELDS = ['csrf', 'next', 'token', 'userId'];
const DEFAULT_NEXT = '/customers';
/** Longer than any `next` kept (2000), so a long one still signs in and lands on the list. */
const MAX_FORM_FIELD = 4096;

export interface LoginOptions {
  demoSignIn: boolean;
  failures: FailureLimiter;
}

interface PageState {
  next: string;
  csrf: string;
  error?: string;
}

async function page(repo: Repository, demoSignIn: boolean, { next, csrf, error }: PageState) {
  const hidden = html`<input type="hidden" name="next" value="${next}"><input type="hidden" name="csrf" value="${csrf}">`;
  const org = await repo.org();
  const options = !demoSignIn ? [] : (await repo.userTokens()).map(({ user }) => {
    const role = org.roles.find((r) => r.id === user.roleId)?.name ?? user.roleId;
    return html`<option value="${user.id}">${user.name} — ${role}</option>`;
  });
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — Reference CRM</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
  fieldset { border: 1px solid #bbb; border-radius: 6px; margin: 0 0 1.5rem; padding: 1rem; }
  label { display: block; margin-bottom: .25rem; font-weight: 600; }
  select, input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  button { margin-top: .75rem; padding: .5rem 1.25rem; font: inherit; }
  .error { color: #a00; border-left: 4px solid #a00; padding-left: .75rem; }
</style></head>
<body>
<main>
<h1>Sign in to the Reference CRM</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${demoSignIn
    ? html`<form method="post" action="/login">${hidden}
  <fieldset><legend>Demo users</legend>
    <label for="login-user">Sign in as</label>
    <select id="login-user" name="userId">${options}</select>
    <button type="submit">Sign in</button>
  </fieldset>
</form>`
    : ''}
<form method="post" action="/login">${hidden}
  <fieldset><legend>API token</legend>
    <label for="login-token">Token</label>
    <input id="login-token" name="token" type="password" autocomplete="off" required>
    <button type="submit">Sign in with token</button>
  </fieldset>
</form>
</main>
</body></html>`;
}

export function loginRoutes(repo: Repository, { demoSignIn, failures }: LoginOptions): Hono {
  const app = new Hono();

  /** The form again, with a fresh CSRF token in it and in its cookie. */
  const show = async (c: Context, next: string, status: ContentfulStatusCode = 200, error?: string) => {
    const csrf = randomBytes(24).toString('base64url');
    setCookie(c, CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Strict', path: '/login' });
    return c.html(await page(repo, demoSignIn, { next, csrf, error }), status);
  };

  app.get('/login', (c) => show(c, safeNext(c.req.query('next'))));

  app.post('/login', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      return show(c, DEFAULT_NEXT, 403, 'Sign in from this site\'s own sign-in page.');
    }
    const address = clientAddress(c);
    const wait = await failures.wait(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return show(c, DEFAULT_NEXT, 429, `Too many failed sign-ins from your address: try again in ${wait} s.`);
    }
    let form: Record<string, string>;
    try {
      form = await formBody(c, FORM_FIELDS);
    } catch (err) {
      if (err instanceof ApiError) return show(c, DEFAULT_NEXT, 400, err.message);
      throw err;
    }
    const next = safeNext(form.next);
    if (!sameSecret(form.csrf ?? '', getCookie(c, CSRF_COOKIE) ?? '')) {
      return show(c, next, 403, 'The sign-in form had expired or came from elsewhere: please sign in again.');
    }
    const token = (form.token ?? '').trim();
    const userId = form.userId ?? '';
    let id: string | null = null;
    if (token) id = await repo.userIdForToken(token);
    else if (userId && demoSignIn) id = (await repo.org()).users.some((u) => u.id === userId) ? userId : null;
    if (!id) {
      await failures.fail(address);
      const why = token ? 'That token belongs to no user.' : userId && !demoSignIn ? 'Sign in with your API token.' : 'Paste your API token.';
      return show(c, next, 401, why);
    }
    deleteCookie(c, CSRF_COOKIE, { path: '/login' });
    await startSession(c, repo, id);
    return c.redirect(next, 303);
  });

  app.get('/logout', async (c) => {
    await endSession(c, repo);
    return c.redirect('/login', 303);
  });

  app.get('/', async (c) => c.redirect((await userFromRequest(c, repo)) ? '/customers' : '/login', 303));

  return app;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/**
 * An application/x-www-form-urlencoded body with only `fields`, each once, as well-formed text: decoded
 * here rather than by URLSearchParams, which turns broken escapes into U+FFFD instead of refusing them.
 */
async function formBody(c: Context, fields: readonly string[]): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new ApiError(400, { code: 'invalid', message: 'Send the sign-in form as application/x-www-form-urlencoded.' });
  }
  const refuse = (message: string) => new ApiError(400, { code: 'invalid', message });
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw refuse('The form is not valid UTF-8.');
  }
  const form: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replaceAll('+', ' '));
      value = decodeURIComponent((at < 0 ? '' : pair.slice(at + 1)).replaceAll('+', ' '));
    } catch {
      throw refuse('The form holds a broken %-escape.');
    }
    if (!fields.includes(name)) throw refuse(`The form has a field this page does not know: ${JSON.stringify(name.slice(0, 50))}.`);
    if (name in form) throw refuse(`The form has the field ${name} twice.`);
    if (value.length > MAX_FORM_FIELD) throw refuse(`The field ${name} is too long.`);
    wellFormed(value, name);
    form[name] = value;
  }
  return form;
}

/** Control characters (which browsers strip from URLs) and backslashes (which they read as slashes). */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after signing in: a path on this site only. Anything a browser could read as another host
 * (`//host`, `/\host`, tabs or newlines it strips, `/%09/host` once decoded) goes to the customer list.
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/')) return DEFAULT_NEXT;
  if (UNSAFE.test(next) || next.startsWith('//')) return DEFAULT_NEXT;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return DEFAULT_NEXT;
  }
  // Decoded once more, it must still be a plain path: "/%2F/host" or "/%5Chost" are refused as well.
  if (UNSAFE.test(decoded) || decoded.startsWith('//')) return DEFAULT_NEXT;
  const base = 'http://this.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return DEFAULT_NEXT;
  // Re-serialised: percent-encoded ASCII, safe in a Location header.
  return url.pathname + url.search + url.hash;
}
