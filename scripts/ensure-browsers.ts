// Run before the tests: finds Chromium, or installs Debian's package when we are root on Debian.
import { execFileSync } from 'node:child_process';
import { localProbe, planChromium } from './chromium-path';

const plan = planChromium(localProbe());
if (plan.kind === 'found') {
  console.log(`Chromium for the end-to-end tests: ${plan.path}`);
} else if (plan.kind === 'install-debian') {
  console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  console.log(`Chromium installed at ${plan.path}`);
} else {
  console.error(plan.message);
  process.exit(1);
}
