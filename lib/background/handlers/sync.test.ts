import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrmClient } from '../../crm-client/client';
import { sampleCustomer, sampleMe, sampleOrg } from '../../crm-client/test-data';
import type { LogEntry } from '../../domain/types';
import { CrmxDb } from '../store/db';
import { writeLastSyncAt } from '../store/meta';
import { writeToken } from '../store/session';
import { createSyncHandlers } from './sync';
import { createBackgroundServices } from '../services';
import type { Change } from '../../protocol/messages';
import type { SyncStatus } from '../../protocol/sync';

const ORIGIN = 'http://127.0.0.1:5555';
const page = { id: 'x', url: 'chrome-extension://x/options.html' };
const log = (seq: number, customerId: string, changes = [{ field: 'name', before: 'A', after: 'B' }]): LogEntry =>
  ({ id: String(seq), seq, customerId, type: 'Edit customer', at: new Date(Date.UTC(2024, 0, seq)).toISOString(), actorId: null, details: '', changes });

function fakeCrm() {
  const crm = {
    online: true,
    calls: [] as string[],
    logs: [log(1, 'c-001'), log(2, 'c-002'), log(3, 'c-001')],
    fetch: (async (input: RequestInfo | URL) => {
      if (!crm.online) throw new TypeError('Failed to fetch');
      const url = new URL(String(input));
      const path = url.pathname.replace('/api/v1', '');
      crm.calls.push(path);
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (path === '/me') return json(sampleMe());
      if (path === '/org') return json(sampleOrg());
      if (path === '/tags') return json({ tags: ['VIP'] });
      if (path === '/follows') return json({ customerIds: ['c-001'] });
      if (path === '/sync/customers') {
        const first = !url.searchParams.get('since');
        return json({ changed: first ? [sampleCustomer(), sampleCustomer({ id: 'c-002', name: 'Bảo Minh' })] : [], removed: [], next: '2', hasMore: false });
      }
      if (path === '/sync/logs') {
        const since = Number(url.searchParams.get('since') ?? 0);
        const items = crm.logs.filter((e) => e.seq > since);
        return json({ items, next: String(items.at(-1)?.seq ?? since), hasMore: false });
      }
      const logs = /^\/customers\/(.+)\/logs$/.exec(path);
      if (logs) return json({ items: crm.logs.filter((e) => e.customerId === logs[1]).reverse(), nextBefore: null });
      const changes = /^\/logs\/(.+)\/changes$/.exec(path);
      if (changes) return json({ changes: [{ field: 'email', before: '', after: 'x@y.z' }] });
      return json({ error: { code: 'not_found', message: path } }, 404);
    }) as typeof fetch,
  };
  return crm;
}

let db: CrmxDb;
let n = 0;
let crm: ReturnType<typeof fakeCrm>;
let pushed: Change[];

function handlers(capabilities: Partial<CrmClient['capabilities']> = {}) {
  const services = createBackgroundServices({
    db,
    getCrmOrigin: async () => ORIGIN,
    setCrmOrigin: async () => {},
    makeConnector: (baseUrl, token) => {
      const client = new CrmClient({ baseUrl, token, fetch: crm.fetch, retry: { attempts: 1 } });
      return Object.assign(client, { capabilities: { ...client.capabilities, ...capabilities } });
    },
    push: (change) => pushed.push(change),
  });
  return Object.assign(createSyncHandlers(services), { services });
}

beforeEach(async () => {
  db = new CrmxDb(`handlers-sync-${++n}`);
  crm = fakeCrm();
  pushed = [];
  await writeToken(db, 'tok-ae');
});
afterEach(() => db.delete());

async function synced(h: ReturnType<typeof handlers>): Promise<SyncStatus> {
  expect((await h.syncNow(undefined, page)).running).toBe(true);
  await h.services.sync.run(); // joins the run syncNow started
  return h.getSyncStatus(undefined, page);
}

describe('sync handlers', () => {
  it('syncs on demand, pushing progress, and reports the last sync', async () => {
    const h = handlers();
    const status = await synced(h);
    expect(status).toMatchObject({ running: false, error: null, offline: false });
    expect(status.lastSyncAt).not.toBeNull();
    expect(pushed.filter((c) => c.kind === 'sync').map((c) => c.kind === 'sync' && c.status.phase)).toContain('logs');
    expect((await h.searchCached({ q: 'bao minh' }, page)).items.map((c) => c.id)).toEqual(['c-002']);
    expect((await h.searchCached({ followedOnly: true }, page)).items.map((c) => c.id)).toEqual(['c-001']);
  });

  it('pages the followed customers from the cache, also with the CRM unreachable', async () => {
    const h = handlers();
    await synced(h);
    crm.online = false;
    expect(await h.listFollowed({ offset: 0, limit: 10 }, page)).toMatchObject({ total: 1, items: [{ id: 'c-001' }] });
    expect(await h.listFollowed({ offset: 1, limit: 10 }, page)).toMatchObject({ total: 1, items: [] });
  });

  it('answers the timeline from the cache, catching up new entries while online', async () => {
    const h = handlers();
    await synced(h);
    crm.logs.push(log(4, 'c-001'));
    const online = await h.getTimeline({ customerId: 'c-001' }, page);
    expect(online).toMatchObject({ fromCache: false, next: null });
    expect(online.items.map((e) => e.id)).toEqual(['4', '3', '1']);
    crm.online = false;
    const offline = await h.getTimeline({ customerId: 'c-001', limit: 2 }, page);
    expect(offline.fromCache).toBe(true);
    expect(offline.items.map((e) => e.id)).toEqual(['4', '3']);
    expect(offline.next).toEqual({ at: offline.items[1].at, id: '3' });
  });

  it('before the first sync, reads a customer\'s entries from the CRM and keeps them', async () => {
    const h = handlers();
    const fresh = await h.getTimeline({ customerId: 'c-001' }, page);
    expect(fresh).toMatchObject({ fromCache: false });
    expect(crm.calls).toEqual(['/customers/c-001/logs']);
    crm.online = false;
    const cached = await h.getTimeline({ customerId: 'c-001' }, page);
    expect(cached.fromCache).toBe(true);
    expect(cached.items.map((e) => e.id)).toEqual(['3', '1']);
  });

  it('without a change cursor (SuiteCRM), reads the customer\'s entries from the CRM after a sync too, the cache when offline', async () => {
    const h = handlers({ changeCursor: false });
    await writeLastSyncAt(db, new Date()); // the sync brings no logs from such a CRM
    crm.logs.push(log(4, 'c-001'));
    const online = await h.getTimeline({ customerId: 'c-001' }, page);
    expect(online).toMatchObject({ fromCache: false });
    expect(online.items.map((e) => e.id)).toEqual(['4', '3', '1']);
    expect(crm.calls).toEqual(['/customers/c-001/logs']);
    crm.online = false;
    const offline = await h.getTimeline({ customerId: 'c-001' }, page);
    expect(offline.fromCache).toBe(true);
    expect(offline.items.map((e) => e.id)).toEqual(['4', '3', '1']);
  });

  it('reads change records from the cached entry, else from the CRM', async () => {
    const h = handlers();
    await synced(h);
    expect(await h.getChangeRecords('1', page)).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
    expect(await h.getChangeRecords('99', page)).toEqual([{ field: 'email', before: '', after: 'x@y.z' }]);
  });

  it('lists the org from the cache, fetching it once when never synced', async () => {
    const h = handlers();
    const directory = await h.getOrgDirectory(undefined, page);
    expect(directory.users.map((u) => u.name)).toEqual([...sampleOrg().users.map((u) => u.name)].sort((a, b) => a.localeCompare(b)));
    expect(directory.users[0]).not.toHaveProperty('managerId');
    crm.online = false;
    expect((await h.getOrgDirectory(undefined, page)).departments.length).toBe(sampleOrg().departments.length);
  });
});
