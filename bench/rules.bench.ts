// Times the rules over 100,000 customers for one user: `npx tsx bench/rules.bench.ts`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Customer, Org, User } from '../lib/domain/types';
import { decide, decideAll, listedIds, userContext } from '../lib/rules/index';

const CUSTOMERS = 100_000;
const RUNS = 9;
const WARM_UP = 3;
const NOW = new Date('2024-06-30T00:00:00.000Z');

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An org of 300 users in 30 departments (3 levels), 12 roles, 10 permission groups, 5 pools; 100,000 customers. */
export function makeDataset(customerCount = CUSTOMERS): { org: Org; customers: Customer[] } {
  const random = rng(42);
  const int = (n: number) => Math.floor(random() * n);
  const departments = Array.from({ length: 30 }, (_, i) => ({
    id: `d${i}`, name: `Dept ${i}`, parentId: i === 0 ? null : `d${i < 6 ? 0 : 1 + ((i - 6) % 5)}`,
  }));
  const roles = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, name: `Role ${i}`, admin: i === 0 }));
  const users: User[] = Array.from({ length: 300 }, (_, i) => ({
    id: `u${i}`, name: `User ${i}`, email: `u${i}@example.test`, departmentId: departments[i % 30].id,
    roleId: roles[i < 3 ? 0 : 1 + (i % 11)].id, managerId: i < 10 ? null : `u${i % 10}`,
  }));
  const customerIds = Array.from({ length: customerCount }, (_, i) => `c${i}`);
  const permissionGroups = Array.from({ length: 10 }, (_, g) => ({
    id: `g${g}`, name: `Group ${g}`, roleIds: [`r${1 + g}`], canEdit: g % 2 === 0,
    customerIds: customerIds.filter((_, i) => i % 50 === g),
  }));
  const pools = Array.from({ length: 5 }, (_, p) => ({ id: `p${p}`, name: `Pool ${p}`, adminUserIds: [`u${10 + p}`] }));
  const customers: Customer[] = customerIds.map((id, i) => ({
    id, code: `C${i}`, name: `Customer ${i}`, email: `${id}@customer.test`, phone: `+8490${String(i).padStart(7, '0')}`,
    source: 'web', businessField: 'retail', aeId: random() < 0.1 ? null : `u${int(300)}`,
    csrId: random() < 0.5 ? `u${int(300)}` : null, poolId: `p${i % 5}`,
    shares: {
      departmentIds: random() < 0.05 ? [`d${int(30)}`] : [],
      roleIds: random() < 0.03 ? [`r${int(12)}`] : [],
      userIds: random() < 0.1 ? [`u${int(300)}`, `u${int(300)}`] : [],
    },
    tags: [], version: 1, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    deletedAt: random() < 0.02 ? NOW.toISOString() : null,
  }));
  return { org: { users, departments, roles, permissionGroups, pools }, customers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const USERS: [label: string, userId: string][] = [
  ['rep', 'u57'], ['manager', 'u5'], ['edit-group manager', 'u4'], ['administrator', 'u0'],
];

/**
 * Median milliseconds of each measurement over RUNS runs, after WARM_UP runs to let the JIT settle.
 * listedIds is timed on the generated objects and on a structured clone of them (what IndexedDB hands back):
 * V8 lays cloned strings out differently, and the gate is memory-bound, so the two differ.
 */
export async function runRulesBench(): Promise<{ name: string; ms: number }[]> {
  const { org, customers } = makeDataset();
  const cloned = structuredClone(customers);
  const k = `${customers.length / 1000}k`;
  const results: { name: string; ms: number }[] = [];
  for (const [label, userId] of USERS) {
    const measure = (name: string, fn: () => unknown) => {
      for (let i = 0; i < WARM_UP; i++) fn();
      results.push({ name: `${name} (${label})`, ms: median(Array.from({ length: RUNS }, () => time(fn))) });
    };
    const ctx = userContext(org, userId);
    measure('userContext', () => userContext(org, userId));
    measure(`userContext + listedIds ×${k}`, () => listedIds(userContext(org, userId), customers));
    measure(`userContext + listedIds ×${k}, cloned`, () => listedIds(userContext(org, userId), cloned));
    measure(`decide 'share' ×${k}`, () => {
      for (const c of customers) decide(ctx, c, 'share', NOW);
    });
    measure(`decideAll ×${k}`, () => {
      for (const c of customers) decideAll(ctx, c, NOW);
    });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { org, customers } = makeDataset();
  for (const [label, userId] of USERS) {
    console.log(`${label.padEnd(18)} ${userId}: lists ${listedIds(userContext(org, userId), customers).length} of ${customers.length}`);
  }
  const rows = await runRulesBench();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'measurement'.padEnd(width)}  median ms (of ${RUNS})`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(2).padStart(9)}`);
}
