import { afterEach, describe, expect, it } from 'vitest';
import { CrmxDb } from './db';
import { clearSession, followedAmong, readMe, readOrg, readToken, replaceFollows, setFollowed, writeMe, writeOrg, writeToken } from './session';
import { sampleCustomer, sampleMe, sampleOrg } from '../../crm-client/test-data';

let db: CrmxDb;
let n = 0;
function open() {
  db = new CrmxDb(`crmx-test-${++n}`);
  return db;
}
afterEach(async () => {
  await db?.delete();
});

describe('CrmxDb', () => {
  it('opens at version 3 with every table', async () => {
    await open().open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'conflicts', 'customers', 'departments', 'follows', 'jobs', 'logs', 'meta', 'org', 'outbox',
      'permissionGroups', 'pools', 'roles', 'tags', 'users',
    ]);
  });

  it('stores customers and finds them by tag and AE', async () => {
    open();
    await db.customers.bulkPut([sampleCustomer(), sampleCustomer({ id: 'c-002', tags: ['south'], aeId: 'u-other' })]);
    expect((await db.customers.get('c-001'))?.name).toBe('Công ty An Phát');
    expect((await db.customers.where('tags').equals('south').primaryKeys())).toEqual(['c-002']);
    expect((await db.customers.where('aeId').equals('u-ae').primaryKeys())).toEqual(['c-001']);
  });

  it('reads a customer\'s newest log entries from the [customerId+at] index', async () => {
    open();
    const entry = (seq: number, customerId: string, at: string) =>
      ({ id: `l-${seq}`, seq, customerId, type: 'Edit customer' as const, at, actorId: null, details: '', changes: [] });
    await db.logs.bulkPut([
      entry(1, 'c-001', '2024-01-01T00:00:00Z'),
      entry(2, 'c-002', '2024-01-02T00:00:00Z'),
      entry(3, 'c-001', '2024-01-03T00:00:00Z'),
    ]);
    const newest = await db.logs
      .where('[customerId+at]').between(['c-001', ''], ['c-001', '\uffff']).reverse().toArray();
    expect(newest.map((e) => e.seq)).toEqual([3, 1]);
  });
});

describe('session store', () => {
  it('keeps the token, the user and the org', async () => {
    open();
    expect(await readToken(db)).toBeNull();
    await writeToken(db, 'secret');
    await writeMe(db, sampleMe());
    await writeOrg(db, sampleOrg(), new Date('2024-05-01T00:00:00Z'));
    expect(await readToken(db)).toBe('secret');
    expect((await readMe(db))?.user.id).toBe('u-ae');
    expect((await readOrg(db))?.fetchedAt).toBe('2024-05-01T00:00:00.000Z');
  });

  it('tracks followed customers', async () => {
    open();
    await replaceFollows(db, ['c-001', 'c-002'], new Date());
    await setFollowed(db, 'c-002', false);
    await setFollowed(db, 'c-003', true);
    expect([...(await followedAmong(db, ['c-001', 'c-002', 'c-003', 'c-004']))].sort()).toEqual(['c-001', 'c-003']);
  });

  it('clears everything of the previous connection', async () => {
    open();
    await writeToken(db, 'secret');
    await db.customers.put(sampleCustomer());
    await clearSession(db);
    expect(await readToken(db)).toBeNull();
    expect(await db.customers.count()).toBe(0);
  });
});
