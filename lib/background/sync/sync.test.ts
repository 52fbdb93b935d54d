import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_CAPABILITIES } from '../../crm-client/client';
import type { CrmConnector } from '../../crm-client/connector';
import { CrmError } from '../../crm-client/errors';
import { sampleCustomer, sampleOrg } from '../../crm-client/test-data';
import type { Customer, LogEntry } from '../../domain/types';
import type { SyncStatus } from '../../protocol/sync';
import { CrmxDb } from '../store/db';
import { readCursor } from '../store/meta';
import { writeToken } from '../store/session';
import { createSync } from './sync';

let db: CrmxDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

const log = (seq: number, customerId: string): LogEntry =>
  ({ id: String(seq), seq, customerId, type: 'Edit customer', at: new Date(Date.UTC(2024, 0, seq)).toISOString(), actorId: null, details: '', changes: [] });

/** A CRM whose change feed is a list of (seq, customer-or-removal); pages of `pageSize`. */
function fakeCrm() {
  const crm = {
    feed: [] as { seq: number; customer?: Customer; removed?: string }[],
    logs: [] as LogEntry[],
    follows: [] as string[],
    sinceAsked: [] as string[],
    failAt: null as null | { since: string; error: CrmError },
    client: {
      capabilities: REFERENCE_CAPABILITIES,
      org: async () => sampleOrg(),
      tags: async () => ['VIP'],
      follows: async () => crm.follows,
      async syncCustomers(since: string, limit = 2) {
        crm.sinceAsked.push(since);
        if (crm.failAt?.since === since) throw crm.failAt.error;
        const after = crm.feed.filter((e) => e.seq > Number(since || 0));
        const page = after.slice(0, limit);
        return {
          changed: page.flatMap((e) => (e.customer ? [e.customer] : [])),
          removed: since === '' ? [] : page.flatMap((e) => (e.removed ? [e.removed] : [])),
          next: String(page.at(-1)?.seq ?? (since || 0)),
          hasMore: after.length > limit,
        };
      },
      async syncLogs(since: string, limit = 2) {
        const after = crm.logs.filter((e) => e.seq > Number(since || 0));
        const page = after.slice(0, limit);
        return { items: page, next: String(page.at(-1)?.seq ?? (since || 0)), hasMore: after.length > limit };
      },
    },
  };
  return crm;
}

function setup() {
  db = new CrmxDb(`crmx-sync-${++n}`);
  const crm = fakeCrm();
  const statuses: SyncStatus[] = [];
  const pushedIds: string[][] = [];
  const sync = createSync({
    db,
    crm: async () => crm.client as unknown as CrmConnector,
    onStatus: (s) => statuses.push(s),
    onCustomers: (ids) => pushedIds.push(ids),
    now: () => new Date('2024-05-01T00:00:00Z'),
    customerPageSize: 2,
    logPageSize: 2,
  });
  return { crm, sync, statuses, pushedIds };
}

const ids = async () => (await db.customers.toCollection().primaryKeys()).sort();

describe('sync', () => {
  it('fills the cache in pages, then applies a delta with removals', async () => {
    const { crm, sync, pushedIds } = setup();
    crm.feed = [1, 2, 3, 4, 5].map((seq) => ({ seq, customer: sampleCustomer({ id: `c-${seq}` }) }));
    crm.logs = [log(1, 'c-1'), log(2, 'c-2'), log(3, 'c-1')];
    crm.follows = ['c-2'];
    const first = await sync.run();
    expect(first).toMatchObject({ running: false, error: null, offline: false, lastSyncAt: '2024-05-01T00:00:00.000Z' });
    expect(await ids()).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    expect(await db.logs.count()).toBe(3);
    expect(await db.users.count()).toBe(sampleOrg().users.length);
    expect(await db.follows.toCollection().primaryKeys()).toEqual(['c-2']);
    expect(pushedIds).toEqual([]);

    crm.feed.push({ seq: 6, removed: 'c-2' }, { seq: 7, customer: sampleCustomer({ id: 'c-3', name: 'Renamed' }) }, { seq: 8, removed: 'c-unknown' });
    crm.follows = [];
    crm.logs.push(log(4, 'c-3'));
    await sync.run();
    expect(await ids()).toEqual(['c-1', 'c-3', 'c-4', 'c-5']);
    expect((await db.customers.get('c-3'))?.name).toBe('Renamed');
    expect(await db.logs.count()).toBe(4);
    expect(pushedIds.flat().sort()).toEqual(['c-2', 'c-3']);
    expect(await readCursor(db, 'customers')).toBe('8');
  });

  it('lets a caller wait for the customers of the run under way', async () => {
    const { crm, sync } = setup();
    crm.feed = [1, 2, 3, 4, 5].map((seq) => ({ seq, customer: sampleCustomer({ id: `c-${seq}` }) }));
    expect(await sync.customersSettled()).toBe(false);
    const run = sync.run();
    expect(await sync.customersSettled()).toBe(true);
    expect(await ids()).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    await run;
    expect(await sync.customersSettled()).toBe(false);
  });

  it('resumes from the last written page after a crash between pages', async () => {
    const { crm, sync } = setup();
    crm.feed = [1, 2, 3, 4, 5].map((seq) => ({ seq, customer: sampleCustomer({ id: `c-${seq}` }) }));
    crm.failAt = { since: '2', error: new CrmError({ code: 'network', message: 'gone' }) };
    const failed = await sync.run();
    expect(failed).toMatchObject({ running: false, offline: true, error: 'gone', lastSyncAt: null });
    expect(await ids()).toEqual(['c-1', 'c-2']);
    expect(await readCursor(db, 'customers')).toBe('2');

    crm.failAt = null;
    crm.sinceAsked = [];
    // A new worker: a fresh sync object on the same database.
    const restarted = createSync({ db, crm: async () => crm.client as unknown as CrmConnector, onStatus: () => {}, customerPageSize: 2 });
    expect((await restarted.status()).error).toBe('gone');
    expect((await restarted.run()).error).toBeNull();
    expect(crm.sinceAsked).toEqual(['2', '4']);
    expect(await ids()).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
  });

  it('reports its phases, never runs twice at once, and keeps the cache when offline', async () => {
    const { crm, sync, statuses } = setup();
    crm.feed = [{ seq: 1, customer: sampleCustomer({ id: 'c-1' }) }];
    const [a, b] = [sync.run(), sync.run()];
    expect(a).toBe(b);
    await a;
    expect(statuses.map((s) => s.phase)).toEqual(['org', 'customers', 'customers', 'follows', 'logs', 'logs', null]);
    expect(statuses.at(-1)).toMatchObject({ running: false, error: null });

    crm.client.org = async () => { throw new CrmError({ code: 'timeout', message: 'slow' }); };
    const offline = await sync.run();
    expect(offline).toMatchObject({ offline: true, error: 'slow', lastSyncAt: '2024-05-01T00:00:00.000Z' });
    expect(await ids()).toEqual(['c-1']);
  });

  it('reads only customers and follows when asked so, after the full run under way', async () => {
    const { crm, sync, statuses, pushedIds } = setup();
    crm.feed = [1, 2].map((seq) => ({ seq, customer: sampleCustomer({ id: `c-${seq}` }) }));
    crm.logs = [log(1, 'c-1')];
    await sync.run();
    crm.feed.push({ seq: 3, customer: sampleCustomer({ id: 'c-1', version: 2 }) });
    crm.logs.push(log(2, 'c-1'));
    crm.follows = ['c-1'];
    statuses.length = 0;
    const [full, customers] = [sync.run(), sync.run({ again: true, customersOnly: true })];
    expect(customers).toBe(full);
    expect(await customers).toMatchObject({ running: false, error: null });
    // The full run first (its logs phase), then the customers alone.
    expect(statuses.map((s) => s.phase)).toEqual(['org', 'customers', 'customers', 'follows', 'logs', 'logs', null, 'customers', 'customers', 'customers', 'follows', null]);

    crm.feed.push({ seq: 4, customer: sampleCustomer({ id: 'c-2', version: 2 }) });
    crm.logs.push(log(3, 'c-2'));
    statuses.length = 0;
    expect(await sync.run({ customersOnly: true })).toMatchObject({ error: null, lastSyncAt: '2024-05-01T00:00:00.000Z' });
    expect(statuses.map((s) => s.phase)).toEqual(['customers', 'customers', 'customers', 'follows', null]);
    expect((await db.customers.get('c-2'))?.version).toBe(2);
    expect(await db.logs.count()).toBe(2);
    expect(pushedIds.at(-1)).toEqual(['c-2']);
  });

  it('stops writing when a connect replaced the session mid-run', async () => {
    const { crm, sync } = setup();
    await writeToken(db, 'tok-old');
    crm.feed = [1, 2, 3, 4].map((seq) => ({ seq, customer: sampleCustomer({ id: `c-${seq}` }) }));
    const pageAfter = crm.client.syncCustomers;
    crm.client.syncCustomers = async (since: string, limit?: number) => {
      if (since === '2') await writeToken(db, 'tok-new'); // the user connected again meanwhile
      return pageAfter(since, limit);
    };
    expect(await sync.run()).toMatchObject({ running: false, error: null, lastSyncAt: null });
    expect(await ids()).toEqual(['c-1', 'c-2']);
    expect(await readCursor(db, 'customers')).toBe('2');
  });

  it('does nothing before a connect', async () => {
    db = new CrmxDb(`crmx-sync-${++n}`);
    const sync = createSync({
      db, onStatus: () => {},
      crm: async () => { throw new CrmError({ code: 'not_connected', message: 'connect first' }); },
    });
    expect(await sync.run()).toMatchObject({ running: false, error: null, lastSyncAt: null });
  });
});
