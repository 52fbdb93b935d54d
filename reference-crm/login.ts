// The host page's own sign-in: pick a demo user or paste a token; a cookie session follows.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { endSession, startSession, userFromRequest } from './auth';
import { userIdForToken, userTokens } from './db/org';
import type { CrmStore } from './store';

function page(store: CrmStore, next: string, error?: string) {
  const back = html`<input type="hidden" name="next" value="${next}">`;
  const org = store.org();
  const options = userTokens(store.db).map(({ user }) => {
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
<form method="post" action="/login">${back}
  <fieldset><legend>Demo users</legend>
    <label for="login-user">Sign in as</label>
    <select id="login-user" name="userId">${options}</select>
    <button type="submit">Sign in</button>
  </fieldset>
</form>
<form method="post" action="/login">${back}
  <fieldset><legend>API token</legend>
    <label for="login-token">Token</label>
    <input id="login-token" name="token" type="password" autocomplete="off" required>
    <button type="submit">Sign in with token</button>
  </fieldset>
</form>
</main>
</body></html>`;
}

export function loginRoutes(store: CrmStore): Hono {
  const app = new Hono();

  app.get('/login', (c) => c.html(page(store, safeNext(c.req.query('next')))));

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const userId = typeof form.userId === 'string' ? form.userId : '';
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    const id = token ? userIdForToken(store.db, token) : store.org().users.some((u) => u.id === userId) ? userId : null;
    if (!id) {
      const why = token ? 'That token belongs to no user.' : 'Pick a user or paste a token.';
      return c.html(page(store, next, why), 401);
    }
    startSession(c, store.db, id);
    return c.redirect(next, 303);
  });

  app.get('/logout', (c) => {
    endSession(c, store.db);
    return c.redirect('/login', 303);
  });

  app.get('/', (c) => c.redirect(userFromRequest(c, store) ? '/customers' : '/login', 303));

  return app;
}

/** Where to go after signing in: a path on this site only (no "//host" or absolute URLs). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/customers';
}
