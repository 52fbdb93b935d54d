// Command-line flags and environment variables of `npm run crm`; flags win over the environment.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPostgresUrl } from './db/open';
import { DEFAULT_DB_PATH, DEFAULT_RATE_LIMIT, DEFAULT_SIGN_IN_FAILURES, type CrmOptions } from './server';

export const USAGE = `Usage: npm run crm -- [options]
  --port <n>                 port (default 8787; 0 = a free port)            env CRM_PORT
  --host <name>              interface (default 127.0.0.1)                    env CRM_HOST
  --db <file|url>            SQLite file (default reference-crm/data/crm.db)  env CRM_DB
                             or a PostgreSQL URL postgres://user@host/db     env CRM_DATABASE_URL
  --seed <file.json>         load this seed when the database is empty       env CRM_SEED
  --reset                    empty the database first                         env CRM_RESET=1
  --rate-limit <n>           requests/second per token (default 50; 0 = off)  env CRM_RATE_LIMIT
  --fault-error-rate <0..1>  share of API requests answered 503               env CRM_FAULT_ERROR_RATE
  --fault-latency-ms <n>     delay before each API request                    env CRM_FAULT_LATENCY_MS
  --fault-drop-rate <0..1>   share of API connections dropped unanswered      env CRM_FAULT_DROP_RATE
  --test-admin               enable POST /__admin/faults                      env CRM_TEST_ADMIN=1
  --demo-sign-in             sign-in page also signs in as any demo user,     env CRM_DEMO_SIGN_IN=1
                             without a credential (demo orgs only)
  --sign-in-failures <n>     failed sign-ins/wrong tokens per address and     env CRM_SIGN_IN_FAILURES
                             minute (default 10; 0 = no limit)
  --help`;

export class ConfigError extends Error {}

function number(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name}: must be a number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

const flag = (raw: string | undefined) => raw === '1' || raw === 'true' || raw === 'yes';

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): (CrmOptions & { help: boolean }) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string' },
        reset: { type: 'boolean' }, 'rate-limit': { type: 'string' }, 'fault-error-rate': { type: 'string' },
        'fault-latency-ms': { type: 'string' }, 'fault-drop-rate': { type: 'string' }, 'test-admin': { type: 'boolean' },
        'demo-sign-in': { type: 'boolean' }, 'sign-in-failures': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const port = number('--port', values.port ?? env.CRM_PORT, 0, 65535, 8787);
  if (!Number.isInteger(port)) throw new ConfigError(`--port: must be a whole number (got "${values.port ?? env.CRM_PORT}")`);
  const seed = values.seed ?? env.CRM_SEED;
  const db = values.db ?? env.CRM_DATABASE_URL ?? env.CRM_DB;
  return {
    help: !!values.help,
    port,
    host: values.host ?? env.CRM_HOST ?? '127.0.0.1',
    dbPath: db ? (db === ':memory:' || isPostgresUrl(db) ? db : resolve(db)) : DEFAULT_DB_PATH,
    seed: seed ? resolve(seed) : undefined,
    reset: !!values.reset || flag(env.CRM_RESET),
    rateLimit: number('--rate-limit', values['rate-limit'] ?? env.CRM_RATE_LIMIT, 0, 1_000_000, DEFAULT_RATE_LIMIT),
    faults: {
      errorRate: number('--fault-error-rate', values['fault-error-rate'] ?? env.CRM_FAULT_ERROR_RATE, 0, 1, 0),
      latencyMs: number('--fault-latency-ms', values['fault-latency-ms'] ?? env.CRM_FAULT_LATENCY_MS, 0, 600_000, 0),
      dropRate: number('--fault-drop-rate', values['fault-drop-rate'] ?? env.CRM_FAULT_DROP_RATE, 0, 1, 0),
    },
    testAdmin: !!values['test-admin'] || flag(env.CRM_TEST_ADMIN),
    demoSignIn: !!values['demo-sign-in'] || flag(env.CRM_DEMO_SIGN_IN),
    signInFailures: number('--sign-in-failures', values['sign-in-failures'] ?? env.CRM_SIGN_IN_FAILURES, 0, 1_000_000, DEFAULT_SIGN_IN_FAILURES),
  };
}
