// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory, pg_ctl on a free port,
// as a non-root user (PostgreSQL refuses to run as root). Without PostgreSQL it installs Debian's package when run
// as root on Debian, as the browsers are; elsewhere it fails saying what to install or set.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** The cluster's address without a database: append `/<name>`. */
  base: string;
  /** Creates an empty database (synchronously: createdb) and returns its URL. */
  createDatabase(name?: string): string;
  stop(): void;
}

const SEARCHED = '/usr/lib/postgresql';

/** The directory holding initdb and pg_ctl: CRM_PG_BIN, else Debian's newest, installing it when we may. */
export function postgresBin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CRM_PG_BIN) {
    if (!existsSync(join(env.CRM_PG_BIN, 'initdb'))) throw new Error(`CRM_PG_BIN=${env.CRM_PG_BIN}: no initdb there`);
    return env.CRM_PG_BIN;
  }
  const found = debianBin();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.log("PostgreSQL not found: installing Debian's postgresql (apt-get install -y postgresql)…");
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: aptEnv });
    const installed = debianBin();
    if (installed) return installed;
  }
  throw new Error(
    'The PostgreSQL tests need PostgreSQL\'s initdb and pg_ctl: install PostgreSQL (Debian: apt-get install postgresql, ' +
    'which `npm test` does itself when run as root) or set CRM_PG_BIN to the directory holding them.',
  );
}

function debianBin(): string | null {
  if (!existsSync(SEARCHED)) return null;
  const versions = readdirSync(SEARCHED).filter((v) => existsSync(join(SEARCHED, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(SEARCHED, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const data = join(dir, 'data');
  // Root may not run PostgreSQL: as root, the cluster belongs to the postgres user and runs as it.
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? 'postgres' : userInfo().username;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', runAs]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', runAs]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', runAs, '--', join(bin, tool), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    run('initdb', ['-D', data, '-U', 'crm', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  } catch (err) {
    throw new Error(`initdb failed: ${(err as { stderr?: Buffer }).stderr?.toString() ?? err}`);
  }
  const port = await freePort();
  // Durability is not what a throwaway test cluster is for.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  try {
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (err) {
    throw new Error(`pg_ctl start failed: ${(err as { stderr?: Buffer }).stderr?.toString() ?? err}`);
  }
  const base = `postgres://crm@127.0.0.1:${port}`;
  let next = 0;
  let stopped = false;
  return {
    base,
    createDatabase(name = `crm_${process.pid}_${++next}_${Date.now().toString(36)}`) {
      execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'crm', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      return `${base}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
