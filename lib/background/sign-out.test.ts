// Sign-out in the background: what it wipes, what it keeps, the jobs it stops, the actions it discards or
// waits for, and that nothing of the user comes back (an answer arriving late, the next user offline).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrmClient } from '../crm-client/client';
import type { CrmConnector } from '../crm-client/connector';
import { createHandlers } from './handlers/core';
import { createSignOutHandlers } from './handlers/sign-out';
import { createRouter, type Handlers } from './router';
import type { Change } from '../protocol/messages';
import { createBackgroundServices, type BackgroundServices } from './services';
import { createSignOut } from './sign-out';
import { CrmxDb } from './store/db';
import { readToken } from './store/session';
import { memoryArea } from './tab-selections';
import { fakeCrm, type FakeCrm } from './outbox/test-crm';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const crmTab = { id: 'x', url: `${ORIGIN}/customers`, frameId: 0, tab: { id: 7, url: `${ORIGIN}/customers` } };
const ids = ['c-001', 'c-003', 'c-004', 'c-005'];

let db: CrmxDb;
let n = 0;
let crm: FakeCrm;
let pushed: Change[];
let origin: string | null;
let area: ReturnType<typeof memoryArea>;
let forgotConnectors: number;

function worker(adapt: (c: CrmConnector) => CrmConnector = (c) => c, fetch: typeof globalThis.fetch = crm.fetch): BackgroundServices {
  return createBackgroundServices({
    db, chunkSize: async () => 2,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => adapt(new CrmClient({ baseUrl, token, fetch })),
    push: (change) => pushed.push(change),
    sessionArea: area,
    forgetConnectors: () => void forgotConnectors++,
  });
}

beforeEach(() => {
  db = new CrmxDb(`sign-out-test-${++n}`);
  crm = fakeCrm();
  pushed = [];
  origin = null;
  area = memoryArea();
  forgotConnectors = 0;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Signed in as the rep (tok-ae), customers read, follows, org and a sync's bookkeeping kept. */
async function signedIn(services: BackgroundServices) {
  const core = createHandlers(services);
  await core.connect({ url: ORIGIN, token: 'tok-ae' }, page);
  await services.sync.run();
  await core.getDecisions({ ids }, page);
  return core;
}

const counts = async () => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));

describe('signing out', () => {
  it('forgets the token and wipes every table; the CRM address stays (a device setting) and every open UI is told', async () => {
    const services = worker();
    await signedIn(services);
    expect((await counts()).customers).toBeGreaterThan(0);
    expect((await counts()).org).toBe(1);
    await services.tabSelections.put(7, ORIGIN, { list: 'host', ids: ['c-001'], names: { 'c-001': 'Own 1' } } as never);
    services.poolSeen.remember([{ id: 'c-900', code: 'K-900', name: 'Pooled', phone: '', poolId: 'p-1', version: 1 } as never]);

    const handlers = createSignOutHandlers(services);
    expect(await handlers.signOutState(undefined, page)).toEqual({ signedIn: true, crmHost: '127.0.0.1:5555', pending: 0, jobs: 0, waiting: false });
    expect(await handlers.signOut({ pending: 'wait', seen: 0 }, page)).toEqual({ signedOut: true });

    expect(Object.values(await counts()).every((count) => count === 0)).toBe(true);
    expect(await readToken(db)).toBeNull();
    expect(await createHandlers(services).getSession(undefined, page)).toBeNull();
    expect(await services.connection.configured()).toBeNull();
    expect(origin).toBe(ORIGIN);
    expect(await services.tabSelections.get(7, ORIGIN, 'host')).toBeNull();
    expect(services.poolSeen.subject('c-900')).toBeNull();
    expect((await services.sync.status()).lastSyncAt).toBeNull();
    expect(forgotConnectors).toBe(1);
    expect(pushed).toContainEqual({ kind: 'session', signedOut: true });
    expect(await handlers.signOutState(undefined, page)).toEqual({ signedIn: false, crmHost: null, pending: 0, jobs: 0, waiting: false });
  });

  it('is refused to a CRM tab: only the extension\'s own pages may sign out', async () => {
    const services = worker();
    await signedIn(services);
    const route = createRouter({
      handlers: createSignOutHandlers(services) as unknown as Handlers,
      crmOrigin: async () => ORIGIN,
      self: { id: 'x', pageBase: 'chrome-extension://x/' },
    });
    expect(await route('signOut', { pending: 'discard', seen: 0 }, crmTab)).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    expect(await readToken(db)).toBe('tok-ae');
    expect(await route('signOut', { pending: 'discard', seen: 0 }, page)).toEqual({ ok: true, data: { signedOut: true } });
  });

  it('discards the actions still waiting when told to, and only as many as the user was told of', async () => {
    const services = worker();
    const core = await signedIn(services);
    crm.online = false;
    await core.toggleFollow('c-003', page);
    await core.toggleFollow('c-004', page);
    const handlers = createSignOutHandlers(services);
    expect(await handlers.signOutState(undefined, page)).toMatchObject({ pending: 2 });

    expect(await handlers.signOut({ pending: 'discard', seen: 1 }, page)).toMatchObject({ signedOut: false, pending: 2 });
    expect(await readToken(db)).toBe('tok-ae');

    expect(await handlers.signOut({ pending: 'discard', seen: 2 }, page)).toEqual({ signedOut: true });
    expect(await db.outbox.count()).toBe(0);
    crm.online = true;
    await services.outbox.outbox.flush();
    expect(crm.applied).toEqual([]);
  });

  it('waits for the actions to be sent when asked, then signs out by itself; the wait survives the worker', async () => {
    const services = worker();
    const core = await signedIn(services);
    crm.online = false;
    await core.toggleFollow('c-003', page);
    const handlers = createSignOutHandlers(services);
    expect(await handlers.signOut({ pending: 'wait', seen: 1 }, page)).toMatchObject({ signedOut: false, pending: 1, waiting: true });
    await services.outbox.outbox.flush();
    expect(await readToken(db)).toBe('tok-ae');
    expect(await handlers.signOutState(undefined, page)).toMatchObject({ pending: 1, waiting: true });

    // The worker dies; the next one sends the action when the CRM answers again, and then signs out.
    const next = worker();
    crm.online = true;
    await next.outbox.outbox.flush();
    await vi.waitFor(async () => expect(await readToken(db)).toBeNull());
    expect(crm.applied.map((a) => a.what)).toEqual(['PUT follow c-003']);
    expect(Object.values(await counts()).every((count) => count === 0)).toBe(true);
  });

  it('stays signed in when the wait is called off, and sends the actions as usual', async () => {
    const services = worker();
    const core = await signedIn(services);
    crm.online = false;
    await core.toggleFollow('c-003', page);
    const handlers = createSignOutHandlers(services);
    await handlers.signOut({ pending: 'wait', seen: 1 }, page);
    expect(await handlers.cancelSignOut(undefined, page)).toMatchObject({ signedIn: true, pending: 1, waiting: false });
    crm.online = true;
    await services.outbox.outbox.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(crm.applied.map((a) => a.what)).toEqual(['PUT follow c-003']);
    expect(await readToken(db)).toBe('tok-ae');
    expect(await db.customers.count()).toBeGreaterThan(0);
  });

  it('cancels the jobs under way: a persisted job never resumes for the next user', async () => {
    const services = worker();
    await signedIn(services);
    crm.online = false;
    const job = await services.jobs.start({ kind: 'share', customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } });
    await services.jobs.runner.kick();
    expect(await createSignOutHandlers(services).signOutState(undefined, page)).toMatchObject({ jobs: 1 });

    await createSignOutHandlers(services).signOut({ pending: 'discard', seen: 0 }, page);
    expect(pushed).toContainEqual(expect.objectContaining({ kind: 'job', job: expect.objectContaining({ id: job.id, status: 'cancelled' }) }));
    expect(await db.jobs.count()).toBe(0);

    crm.online = true;
    const next = worker();
    await createHandlers(next).connect({ url: ORIGIN, token: 'tok-csr' }, page);
    await next.jobs.runner.kick();
    expect(crm.received.filter((r) => r.path.startsWith('/batch'))).toEqual([]);
  });

  it('drops an answer the CRM gives after the sign-out: nothing of the user is written back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    let asked = false;
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (holding && String(input).includes('/customers/c-005')) {
        asked = true;
        await held;
      }
      return crm.fetch(input, init);
    }) as typeof fetch;
    const services = worker(undefined, slow);
    const core = await signedIn(services);
    holding = true;
    const reading = core.getDecisions({ ids: ['c-005'], fresh: true }, page).catch((error: unknown) => error);
    await vi.waitFor(() => expect(asked).toBe(true));
    await createSignOutHandlers(services).signOut({ pending: 'discard', seen: 0 }, page);
    release();
    await reading;
    expect(await db.customers.count()).toBe(0);
  });

  it('never serves the previous user\'s cached customers to the next one, even offline', async () => {
    const services = worker();
    await signedIn(services);
    await createSignOutHandlers(services).signOut({ pending: 'discard', seen: 0 }, page);

    const core = createHandlers(services);
    const session = await core.connect({ url: ORIGIN, token: 'tok-csr' }, page);
    expect(session.me.user.id).toBe('u-csr');
    crm.online = false;
    await expect(core.getCustomer('c-003', page)).rejects.toMatchObject({ unreachable: true });
    await expect(core.getDecisions({ ids }, page)).rejects.toMatchObject({ unreachable: true });
    expect(await db.customers.count()).toBe(0);
  });

  it('ends the session at the CRM when the CRM can, and does not wait for a CRM that does not answer', async () => {
    const ended: string[] = [];
    const services = worker((c) => Object.assign(c, { signOut: async () => void ended.push('ended') }));
    await signedIn(services);
    await createSignOutHandlers(services).signOut({ pending: 'discard', seen: 0 }, page);
    expect(ended).toEqual(['ended']);

    const silent = worker((c) => Object.assign(c, { signOut: () => new Promise<void>(() => undefined) }));
    await signedIn(silent);
    const signOut = createSignOut({ ...silent, revokeWithinMs: 20 });
    expect(await signOut.signOut({ pending: 'discard', seen: 0 })).toEqual({ signedOut: true });
    expect(await readToken(db)).toBeNull();
  });
});
