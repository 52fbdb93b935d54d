// Sync bookkeeping in the meta table: cursors, the last complete sync, the last status.
import type { CrmxDb } from './db';

export type CursorName = 'customers' | 'logs';

const cursorKey = (name: CursorName) => `cursor:${name}`;
const LAST_SYNC = 'lastSyncAt';

export async function readCursor(db: CrmxDb, name: CursorName): Promise<string> {
  const row = await db.meta.get(cursorKey(name));
  return typeof row?.value === 'string' ? row.value : '';
}

export async function writeCursor(db: CrmxDb, name: CursorName, cursor: string): Promise<void> {
  await db.meta.put({ key: cursorKey(name), value: cursor });
}

export async function readLastSyncAt(db: CrmxDb): Promise<string | null> {
  const row = await db.meta.get(LAST_SYNC);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function writeLastSyncAt(db: CrmxDb, at: Date): Promise<void> {
  await db.meta.put({ key: LAST_SYNC, value: at.toISOString() });
}
