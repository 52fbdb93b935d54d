// The sync cursor never skips a change that commits out of order. With a plain sequence, a writer that took seq 5
// and commits after the writer that took seq 6 is skipped by a client whose cursor already passed 6. Here every
// change takes its seq from a counter row locked until commit, so a later writer waits for the earlier one.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, type Crm } from '../server';
import { tempDbPath, testSeed } from '../test/support';

const open: Crm[] = [];
afterEach(async () => {
  for (const crm of open.splice(0)) await crm.repo.close();
});

async function crmOn(dbPath: string, seed = false): Promise<Crm> {
  const crm = await createCrm({ dbPath, seed: seed ? testSeed() : undefined, pages: false, rateLimit: 0 });
  open.push(crm);
  return crm;
}

async function call(crm: Crm, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await crm.app.request(`/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Backends of this database waiting on a lock: the second writer, queued behind the first. */
async function waitingOnLocks(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

describe('the change cursor on PostgreSQL', () => {
  it('never skips a change that commits after a later-started one: the second writer waits for the first', async () => {
    const dbPath = tempDbPath();
    const first = await crmOn(dbPath, true);
    const second = await crmOn(dbPath);
    const reader = await crmOn(dbPath);
    const start = (await call(reader, 'tok-rep', 'GET', '/sync/customers?since=')).body.next as string;

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const held = first.repo.transaction(async (tx) => {
      const c3 = (await tx.customer('c-3', true))!;
      await tx.save({ ...c3, name: 'Written first', version: c3.version + 1 });
      written();
      await gate;
    });
    await wrote;
    const edit = call(second, 'tok-rep', 'PATCH', '/customers/c-1', { name: 'Written second' }, { 'if-match': '"1"' });
    await expect.poll(() => waitingOnLocks(dbPath), { timeout: 10_000 }).toBeGreaterThan(0);

    // Meanwhile a client syncs: neither change is committed, so the cursor must not move past either.
    const mid = (await call(reader, 'tok-rep', 'GET', `/sync/customers?since=${start}`)).body;
    expect(mid.changed).toEqual([]);

    release();
    await held;
    expect((await edit).status).toBe(200);
    const after = (await call(reader, 'tok-rep', 'GET', `/sync/customers?since=${mid.next}`)).body;
    expect(after.changed.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([['c-3', 'Written first'], ['c-1', 'Written second']]);
  });
});
