// Run before the tests: finds Chromium and Firefox, or installs Debian's packages when we are root on Debian.
import { execFileSync } from 'node:child_process';
import { BROWSERS, localProbe, planBrowser, type BrowserName } from './browser-path';

const plans = (['chromium', 'firefox'] as BrowserName[]).map((name) => ({ name, plan: planBrowser(name, localProbe()) }));
const missing = plans.filter(({ plan }) => plan.kind === 'missing');
if (missing.length > 0) {
  for (const { plan } of missing) if (plan.kind === 'missing') console.error(plan.message);
  process.exit(1);
}
const toInstall = plans.flatMap(({ plan }) => (plan.kind === 'install-debian' ? [plan.debianPackage] : []));
if (toInstall.length > 0) {
  console.log(`Not found: installing Debian's ${toInstall.join(' and ')} (apt-get install -y ${toInstall.join(' ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...toInstall], { stdio: 'inherit', env });
}
for (const { name, plan } of plans) {
  if (plan.kind !== 'missing') console.log(`${BROWSERS[name].label} for the end-to-end tests: ${plan.path}`);
}
