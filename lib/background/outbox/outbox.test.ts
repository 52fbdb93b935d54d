import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import type { CrmConnector } from '../../crm-client/connector';
import type { LogEntry } from '../../domain/types';
import { createHandlers } from '../handlers/core';
import { createMutationHandlers } from '../handlers/mutations';
import type { Change } from '../../protocol/messages';
import { createBackgroundServices, type BackgroundServices } from '../services';
import { CrmxDb } from '../store/db';
import { fakeCrm, type FakeCrm } from './test-crm';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };

let db: CrmxDb;
let n = 0;
let crm: FakeCrm;
let pushed: Change[];
let services: BackgroundServices;

/** The worker's services, its network going through `fetch`; `adapt` changes the connector (another CRM's traits). */
function worker(fetch: typeof globalThis.fetch = crm.fetch, adapt: (c: CrmConnector) => CrmConnector = (c) => c): BackgroundServices {
  let origin: string | null = null;
  return createBackgroundServices({
    db,
    getCrmOrigin: async () => origin,
    setCrmOrigin: async (o) => void (origin = o),
    makeConnector: (baseUrl, token) => adapt(new CrmClient({ baseUrl, token, fetch })),
    push: (change) => pushed.push(change),
  });
}

beforeEach(() => {
  db = new CrmxDb(`outbox-test-${++n}`);
  crm = fakeCrm();
  pushed = [];
  services = worker();
});
afterEach(() => db.delete());

async function connected() {
  const core = createHandlers(services);
  await core.connect({ url: ORIGIN, token: 'tok-ae' }, page);
  await core.getDecisions({ ids: ['c-001', 'c-002', 'c-003', 'c-004', 'c-005'] }, page);
  pushed.length = 0;
  return { core, m: createMutationHandlers(services) };
}

/** How many times the CRM applied each idempotency key. */
function appliedPerKey(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of crm.applied) counts.set(a.key, (counts.get(a.key) ?? 0) + 1);
  return counts;
}

describe('the outbox', () => {
  it('keeps the changed customer\'s log entries before answering when no sync brings logs (a CRM without a change cursor)', async () => {
    const entry = (customerId: string): LogEntry => ({
      id: `note-${customerId}`, seq: 1, customerId, type: 'Edit customer', at: '2025-06-01T00:00:00.000Z', actorId: 'u-ae', details: '', changes: [],
    });
    const asked: string[] = [];
    // SuiteCRM's traits: no change cursor; its logs are the customer's own (as the connector reads them).
    services = worker(crm.fetch, (c) => Object.assign(Object.create(c) as CrmConnector, {
      capabilities: { ...c.capabilities, changeCursor: false },
      customerLogs: async (id: string) => (asked.push(id), { items: [entry(id)], nextBefore: null }),
    }));
    const { m } = await connected();
    const outcome = await m.editCustomer({ id: 'c-001', version: 3, changes: { name: 'An Phát mới' } }, page);
    expect(outcome).toMatchObject({ outcome: 'applied' });
    expect(asked).toEqual(['c-001']);
    expect(await db.logs.get('note-c-001')).toMatchObject({ customerId: 'c-001', type: 'Edit customer' });
  });

  it('sends an action at once when the CRM answers, updating the cache and telling the UIs', async () => {
    const { m } = await connected();
    const outcome = await m.editCustomer({ id: 'c-001', version: 3, changes: { name: 'An Phát mới' } }, page);
    expect(outcome).toMatchObject({ outcome: 'applied', customer: { name: 'An Phát mới', version: 4 } });
    expect((await db.customers.get('c-001'))?.version).toBe(4);
    expect(pushed).toContainEqual({ kind: 'customers', ids: ['c-001'], mine: true });
    expect(pushed).toContainEqual({ kind: 'pending', count: 0, conflicts: 0 });
    // The user heard the outcome from their own request: no second word of it.
    expect(pushed.filter((c) => c.kind === 'sent')).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps actions while the CRM is unreachable and applies each exactly once, in order, when it is back', async () => {
    const { core, m } = await connected();
    crm.online = false;
    const outcomes = [
      await m.editCustomer({ id: 'c-003', version: 3, changes: { phone: '+84 900 000 003' } }, page),
      await m.returnToPool({ id: 'c-004', reason: 'moved away' }, page),
      await core.toggleFollow('c-005', page),
      await m.editCustomer({ id: 'c-001', version: 3, changes: { source: 'Zalo' } }, page),
    ];
    expect(outcomes.map((o) => ('outcome' in o ? o.outcome : o))).toEqual(['queued', 'queued', { followed: true }, 'queued']);
    expect(await db.follows.get('c-005')).toBeTruthy(); // optimistic star
    const pending = await m.getPending(undefined, page);
    expect(pending.actions.map((a) => [a.action, a.customerId])).toEqual([['edit', 'c-003'], ['returnToPool', 'c-004'], ['follow', 'c-005'], ['edit', 'c-001']]);
    expect(pushed).toContainEqual({ kind: 'pending', count: 4, conflicts: 0 });

    // The first replay reaches the CRM, which applies it, but the answer is lost on the way back.
    crm.online = true;
    crm.afterApply = () => {
      crm.afterApply = null;
      crm.online = false;
      throw new TypeError('connection reset');
    };
    await services.outbox.outbox.flush();
    expect(await db.outbox.count()).toBe(4);
    expect(services.outbox.outbox.stopped()).toEqual({ unreachable: true });
    crm.online = true;
    await services.outbox.outbox.flush();

    expect(await db.outbox.count()).toBe(0);
    const keys = crm.received.map((r) => r.key);
    expect(new Set(keys).size).toBe(4);
    expect([...appliedPerKey().values()]).toEqual([1, 1, 1, 1]);
    expect(crm.received.filter((r, i) => i === 0 || r.key !== crm.received[i - 1].key).map((r) => r.path)).toEqual([
      '/customers/c-003', '/customers/c-004/return-to-pool', '/follows/c-005', '/customers/c-001',
    ]);
    expect(crm.customers.get('c-003')?.phone).toBe('+84 900 000 003');
    expect(crm.follows.has('c-005')).toBe(true);
    // Returned to the pool: no longer the user's, so it leaves the cache.
    expect(await db.customers.get('c-004')).toBeUndefined();
    expect((await db.customers.get('c-001'))?.source).toBe('Zalo');
    // Each action the user was told is pending is told done, to every open UI, once.
    expect(pushed.filter((c) => c.kind === 'sent')).toEqual([
      { kind: 'sent', action: { action: 'edit', customerId: 'c-003', name: crm.customers.get('c-003')?.name, outcome: 'applied' } },
      { kind: 'sent', action: { action: 'returnToPool', customerId: 'c-004', name: expect.any(String), outcome: 'applied' } },
      { kind: 'sent', action: { action: 'follow', customerId: 'c-005', name: expect.any(String), outcome: 'applied' } },
      { kind: 'sent', action: { action: 'edit', customerId: 'c-001', name: crm.customers.get('c-001')?.name, outcome: 'applied' } },
    ]);
    expect(services.outbox.outbox.stopped()).toBeNull();
  });

  it('sends a second offline edit of the same customer after the first, not as a conflict with myself', async () => {
    const { m } = await connected();
    crm.online = false;
    await m.editCustomer({ id: 'c-003', version: 3, changes: { name: 'First' } }, page);
    await m.editCustomer({ id: 'c-003', version: 3, changes: { email: 'second@x.vn' } }, page);
    crm.online = true;
    await services.outbox.outbox.flush();
    expect(crm.customers.get('c-003')).toMatchObject({ name: 'First', email: 'second@x.vn', version: 5 });
    expect(await m.getPending(undefined, page)).toEqual({ actions: [], conflicts: [] });
  });

  it('refuses by the rules before anything is stored or sent, naming the rule and whom to ask', async () => {
    const { m } = await connected();
    await expect(m.editCustomer({ id: 'c-002', version: 3, changes: { name: 'x' } }, page)).rejects.toMatchObject({
      code: 'forbidden', rule: 'edit-required', ask: [expect.objectContaining({ kind: 'manager', userIds: ['u-mgr'] })],
    });
    await expect(m.deleteCustomer({ id: 'c-001' }, page)).rejects.toMatchObject({ code: 'forbidden', rule: 'administrator-only' });
    await expect(m.shareCustomer({ id: 'c-404', targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }, page)).rejects.toMatchObject({ rule: 'not-listed' });
    expect(crm.received).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a stale edit (412) into a conflict, then resolves it either way', async () => {
    const { m } = await connected();
    crm.customers.set('c-001', { ...crm.customers.get('c-001')!, name: 'Changed by someone else', version: 7 });
    const outcome = await m.editCustomer({ id: 'c-001', version: 3, changes: { email: 'mine@x.vn' } }, page);
    expect(outcome).toMatchObject({ outcome: 'conflict', current: { name: 'Changed by someone else', version: 7 } });
    const { conflicts } = await m.getPending(undefined, page);
    expect(conflicts).toMatchObject([{ customerId: 'c-001', mine: { email: 'mine@x.vn' }, theirs: { version: 7 } }]);
    expect(crm.customers.get('c-001')?.email).toBe('contact@anphat.vn');

    const mine = await m.resolveConflict({ id: conflicts[0].id, keep: 'mine' }, page);
    expect(mine).toMatchObject({ outcome: 'applied', customer: { email: 'mine@x.vn', name: 'Changed by someone else', version: 8 } });
    expect((await m.getPending(undefined, page)).conflicts).toEqual([]);

    const again = await m.editCustomer({ id: 'c-003', version: 1, changes: { name: 'stale' } }, page);
    expect(again.outcome).toBe('conflict');
    const before = crm.applied.length;
    expect(await m.resolveConflict({ id: (again as { conflictId: string }).conflictId, keep: 'theirs' }, page)).toBeNull();
    expect(crm.applied.length).toBe(before);
    expect(crm.customers.get('c-003')?.name).toBe('Own 3');
  });

  it('marks a replayed action the CRM refuses as failed with its message, and lets it be dismissed', async () => {
    const { m } = await connected();
    crm.online = false;
    await m.editCustomer({ id: 'c-004', version: 3, changes: { name: 'Gone soon' } }, page);
    crm.customers.delete('c-004');
    crm.online = true;
    await services.outbox.outbox.flush();
    const { actions } = await m.getPending(undefined, page);
    expect(actions).toMatchObject([{ customerId: 'c-004', status: 'failed', lastError: expect.stringContaining('not_found') }]);
    expect(pushed).toContainEqual({ kind: 'pending', count: 0, conflicts: 0 });
    expect(pushed).toContainEqual({ kind: 'sent', action: { action: 'edit', customerId: 'c-004', name: expect.any(String), outcome: 'failed' } });
    await m.dismissPending({ id: actions[0].id }, page);
    expect((await m.getPending(undefined, page)).actions).toEqual([]);
  });

  it('never sends an action in the name of a user connected after it was made', async () => {
    const { core, m } = await connected();
    crm.online = false;
    await m.editCustomer({ id: 'c-001', version: 3, changes: { name: 'As Anh' } }, page);
    crm.online = true;
    await core.connect({ url: ORIGIN, token: 'tok-csr' }, page);
    await services.outbox.outbox.flush();
    expect(crm.received).toEqual([]);
    const { actions } = await m.getPending(undefined, page);
    expect(actions).toMatchObject([{ status: 'failed', lastError: expect.stringContaining('u-ae') }]);
  });

  it('keeps actions pending on 5xx and replays them with the same key', async () => {
    const { m } = await connected();
    crm.failing = true;
    expect((await m.shareCustomer({ id: 'c-001', targets: { departmentIds: [], roleIds: [], userIds: ['u-csr'] } }, page)).outcome).toBe('queued');
    crm.failing = false;
    await services.outbox.outbox.flush();
    expect(crm.received.length).toBeGreaterThan(1);
    expect(new Set(crm.received.map((r) => r.key)).size).toBe(1);
    expect(crm.applied).toHaveLength(1);
    expect(crm.customers.get('c-001')?.shares.userIds).toEqual(['u-other', 'u-csr']);
  });

  it('drains again when the CRM answers while a replay that found it down is still in flight', async () => {
    let failedSends = -1;
    services = worker((async (input: RequestInfo | URL, init?: RequestInit) => {
      if (failedSends >= 0 && (init?.method ?? 'GET') !== 'GET' && ++failedSends === 2) {
        // The replay's last attempt fails, but meanwhile another call got an answer and asked for a replay.
        const failing = crm.fetch(input, init);
        crm.online = true;
        void services.outbox.outbox.flush();
        return failing;
      }
      return crm.fetch(input, init);
    }) as typeof fetch);
    const { m } = await connected();
    crm.online = false;
    expect(await m.editCustomer({ id: 'c-001', version: 3, changes: { source: 'Zalo' } }, page)).toMatchObject({ outcome: 'queued' });
    crm.online = false;
    failedSends = 0;
    await services.outbox.outbox.flush();
    expect(crm.applied).toHaveLength(1);
    expect((await m.getPending(undefined, page)).actions).toEqual([]);
  });
});
