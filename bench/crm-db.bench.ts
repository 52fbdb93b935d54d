// The reference CRM's database figures, SQLite against PostgreSQL (a throwaway cluster on this machine):
// P9: the first page of a name search over 100,000 customers for a manager whose rules reach 30,000 of them.
// P8: 50 simulated users (delta sync, reads, edits, a batch share of 1,000) for a while, one process and two.
// `npx tsx bench/crm-db.bench.ts [--quick]`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startCluster, type Cluster } from '../reference-crm/test/postgres-cluster';
import { createCrm, type Crm } from '../reference-crm/server';
import type { SeedCustomer, SeedFile } from '../reference-crm/seed/format';
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
  } finally {
    cluster?.stop();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runCrmDbBench(process.argv.includes('--quick'));
  for (const f of figures) console.log(`${f.id} ${f.name}: ${round(f.value)} ${f.unit} (${f.target}: ${f.met ? 'met' : 'NOT met'}) ${f.notes ?? ''}`);
}
