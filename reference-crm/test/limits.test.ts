import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCrm, type RunningCrm } from '../server';
import { tempDbPath, testCrm, testSeed, type TestCrm } from './support';

let crm: TestCrm | undefined;
let server: RunningCrm | undefined;
afterEach(async () => {
  vi.useRealTimers();
  crm?.close();
  await server?.close();
  crm = server = undefined;
});

describe('rate limit', () => {
  it('answers 429 with Retry-After in whole seconds when a token exceeds its rate, per token', async () => {
    crm = await testCrm({ rateLimit: 2 });
    expect((await crm.call('tok-rep', 'GET', '/me')).status).toBe(200);
    expect((await crm.call('tok-rep', 'GET', '/me')).status).toBe(200);
    const limited = await crm.call('tok-rep', 'GET', '/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body.error.code).toBe('rate_limited');
    expect((await crm.call('tok-admin', 'GET', '/me')).status).toBe(200);

    crm.clock.now = new Date(crm.clock.now.getTime() + 1000);
    expect((await crm.call('tok-rep', 'GET', '/me')).status).toBe(200);
  });

  it('is off with 0', async () => {
    crm = await testCrm({ rateLimit: 0 });
    for (let i = 0; i < 20; i++) expect((await crm.call('tok-rep', 'GET', '/me')).status).toBe(200);
  });
});

describe('injected faults', () => {
  it('answers 503 fault at error rate 1', async () => {
    crm = await testCrm({ faults: { errorRate: 1 } });
    const { status, body } = await crm.call('tok-rep', 'GET', '/me');
    expect(status).toBe(503);
    expect(body.error.code).toBe('fault');
  });

  it('fails the given share of requests', async () => {
    const draws = [0.1, 0.9, 0.3, 0.7];
    crm = await testCrm({ faults: { errorRate: 0.5 }, random: () => draws.shift() ?? 0.99 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await crm.call('tok-rep', 'GET', '/me')).status);
    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  it('delays each API request by the latency', async () => {
    crm = await testCrm({ faults: { latencyMs: 1000 } });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let answered = false;
    const reply = crm.call('tok-rep', 'GET', '/me').then((r) => ((answered = true), r));
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await reply).status).toBe(200);
  });

  it('drops connections without an answer, and the test admin turns it off at run time', async () => {
    server = await startCrm({ dbPath: tempDbPath(), seed: testSeed(), pages: false, faults: { dropRate: 1 }, testAdmin: true });
    const me = () => fetch(`${server!.url}/api/v1/me`, { headers: { authorization: 'Bearer tok-rep' } });
    await expect(me()).rejects.toThrow();

    const admin = await fetch(`${server.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dropRate: 0, errorRate: 0 }),
    });
    expect(await admin.json()).toEqual({ errorRate: 0, latencyMs: 0, dropRate: 0, rateLimit: 50 });
    expect((await me()).status).toBe(200);
    // It counts what it injected: one dropped connection so far; then an error and a 429.
    const injected = async () => (await fetch(`${server!.url}/__admin/faults/injected`)).json();
    expect(await injected()).toEqual({ errors: 0, drops: 1, tooMany: 0 });
    const set = (body: object) => fetch(`${server!.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await set({ errorRate: 1 });
    expect((await me()).status).toBe(503);
    await set({ errorRate: 0, rateLimit: 1 });
    const statuses = [(await me()).status, (await me()).status];
    expect(statuses).toContain(429);
    expect(await injected()).toEqual({ errors: 1, drops: 1, tooMany: statuses.filter((s) => s === 429).length });

    const bad = await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^errorRate:/);
  });

  it('has no admin endpoint unless asked for', async () => {
    crm = await testCrm();
    const res = await crm.app.request('/__admin/faults', { method: 'POST', body: '{"errorRate":1}' });
    expect(res.status).toBe(404);
  });
});
