import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PATH } from '../server';
import { parseConfig } from '../config';
import { tempDbPath, testSeed } from './support';

const ROOT = resolve(import.meta.dirname, '../..');

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    expect(parseConfig([], {})).toMatchObject({
      port: 8787, host: '127.0.0.1', dbPath: DEFAULT_DB_PATH, seed: undefined, reset: false, rateLimit: 50,
      faults: { errorRate: 0, latencyMs: 0, dropRate: 0 }, testAdmin: false, demoSignIn: false, signInFailures: 10,
    });
  });

  it('turns the passwordless demo sign-in on only when asked', () => {
    expect(parseConfig(['--demo-sign-in'], {}).demoSignIn).toBe(true);
    expect(parseConfig([], { CRM_DEMO_SIGN_IN: '1' }).demoSignIn).toBe(true);
    expect(parseConfig(['--sign-in-failures', '0'], {}).signInFailures).toBe(0);
  });

  it('reads the environment, and flags win over it', () => {
    const env = { CRM_PORT: '9000', CRM_RATE_LIMIT: '5', CRM_FAULT_ERROR_RATE: '0.25', CRM_TEST_ADMIN: '1', CRM_DB: 'x.db' };
    expect(parseConfig(['--port', '0', '--fault-drop-rate', '0.5'], env)).toMatchObject({
      port: 0, rateLimit: 5, faults: { errorRate: 0.25, dropRate: 0.5 }, testAdmin: true, dbPath: resolve('x.db'),
    });
  });

  it('takes a PostgreSQL URL from --db or CRM_DATABASE_URL as it is (not as a file path)', () => {
    expect(parseConfig(['--db', 'postgres://crm:secret@db.internal:5432/crm'], {}).dbPath).toBe('postgres://crm:secret@db.internal:5432/crm');
    expect(parseConfig([], { CRM_DATABASE_URL: 'postgresql://crm@10.0.0.5/crm' }).dbPath).toBe('postgresql://crm@10.0.0.5/crm');
    expect(parseConfig(['--db', 'x.db'], { CRM_DATABASE_URL: 'postgres://crm@h/crm' }).dbPath).toBe(resolve('x.db'));
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--fault-error-rate', '2'], '--fault-error-rate'],
    [['--nope'], 'nope'],
    [['--sign-in-failures', '-1'], '--sign-in-failures'],
  ])('refuses %j naming %s', (argv, name) => {
    expect(() => parseConfig(argv, {})).toThrow(name);
  });
});

describe('npm run crm', () => {
  it('prints the users with their tokens, then the listening line, and serves', async () => {
    const dbPath = tempDbPath();
    const seedPath = join(mkdtempSync(join(tmpdir(), 'crm-cli-')), 'seed.json');
    writeFileSync(seedPath, JSON.stringify(testSeed()));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'reference-crm/main.ts'), '--port', '0', '--db', dbPath, '--seed', seedPath], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const port = await new Promise<number>((ok, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /^CRM listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(out);
        if (m) ok(Number(m[1]));
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    try {
      expect(out).toContain('Rey Rep (Rep): tok-rep');
      expect(out.match(/CRM listening on/g)).toHaveLength(1);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: 'Bearer tok-rep' } });
      expect((await res.json()).user.id).toBe('u-rep');
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
