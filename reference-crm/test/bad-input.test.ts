// Bad input on every endpoint that takes a body, and on the sign-in form: each is refused with 400, 403 or
// 413 and a message saying why, none answers 500, and nothing in the database changes (no session either).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../http/validate';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeAll(async () => {
  crm = await testCrm();
});
afterAll(() => crm.close());

interface Endpoint { token: string; method: string; path: string; body: Record<string, unknown>; headers?: Record<string, string> }

/** Valid requests: each would succeed as it is, so a refusal below is the bad input's doing. */
const ENDPOINTS: Endpoint[] = [
  { token: 'tok-rep', method: 'PATCH', path: '/customers/c-1', body: { name: 'Ok' }, headers: { 'if-match': '"1"' } },
  { token: 'tok-admin', method: 'DELETE', path: '/customers/c-1', body: {} },
  { token: 'tok-admin', method: 'POST', path: '/customers/c-gone/restore', body: {} },
  { token: 'tok-rep', method: 'POST', path: '/customers/c-1/return-to-pool', body: { reason: 'Moved' } },
  { token: 'tok-rep', method: 'POST', path: '/customers/c-1/share', body: { userIds: ['u-rep2'] } },
  { token: 'tok-rep', method: 'PUT', path: '/follows/c-3', body: {} },
  { token: 'tok-rep', method: 'DELETE', path: '/follows/c-1', body: {} },
  { token: 'tok-rep', method: 'POST', path: '/batch/share', body: { customerIds: ['c-1'], targets: { userIds: ['u-rep2'] } } },
  { token: 'tok-rep', method: 'POST', path: '/batch/cancel-share', body: { customerIds: ['c-1'], all: true } },
  { token: 'tok-rep', method: 'POST', path: '/batch/labels', body: { customerIds: ['c-1'], mode: 'add', tags: ['x'] } },
  { token: 'tok-rep', method: 'POST', path: '/batch/follow', body: { customerIds: ['c-3'], follow: true } },
  { token: 'tok-admin', method: 'POST', path: '/batch/delete', body: { customerIds: ['c-1'] } },
  { token: 'tok-admin', method: 'POST', path: '/batch/delete-by-phone', body: { phones: ['0912 345 678'] } },
];

/** Replaces the first string found (depth first) with f(it); adds one when the body has none. */
function withFirstString(body: unknown, f: (s: string) => string): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done) return v;
    if (typeof v === 'string') return (done = true), f(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(body);
  return done ? out : { ...(out as object), note: f('') };
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
type Mutation = [kind: string, make: (body: Record<string, unknown>) => Uint8Array<ArrayBuffer>];
const MUTATIONS: Mutation[] = [
  ['an unknown field', (b) => json({ ...b, pad: 'x' })],
  ['a body over the size limit', (b) => json({ ...b, pad: 'x'.repeat(MAX_BODY_BYTES) })],
  ['a lone surrogate in a string', (b) => json(withFirstString(b, (s) => `${s}\ud800`))],
  ['a lone surrogate in a field name', (b) => json({ ...b, ['\udc00']: 1 })],
  ['bytes that are not UTF-8', (b) => {
    const text = JSON.stringify(withFirstString(b, (s) => `${s}@@`));
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf('@@');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    return bytes;
  }],
  ['a string over its maximum length', (b) => json(withFirstString(b, (s) => s + 'x'.repeat(1000)))],
  ['not JSON', () => new TextEncoder().encode('{"customerIds": [')],
  ['a JSON array', () => json([])],
  ['every value a number', (b) => json(Object.keys(b).length ? Object.fromEntries(Object.keys(b).map((k) => [k, 42])) : { x: 42 })],
];

async function state() {
  return crm.repo.stats();
}

const figures = { tried: 0, refusedCleanly: 0 };

describe('bad input', () => {
  let before: Awaited<ReturnType<typeof state>>;
  beforeAll(async () => {
    before = await state();
  });

  it.each(ENDPOINTS.flatMap((e) => MUTATIONS.map(([kind, make]) => [`${e.method} ${e.path}`, kind, e, make] as const)))(
    '%s with %s is refused',
    async (_name, kind, endpoint, make) => {
      figures.tried++;
      const res = await crm.app.request(`/api/v1${endpoint.path}`, {
        method: endpoint.method,
        headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json', ...endpoint.headers },
        body: make(endpoint.body),
      });
      const body = await res.json();
      expect({ kind, status: res.status }).toEqual({ kind, status: kind === 'a body over the size limit' ? 413 : 400 });
      expect(body.error.code).toBe(res.status === 413 ? 'too_large' : 'invalid');
      expect(body.error.message).toMatch(/^\S+:? /);
      figures.refusedCleanly++;
    },
  );

  /** Sign-in posts with a valid CSRF token and the right token, spoilt one way each. */
  const enc = (s: string) => new TextEncoder().encode(s);
  const LOGIN: [kind: string, status: number, body: (csrf: string) => Uint8Array<ArrayBuffer>, type?: string][] = [
    ['an unknown field', 400, (csrf) => enc(`csrf=${csrf}&token=tok-rep&userId=u-admin&pad=x`)],
    ['a field twice', 400, (csrf) => enc(`csrf=${csrf}&token=tok-rep&token=tok-admin`)],
    ['a lone surrogate, %-escaped', 400, (csrf) => enc(`csrf=${csrf}&token=tok-rep%ED%A0%80`)],
    ['a broken %-escape', 400, (csrf) => enc(`csrf=${csrf}&token=tok-rep%E0%A4%A`)],
    ['bytes that are not UTF-8', 400, (csrf) => new Uint8Array([...enc(`csrf=${csrf}&token=tok-rep`), 0xff, 0xfe])],
    ['a field over its maximum length', 400, (csrf) => enc(`csrf=${csrf}&token=tok-rep&next=/${'x'.repeat(5000)}`)],
    ['a body over the size limit', 413, (csrf) => enc(`csrf=${csrf}&token=tok-rep&next=/${'x'.repeat(MAX_BODY_BYTES)}`)],
    ['a JSON body', 400, (csrf) => enc(JSON.stringify({ csrf, token: 'tok-rep' })), 'application/json'],
    ['a multipart body', 400, (csrf) => enc(`--b\r\ncontent-disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--b--`), 'multipart/form-data; boundary=b'],
    ['no CSRF token', 403, () => enc('token=tok-rep')],
  ];
  it.each(LOGIN)('POST /login with %s is refused with %i', async (kind, status, body, type) => {
    figures.tried++;
    const form = await crm.app.request('/login');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
    const res = await crm.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': type ?? 'application/x-www-form-urlencoded', cookie: `crm_login_csrf=${csrf}` },
      body: body(csrf),
    });
    expect({ kind, status: res.status }).toEqual({ kind, status });
    expect(res.headers.getSetCookie().some((c) => c.startsWith('crm_session='))).toBe(false);
    if (status !== 413) expect(await res.text()).toMatch(/role="alert">\S/);
    figures.refusedCleanly++;
  });

  it('changed nothing', async () => {
    expect(await state()).toEqual(before);
    expect(figures.refusedCleanly).toBe(figures.tried);
  });
});
