import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeAll(async () => {
  crm = await testCrm();
});
afterAll(() => crm.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function signIn(fields: Record<string, string>): Promise<string> {
  const res = await crm.app.request('/login', form(fields));
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/customers');
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^crm_session=[^;]+;/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Lax');
  return cookie.split(';')[0];
}

describe('the host page sign-in', () => {
  it('shows a labelled form listing the demo users', async () => {
    const res = await crm.app.request('/login');
    const page = await res.text();
    expect(page).toContain('<label for="login-user">');
    expect(page).toContain('<option value="u-rep">Rey Rep — Rep</option>');
    expect(page).toContain('name="token"');
  });

  it.each([
    ['a token', { token: 'tok-rep' }],
    ['a demo user', { userId: 'u-rep' }],
  ])('signs in with %s; the API then takes the session cookie', async (_, fields) => {
    const cookie = await signIn(fields);
    const me = await crm.app.request('/api/v1/me', { headers: { cookie } });
    expect((await me.json()).user.id).toBe('u-rep');
  });

  it('refuses an unknown token with the form again', async () => {
    const res = await crm.app.request('/login', form({ token: 'nope' }));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('role="alert"');
  });

  it('refuses a cookie-authenticated mutation from another origin', async () => {
    const cookie = await signIn({ userId: 'u-rep' });
    const res = await crm.app.request('http://localhost/api/v1/follows/c-3', {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    const same = await crm.app.request('http://localhost/api/v1/follows/c-3', { method: 'PUT', headers: { cookie, origin: 'http://localhost' } });
    expect(same.status).toBe(200);
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
  it.each([
    ['/customers/c-1', '/customers/c-1'],
    ['//evil.example/x', '/customers'],
    ['https://evil.example/', '/customers'],
  ])('goes back to next=%s → %s', async (next, location) => {
    const page = await (await crm.app.request(`/login?next=${encodeURIComponent(next)}`)).text();
    expect(page).toContain(`name="next" value="${location}"`);
    const res = await crm.app.request('/login', form({ userId: 'u-rep', next }));
    expect(res.headers.get('location')).toBe(location);
  });
});
