// Where is a Chromium to run the end-to-end tests in, and what to do when there is none.
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export type ChromiumPlan =
  | { kind: 'found'; path: string }
  | { kind: 'install-debian'; path: string }
  | { kind: 'missing'; message: string };

export interface Probe {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export function planChromium(probe: Probe): ChromiumPlan {
  const fromEnv = probe.env.CHROME_PATH;
  if (fromEnv) {
    if (probe.exists(fromEnv)) return { kind: 'found', path: fromEnv };
    return { kind: 'missing', message: `CHROME_PATH is set to ${fromEnv}, but there is no file there. Point CHROME_PATH at a Chromium or Chrome binary.` };
  }
  const found = CANDIDATES.find((p) => probe.exists(p));
  if (found) return { kind: 'found', path: found };
  if (probe.isRoot && probe.hasAptGet) return { kind: 'install-debian', path: '/usr/bin/chromium' };
  return {
    kind: 'missing',
    message: 'No Chromium found for the end-to-end tests. Install Chromium or Chrome and set CHROME_PATH to its binary (for example CHROME_PATH=/usr/bin/chromium npm test).',
  };
}

export function localProbe(): Probe {
  return {
    env: process.env,
    exists: existsSync,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
  };
}

/** The path of a usable Chromium; throws the plan's message when there is none. */
export function chromiumPath(): string {
  const plan = planChromium(localProbe());
  if (plan.kind === 'found') return plan.path;
  if (plan.kind === 'missing') throw new Error(plan.message);
  throw new Error('Chromium is not installed yet: run `npm test` (it installs Debian\'s chromium package) or set CHROME_PATH.');
}
