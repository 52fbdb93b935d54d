// On PostgreSQL the rate limits live in the database: they hold across server processes, not per process.
import { afterEach, describe, expect, it } from 'vitest';
import { createCrm, type Crm } from '../server';
import { NOW, tempDbPath, testSeed } from './support';

const open: Crm[] = [];
afterEach(async () => {
  for (const crm of open.splice(0)) await crm.repo.close();
});

async function two(options: { rateLimit?: number; signInFailures?: number }): Promise<[Crm, Crm]> {
  const dbPath = tempDbPath();
  // One fixed clock: no bucket refills during the test.
  const common = { dbPath, pages: false, now: () => NOW, rateLimit: 0, ...options };
  const a = await createCrm({ ...common, seed: testSeed() });
  const b = await createCrm(common);
  open.push(a, b);
  return [a, b];
}

const me = (crm: Crm, token: string) => crm.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });

describe('rate limits across two servers on one PostgreSQL database', () => {
  it('counts a caller\'s requests to either server against one bucket', async () => {
    const [a, b] = await two({ rateLimit: 3 });
    const statuses = [];
    for (const crm of [a, b, a, b]) statuses.push((await me(crm, 'tok-rep')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await me(a, 'tok-rep');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another caller has a bucket of their own.
    expect((await me(b, 'tok-manager')).status).toBe(200);
  });

  it('counts wrong tokens from one address at either server against one allowance', async () => {
    const [a, b] = await two({ signInFailures: 2 });
    expect((await me(a, 'wrong-1')).status).toBe(401);
    expect((await me(b, 'wrong-2')).status).toBe(401);
    // No attempts left for this address anywhere: even the right token waits.
    expect((await me(a, 'tok-rep')).status).toBe(429);
    expect((await me(b, 'tok-rep')).status).toBe(429);
  });
});
