// `npm run crm`: the reference CRM on the command line. See USAGE in ./config.ts and README.md.
import { ConfigError, parseConfig, USAGE } from './config';
import { startCrm } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const crm = await startCrm(config);
  const seedIgnored = config.seed && crm.seededFrom === 'existing';
  console.log(`Database ${crm.database} (${crm.seededFrom === 'existing' ? 'existing data' : `seeded from ${crm.seededFrom}`})`);
  if (seedIgnored) console.log('The database was not empty, so --seed was not loaded (add --reset to replace the data).');
  console.log('Users (name, role, API token):');
  const roles = new Map((await crm.repo.org()).roles.map((r) => [r.id, r.name]));
  for (const { user, token } of crm.users) {
    console.log(`  ${user.name} (${roles.get(user.roleId) ?? user.roleId}): ${token}`);
  }
  const { errorRate, latencyMs, dropRate, rateLimit } = crm.settings;
  if (errorRate || latencyMs || dropRate) console.log(`Faults: error rate ${errorRate}, latency ${latencyMs} ms, drop rate ${dropRate}`);
  console.log(`Rate limit: ${rateLimit ? `${rateLimit} requests/s per token` : 'off'}${config.testAdmin ? '; test admin at /__admin/faults' : ''}`);
  if (config.demoSignIn) console.log('Demo sign-in is on: anyone reaching /login may sign in as any user without a credential.');
  console.log(`CRM listening on ${crm.url}`);

  const stop = () => {
    crm.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
