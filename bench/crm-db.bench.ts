// The reference CRM's database figures, SQLite against PostgreSQL (a throwaway cluster on this machine):
// P9: the first page of a name search over 100,000 customers for a manager whose rules reach 30,000 of them.
// P8: 50 simulated users (delta sync, reads, edits, a batch share of 1,000) for a while, one process and two.
// `npx tsx bench/crm-db.bench.ts [--quick] [--p9-only]`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startCluster, type Cluster } from '../reference-crm/test/postgres-cluster';
import { createCrm, type Crm } from '../reference-crm/server';
import type { SeedCustomer, SeedFile } from '../reference-crm/seed/format';
import { startCrm as startCrmProcess, type CrmProcess } from '../tests/harness/crm';
import { round, type Figure } from './figure';

const WORDS = ['An', 'Bình', 'Phát', 'Minh', 'Thịnh', 'Hưng', 'Đức', 'Long', 'Việt', 'Sài Gòn', 'Hà Nội', 'Toàn Cầu', 'Xanh', 'Ánh Dương',
  'Hoàng', 'Kim', 'Nam', 'Phú', 'Quang', 'Tâm'];
const KINDS = ['Công ty', 'Cửa hàng', 'Tập đoàn', 'Nhà hàng', 'Xưởng'];

/** 100,000 customers; the manager's 10 reps are the AE of 30,000 of them (the manager's list), 40 other reps of the rest. */
export function p9Seed(customers = 100_000, reached = 30_000): SeedFile {
  const users: SeedFile['users'] = [
    { id: 'u-admin', name: 'Admin', email: 'admin@x.test', departmentId: 'd-hq', roleId: 'r-admin', managerId: null, token: 'tok-admin' },
    { id: 'u-mgr', name: 'Manager', email: 'mgr@x.test', departmentId: 'd-sales', roleId: 'r-mgr', managerId: 'u-admin', token: 'tok-mgr' },
    { id: 'u-mgr2', name: 'Manager 2', email: 'mgr2@x.test', departmentId: 'd-sales', roleId: 'r-mgr', managerId: 'u-admin', token: 'tok-mgr2' },
  ];
  for (let i = 0; i < 50; i++) {
    users.push({ id: `u-rep${i}`, name: `Rep ${i}`, email: `rep${i}@x.test`, departmentId: 'd-sales', roleId: 'r-rep',
      managerId: i < 10 ? 'u-mgr' : 'u-mgr2', token: `tok-rep${i}` });
  }
  const list: SeedCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const ae = i < reached ? `u-rep${i % 10}` : `u-rep${10 + (i % 40)}`;
    list.push({
      id: `c${String(i).padStart(6, '0')}`, code: `KH${String(i).padStart(6, '0')}`,
      name: `${KINDS[i % KINDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 13 + 3) % WORDS.length]} ${i}`,
      email: `c${i}@example.vn`, phone: `09${String(10_000_000 + i).slice(-8)}`, source: 'Web', businessField: 'Retail',
      aeId: ae, csrId: null, poolId: 'p-1', shares: { departmentIds: [], roleIds: [], userIds: [] }, tags: i % 50 === 0 ? ['vip'] : [],
    });
  }
  return {
    version: 1,
    departments: [{ id: 'd-hq', name: 'HQ', parentId: null }, { id: 'd-sales', name: 'Sales', parentId: 'd-hq' }],
    roles: [{ id: 'r-admin', name: 'Admin', admin: true }, { id: 'r-mgr', name: 'Manager', admin: false }, { id: 'r-rep', name: 'Rep', admin: false }],
    users, permissionGroups: [], pools: [{ id: 'p-1', name: 'Pool', adminUserIds: ['u-admin'] }], customers: list,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeP9(crm: Crm, rounds: number): Promise<{ p50: number; p99: number; total: number }> {
  const get = async () => {
    const res = await crm.app.request('/api/v1/customers?q=ph%C3%A1t&page=1&pageSize=50&sort=name', { headers: { authorization: 'Bearer tok-mgr' } });
    if (res.status !== 200) throw new Error(`P9: ${res.status} ${await res.text()}`);
    return (await res.json()) as { total: number; items: unknown[] };
  };
  let total = 0;
  for (let i = 0; i < 10; i++) total = (await get()).total;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await get();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), total };
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, by status (412 and 429 are expected under load; anything else is an error). */
  statuses: Record<string, number>;
}

/** One simulated user: delta sync, reads, an edit and a batch share of 1,000 of their customers, in a loop, until `end`. */
async function simulatedUser(urls: string[], user: number, end: number, times: number[], statuses: Record<string, number>): Promise<void> {
  const token = `tok-rep${user}`;
  const mine = (n: number) => `c${String(user < 10 ? n * 10 + user : 30_000 + (n * 40 + (user - 10))).padStart(6, '0')}`;
  let turn = user;
  let cursor = '';
  let round = 0;
  const call = async (path: string, init: RequestInit = {}) => {
    const url = urls[turn++ % urls.length];
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1${path}`, {
      ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    const body = await res.text();
    times.push(performance.now() - t0);
    if (res.status >= 300) statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    return { status: res.status, etag: res.headers.get('etag'), body: body ? JSON.parse(body) : null };
  };
  while (performance.now() < end) {
    round++;
    const sync = await call(`/sync/customers?since=${cursor}&limit=1000`);
    if (sync.status === 200) cursor = sync.body.next;
    await call('/customers?page=1&pageSize=50&sort=name');
    const id = mine(round % 1000);
    const read = await call(`/customers/${id}`);
    if (read.status === 200 && read.etag) {
      await call(`/customers/${id}`, { method: 'PATCH', headers: { 'if-match': read.etag }, body: JSON.stringify({ source: `round ${round}` }) });
    }
    if (performance.now() >= end) break;
    const ids = Array.from({ length: 1000 }, (_, n) => mine(n));
    await call('/batch/share', { method: 'POST', body: JSON.stringify({ customerIds: ids, targets: { departmentIds: [], roleIds: [], userIds: [`u-rep${(user + round) % 50}`] } }) });
  }
}

async function loadRun(seed: SeedFile, db: string | undefined, processes: number, users: number, seconds: number): Promise<LoadResult> {
  const crms: CrmProcess[] = [];
  try {
    const first = await startCrmProcess({ seed, db, args: ['--rate-limit', '0'] });
    crms.push(first);
    for (let i = 1; i < processes; i++) crms.push(await startCrmProcess({ seed, db: first.dbPath, join: true, args: ['--rate-limit', '0'] }));
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    await Promise.all(Array.from({ length: users }, (_, u) => simulatedUser(crms.map((c) => c.url), u, end, times, statuses)));
    const elapsed = (performance.now() - t0) / 1000;
    return { requests: times.length, perSecond: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99), statuses };
  } finally {
    for (const crm of crms) await crm.stop();
  }
}

/** P8: 50 simulated users on SQLite and PostgreSQL, one server process and two (users alternate between them). */
async function runP8(cluster: Cluster, quick: boolean): Promise<Figure[]> {
  const seed = p9Seed();
  const seconds = quick ? 5 : 60;
  const results: Record<string, LoadResult> = {};
  for (const [engine, db] of [['SQLite', undefined], ['PostgreSQL', 'pg']] as const) {
    for (const processes of [1, 2]) {
      const name = `${engine}, ${processes} process${processes > 1 ? 'es' : ''}`;
      const result = await loadRun(seed, db === 'pg' ? cluster.createDatabase(`bench_p8_${processes}`) : undefined, processes, 50, seconds);
      results[name] = result;
      console.log(`[bench] P8 ${name}: ${result.requests} requests in ${seconds} s = ${round(result.perSecond, 1)}/s, ` +
        `p50 ${round(result.p50)} ms, p99 ${round(result.p99)} ms; not 2xx: ${JSON.stringify(result.statuses)}`);
    }
  }
  const errors = (r: LoadResult) => Object.entries(r.statuses).filter(([status]) => status !== '429' && status !== '412').reduce((n, [, c]) => n + c, 0);
  const sqlite = results['SQLite, 1 process'];
  return Object.entries(results).map(([name, r]) => ({
    id: 'P8', name: `50 simulated users, ${name}`, value: r.p99, unit: 'ms p99', baseline: { name: 'SQLite, 1 process', value: sqlite.p99 },
    ratio: r.p99 / sqlite.p99, target: name.startsWith('PostgreSQL') ? '≤ 1.5× SQLite p99, no errors' : 'no errors',
    met: errors(r) === 0 && (!name.startsWith('PostgreSQL') || r.p99 <= 1.5 * sqlite.p99),
    notes: `${name}: ${round(r.perSecond, 1)} requests/s, p50 ${round(r.p50)} ms; not 2xx ${JSON.stringify(r.statuses)}`,
  }));
}

export async function runCrmDbBench(quick: boolean): Promise<Figure[]> {
  const seed = p9Seed();
  const rounds = quick ? 30 : 300;
  const figures: Figure[] = [];
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster();
    const engines: [string, string][] = [
      ['SQLite', join(mkdtempSync(join(tmpdir(), 'crm-bench-')), 'crm.db')],
      ['PostgreSQL', cluster.createDatabase('bench_p9')],
    ];
    const p9: Record<string, { p50: number; p99: number; total: number }> = {};
    for (const [engine, dbPath] of engines) {
      const t0 = performance.now();
      const crm = await createCrm({ dbPath, seed, rateLimit: 0, pages: false });
      const seeded = performance.now() - t0;
      try {
        p9[engine] = await timeP9(crm, rounds);
        console.log(`[bench] P9 ${engine}: seeded 100,000 in ${round(seeded / 1000, 1)} s; first page of "phát" (${p9[engine].total} match) ` +
          `p50 ${round(p9[engine].p50)} ms, p99 ${round(p9[engine].p99)} ms over ${rounds}`);
      } finally {
        await crm.repo.close();
      }
    }
    for (const engine of Object.keys(p9)) {
      figures.push({ id: 'P9', name: `first page of a name search, 100,000 customers, 30,000 reached (${engine})`, value: p9[engine].p99,
        unit: 'ms p99', target: '≤ 50 ms p99', met: p9[engine].p99 <= 50, notes: `${engine}: p50 ${round(p9[engine].p50)} ms, ${p9[engine].total} match` });
    }
    if (!process.argv.includes('--p9-only')) figures.push(...(await runP8(cluster, quick)));
  } finally {
    cluster?.stop();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runCrmDbBench(process.argv.includes('--quick'));
  for (const f of figures) console.log(`${f.id} ${f.name}: ${round(f.value)} ${f.unit} (${f.target}: ${f.met ? 'met' : 'NOT met'}) ${f.notes ?? ''}`);
}
