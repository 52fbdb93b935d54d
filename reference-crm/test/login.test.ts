import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm({ signInFailures: 0 });
});
afterEach(() => crm.close());

const FORM = 'application/x-www-form-urlencoded';
/** A request from a given client address, as the Node server passes it in. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

/** Opens the sign-in form: its CSRF cookie and the token in its hidden field. */
async function openForm(on = crm, query = '', address = '127.0.0.1') {
  const res = await on.app.request(`/login${query}`, {}, from(address));
  const cookie = res.headers.get('set-cookie') ?? '';
  const page = await res.text();
  return { res, page, cookie: cookie.split(';')[0], csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
}

/** Submits the sign-in form as a browser does: with the form's CSRF token and cookie. */
async function submit(fields: Record<string, string>, options: { on?: TestCrm; headers?: Record<string, string>; address?: string } = {}) {
  const on = options.on ?? crm;
  const form = await openForm(on, '', options.address);
  return on.app.request('/login', {
    method: 'POST',
    headers: { 'content-type': FORM, cookie: form.cookie, ...options.headers },
    body: new URLSearchParams({ csrf: form.csrf, ...fields }).toString(),
  }, from(options.address ?? '127.0.0.1'));
}

async function signIn(fields: Record<string, string>, on = crm): Promise<string> {
  const res = await submit(fields, { on });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/customers');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('crm_session='))!;
  expect(cookie).toMatch(/^crm_session=[^;]+;/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  return cookie.split(';')[0];
}

describe('the host page sign-in', () => {
  it('by default asks for a credential only: no list of users to pick from', async () => {
    const { page, cookie, csrf } = await openForm();
    expect(page).toContain('<label for="login-token">');
    expect(page).not.toContain('name="userId"');
    expect(csrf).toMatch(/^[\w-]{32}$/);
    expect(cookie).toBe(`crm_login_csrf=${csrf}`);
  });

  it('sets the CSRF cookie HttpOnly, SameSite=Strict, for /login only', async () => {
    const res = await crm.app.request('/login');
    expect(res.headers.get('set-cookie')).toMatch(/^crm_login_csrf=[\w-]+; Path=\/login; HttpOnly; SameSite=Strict$/);
  });

  it('signs in with a token; the API then takes the session cookie', async () => {
    const cookie = await signIn({ token: 'tok-rep' });
    const me = await crm.app.request('/api/v1/me', { headers: { cookie } });
    expect((await me.json()).user.id).toBe('u-rep');
  });

  it('the host page knows the session: the list for whoever signed in, /login for a visitor', async () => {
    const withPage = await testCrm({ pages: true });
    try {
      const cookie = await signIn({ token: 'tok-rep' }, withPage);
      expect((await withPage.app.request('/customers', { headers: { cookie } })).status).toBe(200);
      const visitor = await withPage.app.request('/customers');
      expect(visitor.status).toBe(302);
      expect(visitor.headers.get('location')).toBe('/login?next=%2Fcustomers');
    } finally {
      withPage.close();
    }
  });

  it('refuses a sign-in as a user without a credential unless the demo flag is on', async () => {
    const res = await submit({ userId: 'u-admin' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).not.toContain('crm_session=');
    const demo = await testCrm({ demoSignIn: true });
    try {
      expect((await openForm(demo)).page).toContain('<option value="u-rep">Rey Rep — Rep</option>');
      const cookie = await signIn({ userId: 'u-rep' }, demo);
      expect((await (await demo.app.request('/api/v1/me', { headers: { cookie } })).json()).user.id).toBe('u-rep');
    } finally {
      demo.close();
    }
  });

  it.each([
    ['no CSRF token', (f: { csrf: string; cookie: string }) => ({ body: { token: 'tok-rep' }, cookie: f.cookie })],
    ['no CSRF cookie', (f: { csrf: string; cookie: string }) => ({ body: { token: 'tok-rep', csrf: f.csrf }, cookie: '' })],
    ['a CSRF token of another form', (f: { csrf: string; cookie: string }) => ({ body: { token: 'tok-rep', csrf: `${f.csrf.slice(1)}x` }, cookie: f.cookie })],
  ])('refuses a sign-in with %s', async (_what, make) => {
    const { body, cookie } = make(await openForm());
    const res = await crm.app.request('/login', {
      method: 'POST', headers: { 'content-type': FORM, cookie }, body: new URLSearchParams(body).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('crm_session='))).toBe(false);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await submit({ token: 'tok-rep' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('refuses an unknown token with the form again', async () => {
    const res = await submit({ token: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('role="alert"');
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }, 403],
    ['no Origin at all', {}, 403],
    ['the opaque origin "null"', { origin: 'null' }, 403],
    ['this origin', { origin: 'http://localhost' }, 200],
  ])('a cookie-authenticated change from %s answers %i', async (_what, headers, status) => {
    const cookie = await signIn({ token: 'tok-rep' });
    const res = await crm.app.request('http://localhost/api/v1/follows/c-3', { method: 'PUT', headers: { cookie, ...headers } });
    expect(res.status).toBe(status);
  });

  it("a bearer call needs no Origin, and the extension's own origin is fine", async () => {
    for (const headers of [{}, { origin: 'chrome-extension://abcdefghijklmnop' }] as Record<string, string>[]) {
      const res = await crm.app.request('http://localhost/api/v1/follows/c-3', { method: 'PUT', headers: { authorization: 'Bearer tok-rep', ...headers } });
      expect(res.status).toBe(200);
    }
  });

  it('signs out: the session no longer works', async () => {
    const cookie = await signIn({ token: 'tok-rep' });
    const out = await crm.app.request('/logout', { headers: { cookie } });
    expect(out.headers.get('location')).toBe('/login');
    expect((await crm.app.request('/api/v1/me', { headers: { cookie } })).status).toBe(401);
  });

  it('prefers a bearer header over the cookie, even a wrong one', async () => {
    const cookie = await signIn({ token: 'tok-rep' });
    const res = await crm.app.request('/api/v1/me', { headers: { cookie, authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
  });
});

describe('after sign-in', () => {
  const EVIL = [
    '//evil.example/x', 'https://evil.example/', '/\\evil.example', '/%09/evil.example/x', '/\t/evil.example/x', '/%0a/x',
    '/\n/evil.example', '/%5Cevil.example', '/%2F/evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%ED%A0%80',
    '/%', '/\u0000', ' //evil.example', '/\r\n/x', '',
  ];
  it.each([
    ['/customers/c-1', '/customers/c-1'],
    ['/customers?page=2&q=a%20b', '/customers?page=2&q=a%20b'],
    ['/customers/Công ty', '/customers/C%C3%B4ng%20ty'],
    ...EVIL.map((next) => [next, '/customers']),
    [`/${'x'.repeat(3000)}`, '/customers'],
  ])('goes back to next=%j → %s, from the link and from the form, never with a 500', async (next, location) => {
    const form = await openForm(crm, `?next=${encodeURIComponent(next)}`);
    expect(form.res.status).toBe(200);
    expect(form.page).toContain(`name="next" value="${location.replaceAll('&', '&amp;')}"`);
    const res = await crm.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': FORM, cookie: form.cookie },
      body: new URLSearchParams({ token: 'tok-rep', csrf: form.csrf, next }).toString(),
    });
    expect([res.status, res.headers.get('location')]).toEqual([303, location]);
  });

  it('never answers 500 to a raw query with broken escapes', async () => {
    for (const raw of ['%', '%E0%A4%A', '%ED%A0%80', '%00', '/%0d%0aSet-Cookie:x=1']) {
      expect((await crm.app.request(`/login?next=${raw}`)).status).toBe(200);
    }
  });
});

describe('failed sign-ins and wrong tokens, per client address', () => {
  it('refuses every sign-in from an address after 10 failures, right or wrong, until the minute refills it', async () => {
    const limited = await testCrm({ signInFailures: 10 });
    try {
      for (let i = 0; i < 10; i++) expect((await submit({ token: `guess-${i}` }, { on: limited, address: '10.0.0.1' })).status).toBe(401);
      const blocked = await submit({ token: 'tok-rep' }, { on: limited, address: '10.0.0.1' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await submit({ token: 'tok-rep' }, { on: limited, address: '10.0.0.2' })).status).toBe(303);
      limited.clock.now = new Date(limited.clock.now.getTime() + 60_000);
      expect((await submit({ token: 'tok-rep' }, { on: limited, address: '10.0.0.1' })).status).toBe(303);
    } finally {
      limited.close();
    }
  });

  it('counts wrong bearer tokens the same way', async () => {
    const limited = await testCrm({ signInFailures: 3 });
    try {
      const me = (token: string, address: string) =>
        limited.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }, from(address));
      for (let i = 0; i < 3; i++) expect((await me(`guess-${i}`, '10.0.0.1')).status).toBe(401);
      const blocked = await me('tok-rep', '10.0.0.1');
      expect(blocked.status).toBe(429);
      expect((await blocked.json()).error.code).toBe('rate_limited');
      expect((await me('tok-rep', '10.0.0.2')).status).toBe(200);
    } finally {
      limited.close();
    }
  });
});
