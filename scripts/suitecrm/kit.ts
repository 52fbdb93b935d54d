// The SuiteCRM the tests run against, and what the harness does to it.
//
// Either the kit (../shared/suitecrm beside the repo, or SUITECRM_KIT): up() runs its up.sh as root and reads
// the credentials it keeps; or an already running SuiteCRM given by SUITECRM_URL with SUITECRM_ADMIN_USER,
// SUITECRM_ADMIN_PASSWORD, SUITECRM_CLIENT_ID and SUITECRM_CLIENT_SECRET. With a URL the package must already be
// installed by that SuiteCRM's administrator (Admin → Module Loader), unless SUITECRM_DOCROOT names its local
// docroot: then the harness installs it, seeds what V8 cannot with SQL and snapshots/restores the database.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export interface SuiteCrm {
  /** Site URL without a trailing slash, e.g. http://127.0.0.1:36080 */
  url: string;
  adminUser: string;
  adminPassword: string;
  clientId: string;
  clientSecret: string;
  /** The local docroot when we may run PHP and SQL on it (kit, or SUITECRM_DOCROOT); null for a remote SuiteCRM. */
  docroot: string | null;
  /** 'kit' when up.sh brought it up, 'url' when given by SUITECRM_URL. */
  source: 'kit' | 'url';
}

/** The kit's folder (holds up.sh), or null when there is none. */
export function kitDir(): string | null {
  const dir = process.env.SUITECRM_KIT ? resolve(process.env.SUITECRM_KIT) : resolve(REPO, '../shared/suitecrm');
  return existsSync(join(dir, 'up.sh')) ? dir : null;
}

/** Why SuiteCRM cannot be used here, or null when it can (a URL is given, or the kit and root are). */
export function unavailableReason(): string | null {
  if (process.env.SUITECRM_URL) {
    const missing = ['SUITECRM_ADMIN_USER', 'SUITECRM_ADMIN_PASSWORD', 'SUITECRM_CLIENT_ID', 'SUITECRM_CLIENT_SECRET'].filter(
      (k) => !process.env[k],
    );
    return missing.length ? `SUITECRM_URL is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not` : null;
  }
  if (!kitDir()) return 'no SuiteCRM kit at ../shared/suitecrm (or SUITECRM_KIT) and no SUITECRM_URL';
  if (process.getuid?.() !== 0) return "the kit's up.sh must run as root (or give SUITECRM_URL and credentials)";
  return null;
}

function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/**
 * Brings SuiteCRM up (kit: up.sh, ~5 s when installed, ~35 s fresh, ~1 min with Debian's packages) or describes
 * the one at SUITECRM_URL. Throws with what to do when neither is possible.
 */
export function up(log: (s: string) => void = () => {}): SuiteCrm {
  const why = unavailableReason();
  if (why) throw new Error(`SuiteCRM is not available: ${why}`);
  if (process.env.SUITECRM_URL) {
    return {
      url: process.env.SUITECRM_URL.replace(/\/+$/, ''),
      adminUser: process.env.SUITECRM_ADMIN_USER!,
      adminPassword: process.env.SUITECRM_ADMIN_PASSWORD!,
      clientId: process.env.SUITECRM_CLIENT_ID!,
      clientSecret: process.env.SUITECRM_CLIENT_SECRET!,
      docroot: process.env.SUITECRM_DOCROOT ? resolve(process.env.SUITECRM_DOCROOT) : null,
      source: 'url',
    };
  }
  const kit = kitDir()!;
  const out = execFileSync('bash', [join(kit, 'up.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: kit });
  const phases = /Phase times \(s\):([\s\S]*?)={5,}/.exec(out)?.[1]?.replace(/\s+/g, ' ').trim();
  if (phases) log(`SuiteCRM kit up.sh: ${phases}`);
  const kitState = process.env.KIT_DIR ?? '/tmp/suitecrm-kit';
  const cred = parseEnvFile(readFileSync(join(kitState, 'credentials.env'), 'utf8'));
  const bind = process.env.BIND ?? '127.0.0.1';
  const port = process.env.PORT ?? '36080';
  for (const k of ['ADMIN_PASS', 'CLIENT_ID', 'CLIENT_SECRET']) {
    if (!cred[k]) throw new Error(`${kitState}/credentials.env has no ${k}`);
  }
  return {
    url: `http://${bind}:${port}`,
    adminUser: process.env.ADMIN_USER ?? 'admin',
    adminPassword: cred.ADMIN_PASS,
    clientId: cred.CLIENT_ID,
    clientSecret: cred.CLIENT_SECRET,
    docroot: process.env.DOCROOT ?? join(kitState, 'www/suitecrm'),
    source: 'kit',
  };
}

// ---- local access: PHP as the web user, SQL with the site's own database credentials --------------------------

function needDocroot(crm: SuiteCrm, what: string): string {
  if (!crm.docroot) {
    throw new Error(`${what} needs the SuiteCRM docroot on this machine (SUITECRM_DOCROOT); ask its administrator to do it`);
  }
  return crm.docroot;
}

/** The owner of the docroot (www-data on Debian): PHP that writes SuiteCRM's files must run as that user. */
function webUser(docroot: string): string {
  return execFileSync('stat', ['-c', '%U', docroot], { encoding: 'utf8' }).trim();
}

/** Runs `php args…` as the web user (via su when we are root). */
export function phpAsWebUser(crm: SuiteCrm, args: string[]): string {
  const docroot = needDocroot(crm, 'Running PHP');
  const user = webUser(docroot);
  const asRoot = process.getuid?.() === 0 && user !== 'root';
  const quoted = ['php', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return asRoot
    ? execFileSync('su', ['-s', '/bin/sh', user, '-c', quoted], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    : execFileSync('php', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface DbConfig {
  host: string;
  port: string;
  user: string;
  password: string;
  name: string;
}

const dbConfigs = new Map<string, DbConfig>();
function dbConfig(crm: SuiteCrm): DbConfig {
  const docroot = needDocroot(crm, 'SQL');
  let c = dbConfigs.get(docroot);
  if (!c) {
    const json = execFileSync(
      'php',
      [
        '-r',
        'define("sugarEntry",1); include $argv[1]; $d=$sugar_config["dbconfig"]; echo json_encode(["host"=>$d["db_host_name"],"port"=>(string)($d["db_port"]??""),"user"=>$d["db_user_name"],"password"=>$d["db_password"],"name"=>$d["db_name"]]);',
        join(docroot, 'config.php'),
      ],
      { encoding: 'utf8' },
    );
    c = JSON.parse(json) as DbConfig;
    dbConfigs.set(docroot, c);
  }
  return c;
}

/** A private option file, so the password is never on a command line. */
function withDefaults<T>(crm: SuiteCrm, fn: (defaultsFile: string, db: DbConfig) => T): T {
  const db = dbConfig(crm);
  const dir = mkdtempSync(join(tmpdir(), 'crmx-db-'));
  const file = join(dir, 'my.cnf');
  const host = db.host.includes(':') ? db.host.split(':')[0] : db.host;
  const port = db.port || (db.host.includes(':') ? db.host.split(':')[1] : '');
  writeFileSync(file, `[client]\nuser=${db.user}\npassword="${db.password}"\nhost=${host}\n${port ? `port=${port}\n` : ''}`, {
    mode: 0o600,
  });
  try {
    return fn(file, db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs SQL on SuiteCRM's database; answers the rows as tab-separated lines (no header). */
export function sql(crm: SuiteCrm, query: string): string[][] {
  return withDefaults(crm, (defaults, db) => {
    const out = execFileSync('mariadb', [`--defaults-extra-file=${defaults}`, '-N', '-B', db.name], {
      input: query,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t'));
  });
}

// ---- the package -------------------------------------------------------------------------------------------

/** md5 of the zip of the installed crm_overlay package, or null. */
export function installedPackageMd5(crm: SuiteCrm): string | null {
  const rows = sql(crm, "SELECT md5sum FROM upgrade_history WHERE id_name = 'crm_overlay' AND status = 'installed'");
  return rows[0]?.[0] ?? null;
}

/**
 * Installs (or upgrades) the package the way the Module Loader does, with scripts/suitecrm/install-package.php
 * run as the web user. Also removes the research prototype (crm_overlay_connector), which used the same routes file.
 */
export function installPackage(crm: SuiteCrm, zip: string): string {
  return withInstaller(crm, zip, (script, zipCopy, docroot) => {
    let out = '';
    if (sql(crm, "SELECT id FROM upgrade_history WHERE id_name = 'crm_overlay_connector' AND status = 'installed'").length) {
      out += phpAsWebUser(crm, [script, docroot, '-', 'uninstall', 'crm_overlay_connector']);
    }
    return out + phpAsWebUser(crm, [script, docroot, zipCopy!]);
  });
}

/** Uninstalls the installed crm_overlay package, as Admin → Module Loader → Uninstall does. */
export function uninstallPackage(crm: SuiteCrm): string {
  return withInstaller(crm, null, (script, _zip, docroot) => phpAsWebUser(crm, [script, docroot, '-', 'uninstall', 'crm_overlay']));
}

/** Runs fn with install-package.php (and the zip) copied where the web user can read them; answers its last line. */
function withInstaller(crm: SuiteCrm, zip: string | null, fn: (script: string, zipCopy: string | null, docroot: string) => string): string {
  const docroot = needDocroot(crm, 'Installing the package');
  const dir = mkdtempSync(join(tmpdir(), 'crmx-pkg-'));
  chmodSync(dir, 0o755);
  try {
    const script = join(dir, 'install-package.php');
    copyFileSync(resolve(import.meta.dirname, 'install-package.php'), script);
    chmodSync(script, 0o644);
    let zipCopy: string | null = null;
    if (zip) {
      zipCopy = join(dir, basename(zip));
      copyFileSync(zip, zipCopy);
      chmodSync(zipCopy, 0o644);
    }
    return fn(script, zipCopy, docroot).trim().split('\n').pop() ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- snapshot / restore ------------------------------------------------------------------------------------

/** The folders a package install or a test changes besides the database. */
const FILES = ['custom', 'upload/upgrades'];

/** Dumps the database and tars custom/ and upload/upgrades into dir (~0.3 s on the kit's data). */
export function snapshot(crm: SuiteCrm, dir: string): void {
  const docroot = needDocroot(crm, 'A snapshot');
  mkdirSync(dir, { recursive: true });
  withDefaults(crm, (defaults, db) => {
    execFileSync('sh', ['-c', `mysqldump --defaults-extra-file="$1" --single-transaction --quick "$2" > "$3"`, 'sh', defaults, db.name, join(dir, 'db.sql')]);
  });
  execFileSync('tar', ['-C', docroot, '-czf', join(dir, 'files.tgz'), ...FILES.filter((f) => existsSync(join(docroot, f)))]);
}

export function hasSnapshot(dir: string): boolean {
  return existsSync(join(dir, 'db.sql')) && existsSync(join(dir, 'files.tgz'));
}

/**
 * Puts the database and files back as they were at snapshot() (~2 s). The database is dropped and re-created:
 * a plain import would keep tables and columns made after the snapshot. Tokens issued since are gone: log in again.
 */
export function restore(crm: SuiteCrm, dir: string): void {
  const docroot = needDocroot(crm, 'A restore');
  if (!hasSnapshot(dir)) throw new Error(`no snapshot in ${dir}`);
  withDefaults(crm, (defaults, db) => {
    const name = db.name.replace(/`/g, '');
    execFileSync('mariadb', [`--defaults-extra-file=${defaults}`, '-e', `DROP DATABASE \`${name}\`; CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`]);
    execFileSync('sh', ['-c', `mariadb --defaults-extra-file="$1" "$2" < "$3"`, 'sh', defaults, db.name, join(dir, 'db.sql')]);
  });
  for (const f of FILES) rmSync(join(docroot, f), { recursive: true, force: true });
  execFileSync('tar', ['-C', docroot, '-xzf', join(dir, 'files.tgz')]);
  // Vardef and language caches are rebuilt on demand from custom/.
  for (const c of ['cache/modules', 'cache/themes', 'cache/jsLanguage']) rmSync(join(docroot, c), { recursive: true, force: true });
}
