import { describe, expect, it } from 'vitest';
import { CrmxDb } from '../store/db';
import { createJobStore, listJobViews, openJobIds } from './job-store';
import type { JobRecord } from './plan';

const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
const job = (over: Partial<JobRecord['state']> = {}): JobRecord => ({
  id: `job-${Math.random()}`, kind: 'share', status: 'running', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
  state: {
    ops: [{ operation: { op: 'share', targets: { departmentIds: [], roleIds: [], userIds: ['u1'] } }, ids }],
    chunkSize: 100, nextChunk: 3, total: 1000, done: 300, succeeded: 299,
    errors: [{ item: 'c7', code: 'forbidden', message: 'no' }],
    before: { shares: { c1: { departmentIds: [], roleIds: [], userIds: ['u1'] } } },
    ...over,
  },
});

describe('job store', () => {
  it('keeps the plan out of the row rewritten after every chunk, and reads the job back whole', async () => {
    const db = new CrmxDb(`jobs-${Math.random()}`);
    const record = job();
    await createJobStore(db).put(record);
    const row = await db.jobs.get(record.id);
    expect(row?.state).not.toHaveProperty('ops');
    expect(row?.state).not.toHaveProperty('before');
    // Read by another worker's store: from IndexedDB, not from the writer's copy.
    expect(await createJobStore(db).get(record.id)).toEqual({ ...record, state: { ...record.state, hasBefore: true } });
  });

  it('lists views without plans, still knowing which finished jobs can be undone', async () => {
    const db = new CrmxDb(`jobs-${Math.random()}`);
    const done = { ...job(), status: 'done' as const, createdAt: '2024-01-02T00:00:00.000Z' };
    const noUndo = { ...job({ before: undefined }), status: 'done' as const };
    const store = createJobStore(db);
    await store.put(done);
    await store.put(noUndo);
    const views = await listJobViews(db);
    expect(views.map((v) => [v.id, v.undoable])).toEqual([[done.id, true], [noUndo.id, false]]);
    expect(await openJobIds(db)).toEqual([]);
  });

  it('reads rows written before the split, which carry their plan inline', async () => {
    const db = new CrmxDb(`jobs-${Math.random()}`);
    const old = job();
    await db.jobs.put(old);
    expect((await createJobStore(db).get(old.id))?.state.ops[0].ids).toHaveLength(1000);
  });
});
