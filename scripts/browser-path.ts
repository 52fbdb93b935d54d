// Where are the browsers to run the end-to-end tests in (Chromium, and Firefox ESR for the Firefox build),
// and what to do when one is missing.
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserSpec {
  /** The environment variable that points at a binary of this browser. */
  env: string;
  candidates: string[];
  /** The Debian package that provides it, installed at candidates[0]. */
  debianPackage: string;
  label: string;
}

export const BROWSERS: Record<BrowserName, BrowserSpec> = {
  chromium: {
    env: 'CHROME_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    debianPackage: 'chromium',
    label: 'Chromium or Chrome',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    debianPackage: 'firefox-esr',
    label: 'Firefox (ESR 128 or later)',
  },
};

export type BrowserPlan =
  | { kind: 'found'; path: string }
  | { kind: 'install-debian'; path: string; debianPackage: string }
  | { kind: 'missing'; message: string };

export interface Probe {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export function planBrowser(name: BrowserName, probe: Probe): BrowserPlan {
  const spec = BROWSERS[name];
  const fromEnv = probe.env[spec.env];
  if (fromEnv) {
    if (probe.exists(fromEnv)) return { kind: 'found', path: fromEnv };
    return { kind: 'missing', message: `${spec.env} is set to ${fromEnv}, but there is no file there. Point ${spec.env} at a ${spec.label} binary.` };
  }
  const found = spec.candidates.find((p) => probe.exists(p));
  if (found) return { kind: 'found', path: found };
  if (probe.isRoot && probe.hasAptGet) return { kind: 'install-debian', path: spec.candidates[0], debianPackage: spec.debianPackage };
  return {
    kind: 'missing',
    message: `No ${spec.label} found for the end-to-end tests. Install it and set ${spec.env} to its binary (for example ${spec.env}=${spec.candidates[0]} npm test).`,
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

/** The path of a usable browser; throws the plan's message when there is none. */
export function browserPath(name: BrowserName): string {
  const plan = planBrowser(name, localProbe());
  if (plan.kind === 'found') return plan.path;
  if (plan.kind === 'missing') throw new Error(plan.message);
  throw new Error(`${BROWSERS[name].label} is not installed yet: run \`npm test\` (it installs Debian's ${plan.debianPackage} package) or set ${BROWSERS[name].env}.`);
}

export const chromiumPath = (): string => browserPath('chromium');
export const firefoxPath = (): string => browserPath('firefox');
