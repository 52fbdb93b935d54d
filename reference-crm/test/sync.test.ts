import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/domain/types';
import { testCrm, type TestCrm } from './support';

let crm: TestCrm;
beforeEach(async () => {
  crm = await testCrm();
});
afterEach(() => crm.close());

interface SyncPage {
  changed: Customer[];
  removed: string[];
  next: string;
  hasMore: boolean;
}

/** Pulls every page from `since`, as a client does. */
async function syncAll(token: string, since: string, limit = 2): Promise<{ changed: string[]; removed: string[]; next: string; pages: number }> {
  const changed: string[] = [];
  const removed: string[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const { body } = (await crm.call(token, 'GET', `/sync/customers?since=${cursor}&limit=${limit}`)) as { body: SyncPage };
    pages++;
    changed.push(...body.changed.map((c) => c.id));
    removed.push(...body.removed);
    cursor = body.next;
    if (!body.hasMore) return { changed, removed, next: cursor, pages };
  }
}

describe('delta sync of customers', () => {
  it('sends the user\'s customers from the start in pages, then only what changed', async () => {
    const firstPage = (await crm.call('tok-rep', 'GET', '/sync/customers?since=&limit=2')).body as SyncPage;
    expect(firstPage.removed).toEqual([]);
    const first = await syncAll('tok-rep', '');
    expect(first.changed.sort()).toEqual(['c-1', 'c-3', 'c-shared']);
    expect(first.pages).toBeGreaterThan(1);
    // Later pages may name customers the client never had (harmless to delete); never a listed one.
    expect(first.removed.filter((id) => first.changed.includes(id))).toEqual([]);

    const idle = await syncAll('tok-rep', first.next);
    expect(idle).toMatchObject({ changed: [], removed: [], next: first.next });

    await crm.call('tok-rep', 'PATCH', '/customers/c-1', { name: 'Renamed' }, { 'if-match': '"1"' });
    const { body } = await crm.call('tok-rep', 'GET', `/sync/customers?since=${first.next}`);
    expect(body.changed.map((c: Customer) => [c.id, c.name, c.version])).toEqual([['c-1', 'Renamed', 2]]);
  });

  it('lists as removed a customer returned to the pool, and resumes from the cursor', async () => {
    const start = await syncAll('tok-rep', '');
    await crm.call('tok-rep', 'POST', '/customers/c-3/return-to-pool', { reason: 'not mine' });
    await crm.call('tok-admin', 'DELETE', '/customers/c-shared');
    await crm.call('tok-rep', 'POST', '/batch/labels', { customerIds: ['c-1'], mode: 'add', tags: ['x'] });

    const page1 = (await crm.call('tok-rep', 'GET', `/sync/customers?since=${start.next}&limit=2`)).body as SyncPage;
    expect(page1).toMatchObject({ changed: [], removed: ['c-3', 'c-shared'], hasMore: true });
    // A client that stopped here resumes from page1.next and gets only the rest.
    const page2 = (await crm.call('tok-rep', 'GET', `/sync/customers?since=${page1.next}&limit=2`)).body as SyncPage;
    expect(page2.changed.map((c) => [c.id, c.tags])).toEqual([['c-1', ['vip', 'x']]]);
    expect(page2).toMatchObject({ removed: [], hasMore: false });

    // The manager saw c-3 through his rep as AE: with no AE it leaves his list too.
    const manager = await syncAll('tok-manager', start.next);
    expect(manager.changed).toEqual(['c-1']);
    expect(manager.removed).toEqual(['c-3', 'c-shared']);
  });

  it('refuses a cursor it did not give', async () => {
    const { status, body } = await crm.call('tok-rep', 'GET', '/sync/customers?since=abc');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^since:/);
  });
});

describe('log sync', () => {
  it('sends only listed customers\' entries in seq order and resumes from next', async () => {
    await crm.call('tok-admin', 'PUT', '/follows/c-2'); // not the rep's customer
    await crm.call('tok-rep', 'PUT', '/follows/c-3');
    await crm.call('tok-rep', 'POST', '/batch/labels', { customerIds: ['c-1', 'c-3'], mode: 'add', tags: ['t'] });

    const first = (await crm.call('tok-rep', 'GET', '/sync/logs?since=&limit=2')).body;
    expect(first.items.map((l: { customerId: string; type: string }) => [l.customerId, l.type])).toEqual([
      ['c-3', 'Follow customer'],
      ['c-1', 'Batch Add Labels customer'],
    ]);
    expect(first.hasMore).toBe(true);
    const rest = (await crm.call('tok-rep', 'GET', `/sync/logs?since=${first.next}`)).body;
    expect(rest.items.map((l: { customerId: string }) => l.customerId)).toEqual(['c-3']);
    expect(rest.hasMore).toBe(false);
    expect(rest.items[0].seq).toBeGreaterThan(first.items[1].seq);
  });
});
