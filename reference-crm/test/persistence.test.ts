import { describe, expect, it } from 'vitest';
import { startCrm } from '../server';
import { tempDbPath, testSeed } from './support';

const auth = { authorization: 'Bearer tok-admin', 'content-type': 'application/json' };

describe('the database', () => {
  it('keeps the data across a restart and does not reseed a non-empty database', async () => {
    const dbPath = tempDbPath();
    const first = await startCrm({ dbPath, seed: testSeed(), pages: false });
    expect(first.seededFrom).toBe('seed');
    const put = await fetch(`${first.url}/api/v1/customers/c-1`, {
      method: 'PATCH',
      headers: { ...auth, authorization: 'Bearer tok-rep', 'if-match': '"1"' },
      body: JSON.stringify({ name: 'Survivor' }),
    });
    expect(put.status).toBe(200);
    await first.close();

    const other = testSeed();
    other.customers[0].name = 'From the new seed';
    const second = await startCrm({ dbPath, seed: other, pages: false });
    expect(second.seededFrom).toBe('existing');
    const res = await fetch(`${second.url}/api/v1/customers/c-1`, { headers: auth });
    expect(await res.json()).toMatchObject({ name: 'Survivor', version: 2 });
    const log = await fetch(`${second.url}/api/v1/audit?type=Edit%20customer`, { headers: auth });
    expect((await log.json()).items).toHaveLength(1);
    await second.close();

    const third = await startCrm({ dbPath, seed: other, reset: true, pages: false });
    expect(third.seededFrom).toBe('seed');
    expect((await third.repo.customer('c-1'))?.name).toBe('From the new seed');
    await third.close();
  });

  it('refuses an invalid seed, naming the path', async () => {
    const seed = testSeed();
    seed.customers[2].aeId = 'u-9';
    await expect(startCrm({ dbPath: tempDbPath(), seed, pages: false })).rejects.toThrow('customers[2].aeId: unknown user u-9');
  });
});
