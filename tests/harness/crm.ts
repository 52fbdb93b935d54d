// Starts the reference CRM as a real child process on a free port with a temporary database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CrmOptions {
  /** A seed file path, or a seed object written to a temporary file. */
  seed: string | object;
  args?: string[];
  env?: Record<string, string>;
  /** Another database than a fresh SQLite file: a PostgreSQL URL. */
  db?: string;
  /** Join a database another process seeded: start without --seed and --reset. */
  join?: boolean;
}

export interface CrmProcess {
  url: string;
  port: number;
  dbPath: string;
  output(): string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL): a crash, mid-request. */
  kill(): Promise<void>;
  /** Starts again on the same port and database (the data survives). */
  start(): Promise<void>;
}

export async function startCrm(options: CrmOptions): Promise<CrmProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'crmx-crm-'));
  const dbPath = options.db ?? join(dir, 'crm.db');
  let seedPath = typeof options.seed === 'string' ? resolve(ROOT, options.seed) : join(dir, 'seed.json');
  if (typeof options.seed !== 'string') writeFileSync(seedPath, JSON.stringify(options.seed));
  let log = '';
  let child: ChildProcess | null = null;
  let port = 0;

  const launch = (extra: string[]) =>
    new Promise<number>((ok, fail) => {
      const args = ['--import', 'tsx', join(ROOT, 'reference-crm/main.ts'), '--port', String(port), '--db', dbPath, '--test-admin', ...extra, ...(options.args ?? [])];
      const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /CRM listening on http:\/\/[^:]+:(\d+)/.exec(log);
        if (m) ok(Number(m[1]));
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (c: Buffer) => (log += c.toString()));
      proc.once('exit', (code) => fail(new Error(`The reference CRM exited (${code}) before listening:\n${log}`)));
    });

  port = await launch(options.join ? [] : ['--seed', seedPath, '--reset']);
  const crm: CrmProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dbPath,
    output: () => log,
    async stop() {
      const proc = child as ChildProcess | null;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((done) => {
        proc.once('exit', () => done());
        proc.kill('SIGTERM');
      });
      child = null;
    },
    async kill() {
      const proc = child as ChildProcess | null;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((done) => {
        proc.once('exit', () => done());
        proc.kill('SIGKILL');
      });
      child = null;
    },
    async start() {
      log = '';
      await launch([]);
    },
  };
  return crm;
}

/** Calls the CRM's JSON API with a user's token, as a test's independent witness. */
export async function api<T = unknown>(crm: CrmProcess, token: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${crm.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** How many entries the CRM's whole audit log holds (read as the administrator): "nothing happened" checks. */
export async function auditCount(crm: CrmProcess): Promise<number> {
  return (await api<{ items: unknown[] }>(crm, 'tok-admin', '/audit?limit=100000')).body.items.length;
}

/** Changes the CRM's injected faults and rate limit (the test admin); fails when the CRM refuses them. */
export async function setFaults(crm: CrmProcess, settings: Record<string, number>): Promise<void> {
  const res = await fetch(`${crm.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
  if (!res.ok) throw new Error(`faults ${JSON.stringify(settings)}: ${res.status} ${await res.text()}`);
}

/** How many faults the CRM injected since it started: 503s, dropped connections, 429s. */
export async function injectedFaults(crm: CrmProcess): Promise<{ errors: number; drops: number; tooMany: number }> {
  return (await fetch(`${crm.url}/__admin/faults/injected`)).json() as Promise<{ errors: number; drops: number; tooMany: number }>;
}
