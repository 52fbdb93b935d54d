// Test support: a small exact organisation and an in-process CRM to call with app.request.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeedCustomer, SeedFile } from '../seed/format';
import { postgresBin } from './postgres-cluster';
import { createCrm, type Crm, type CrmOptions } from '../server';

const empty = { departmentIds: [], roleIds: [], userIds: [] };

function customer(id: string, fields: Partial<SeedCustomer>): SeedCustomer {
  return {
    id, code: id.toUpperCase(), name: `Customer ${id}`, email: `${id}@example.com`, phone: '', source: 'Web',
    businessField: 'Retail', aeId: null, csrId: null, poolId: 'p-1', shares: empty, tags: [], ...fields,
  };
}

/**
 * Who sees what: rep (AE of c-1, c-3; c-shared through the Sales department above his own);
 * manager (his reps' c-1, c-2, c-3 and c-shared); key (edit group over c-key, c-1); admin: every live one.
 */
export function testSeed(): SeedFile {
  return {
    version: 1,
    departments: [
      { id: 'd-root', name: 'Head office', parentId: null },
      { id: 'd-sales', name: 'Sales', parentId: 'd-root' },
      { id: 'd-north', name: 'Sales North', parentId: 'd-sales' },
    ],
    roles: [
      { id: 'r-admin', name: 'Administrator', admin: true },
      { id: 'r-manager', name: 'Manager', admin: false },
      { id: 'r-rep', name: 'Rep', admin: false },
      { id: 'r-key', name: 'Key accounts', admin: false },
    ],
    users: [
      { id: 'u-admin', name: 'Ada Admin', email: 'ada@x.test', departmentId: 'd-root', roleId: 'r-admin', managerId: null, token: 'tok-admin' },
      { id: 'u-manager', name: 'Max Manager', email: 'max@x.test', departmentId: 'd-sales', roleId: 'r-manager', managerId: 'u-admin', token: 'tok-manager' },
      { id: 'u-rep', name: 'Rey Rep', email: 'rey@x.test', departmentId: 'd-north', roleId: 'r-rep', managerId: 'u-manager', token: 'tok-rep' },
      { id: 'u-rep2', name: 'Ria Rep', email: 'ria@x.test', departmentId: 'd-north', roleId: 'r-rep', managerId: 'u-manager', token: 'tok-rep2' },
      { id: 'u-key', name: 'Kai Key', email: 'kai@x.test', departmentId: 'd-root', roleId: 'r-key', managerId: 'u-admin', token: 'tok-key' },
      { id: 'u-pool', name: 'Pia Pool', email: 'pia@x.test', departmentId: 'd-root', roleId: 'r-manager', managerId: 'u-admin', token: 'tok-pool' },
    ],
    permissionGroups: [{ id: 'pg-key', name: 'Key accounts', roleIds: ['r-key'], canEdit: true, customerIds: ['c-key', 'c-1'] }],
    pools: [{ id: 'p-1', name: 'Main pool', adminUserIds: ['u-pool'] }],
    customers: [
      customer('c-1', { name: 'Anh Phat', phone: '0912 345 678', aeId: 'u-rep', tags: ['vip'] }),
      customer('c-2', { name: 'Binh Minh', phone: '0903 000 002', aeId: 'u-rep2' }),
      customer('c-3', { name: 'Cao Nguyen', phone: '0903 000 003', aeId: 'u-rep', csrId: 'u-rep2' }),
      customer('c-key', { name: 'Key Corp', phone: '024 3826 4000' }),
      customer('c-shared', { name: 'Shared Ltd', phone: '0988 111 222', aeId: 'u-admin', shares: { ...empty, departmentIds: ['d-sales'] } }),
      customer('c-twin', { name: 'Twin One', phone: '0977 000 000', aeId: 'u-admin' }),
      customer('c-twin2', { name: 'Twin Two', phone: '+84 977 000 000', aeId: 'u-admin' }),
      customer('c-gone', { name: 'Gone Co', phone: '0966 000 000', aeId: 'u-rep', deletedAt: '2024-08-20T00:00:00.000Z' }),
    ],
    follows: [{ userId: 'u-rep', customerId: 'c-1' }],
  };
}

export const NOW = new Date('2024-08-25T12:00:00.000Z');

export interface TestCrm extends Crm {
  call(token: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  clock: { now: Date };
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever the answer holds.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The engine the server suite runs on: the server-postgres project sets CRM_TEST_ENGINE=postgres. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.CRM_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let databases = 0;

/** A new, empty database of the engine under test: a SQLite file in a temporary directory, or a PostgreSQL database. */
export function tempDbPath(): string {
  if (TEST_ENGINE === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'crm-test-')), 'crm.db');
  const base = process.env.CRM_TEST_POSTGRES;
  if (!base) throw new Error('CRM_TEST_ENGINE=postgres needs the cluster of test/postgres-setup.ts (run the server-postgres project)');
  const { hostname, port, username } = new URL(base);
  const name = `crm_${process.pid}_${++databases}`;
  execFileSync(join(postgresBin(), 'createdb'), ['-h', hostname, '-p', port, '-U', username, name], { stdio: ['ignore', 'pipe', 'pipe'] });
  return `${base}/${name}`;
}

/** An in-process CRM on a temporary database with the test seed and a settable clock. */
export async function testCrm(options: CrmOptions = {}): Promise<TestCrm> {
  const clock = { now: NOW };
  const crm = await createCrm({ dbPath: tempDbPath(), seed: testSeed(), rateLimit: 0, pages: false, now: () => clock.now, ...options });
  const call: TestCrm['call'] = async (token, method, path, body, headers = {}) => {
    const res = await crm.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  return { ...crm, call, clock, close: () => crm.repo.close() };
}
