// Background-only accessors for what the background keeps about the connection: the token, the
// signed-in user, the org snapshot and the followed set. See lib/settings.ts for why the token is here.
import type { Id, Org } from '../../domain/types';
import type { Me } from '../../crm-client/schemas';
import { putOrgTables, type CrmxDb, type OrgRow } from './db';

const TOKEN = 'token';
const ME = 'me';
const FOLLOWS_FETCHED_AT = 'followsFetchedAt';

export async function readToken(db: CrmxDb): Promise<string | null> {
  const row = await db.meta.get(TOKEN);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function writeToken(db: CrmxDb, token: string): Promise<void> {
  await db.meta.put({ key: TOKEN, value: token });
}

export async function readMe(db: CrmxDb): Promise<Me | null> {
  const row = await db.meta.get(ME);
  return (row?.value as Me | undefined) ?? null;
}

export async function writeMe(db: CrmxDb, me: Me): Promise<void> {
  await db.meta.put({ key: ME, value: me });
}

/** Forget everything tied to the previous CRM or user (a new connect). */
export async function clearSession(db: CrmxDb): Promise<void> {
  const tables = [
    db.meta, db.org, db.customers, db.follows, db.logs, db.tags,
    db.users, db.departments, db.roles, db.permissionGroups, db.pools,
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}

export async function readOrg(db: CrmxDb): Promise<OrgRow | undefined> {
  return db.org.get('current');
}

export async function writeOrg(db: CrmxDb, org: Org, fetchedAt: Date): Promise<void> {
  await db.transaction('rw', [db.org, db.users, db.departments, db.roles, db.permissionGroups, db.pools], async (tx) => {
    await db.org.put({ key: 'current', org, fetchedAt: fetchedAt.toISOString() });
    await putOrgTables(tx, org);
  });
}

export async function replaceFollows(db: CrmxDb, ids: Id[], fetchedAt: Date): Promise<void> {
  await db.transaction('rw', db.follows, db.meta, async () => {
    await db.follows.clear();
    await db.follows.bulkPut(ids.map((customerId) => ({ customerId })));
    await db.meta.put({ key: FOLLOWS_FETCHED_AT, value: fetchedAt.toISOString() });
  });
}

export async function followsFetchedAt(db: CrmxDb): Promise<string | null> {
  const row = await db.meta.get(FOLLOWS_FETCHED_AT);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setFollowed(db: CrmxDb, id: Id, followed: boolean): Promise<void> {
  if (followed) await db.follows.put({ customerId: id });
  else await db.follows.delete(id);
}

export async function followedAmong(db: CrmxDb, ids: Id[]): Promise<Set<Id>> {
  const rows = await db.follows.bulkGet(ids);
  return new Set(rows.flatMap((row) => (row ? [row.customerId] : [])));
}

export async function replaceTags(db: CrmxDb, tags: string[]): Promise<void> {
  await db.transaction('rw', db.tags, async () => {
    await db.tags.clear();
    await db.tags.bulkPut(tags.map((name) => ({ name })));
  });
}
