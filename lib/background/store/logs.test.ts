import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../domain/types';
import type { LogType } from '../../domain/log-types';
import { CrmxDb } from './db';
import { readCursor } from './meta';
import { putLogs, timeline } from './logs';

let db: CrmxDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

const entry = (seq: number, customerId: string, at: string, type: LogType = 'Edit customer'): LogEntry =>
  ({ id: String(seq), seq, customerId, type, at, actorId: null, details: '', changes: [] });

async function seeded() {
  db = new CrmxDb(`crmx-logs-${++n}`);
  await putLogs(db, [
    entry(1, 'c-1', '2024-01-01T00:00:00.000Z', 'Share customer'),
    entry(2, 'c-2', '2024-01-02T00:00:00.000Z'),
    entry(3, 'c-1', '2024-01-03T00:00:00.000Z'),
    entry(4, 'c-1', '2024-01-03T00:00:00.000Z', 'Share customer'),
    entry(5, 'c-1', '2024-01-05T00:00:00.000Z', 'Back customer'),
    entry(6, 'c-1', '2024-01-06T00:00:00.000Z'),
  ], '6');
  return db;
}

describe('timeline', () => {
  it.each([
    ['newest first', {}, ['6', '5', '4', '3', '1']],
    ['only some types', { types: ['Share customer', 'Back customer'] as LogType[] }, ['5', '4', '1']],
    ['a time range, inclusive', { from: '2024-01-03T00:00:00Z', to: '2024-01-05T00:00:00Z' }, ['5', '4', '3']],
    ['types and time', { types: ['Edit customer'] as LogType[], to: '2024-01-04T00:00:00Z' }, ['3']],
  ])('%s', async (_name, filter, ids) => {
    await seeded();
    const page = await timeline(db, { customerId: 'c-1', ...filter });
    expect(page.items.map((e) => e.id)).toEqual(ids);
    expect(page.next).toBeNull();
  });

  it.each([[undefined], [['Edit customer', 'Share customer', 'Back customer'] as LogType[]]])(
    'pages back through entries with the same time without losing or repeating one (types %s)',
    async (types) => {
      await seeded();
      const seen: string[] = [];
      let before: { at: string; id: string } | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await timeline(db, { customerId: 'c-1', types, limit: 2, before });
        seen.push(...page.items.map((e) => e.id));
        if (!page.next) break;
        before = page.next;
      }
      expect(seen).toEqual(['6', '5', '4', '3', '1']);
    },
  );

  it('stores the log cursor with the page', async () => {
    await seeded();
    expect(await readCursor(db, 'logs')).toBe('6');
  });
});
