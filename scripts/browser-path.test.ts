import { describe, expect, it } from 'vitest';
import { planBrowser, type Probe } from './browser-path';

const probe = (over: Partial<Probe> & { files?: string[] }): Probe => ({
  env: {},
  exists: (p) => (over.files ?? []).includes(p),
  isRoot: false,
  hasAptGet: false,
  ...over,
});

describe('planBrowser', () => {
  it.each([
    ['CHROME_PATH wins when it exists', 'chromium', probe({ env: { CHROME_PATH: '/opt/c' }, files: ['/opt/c', '/usr/bin/chromium'] }), { kind: 'found', path: '/opt/c' }],
    ['a known Chromium install path is found', 'chromium', probe({ files: ['/usr/bin/chromium'] }), { kind: 'found', path: '/usr/bin/chromium' }],
    ['root with apt-get installs the chromium package', 'chromium', probe({ isRoot: true, hasAptGet: true }), { kind: 'install-debian', path: '/usr/bin/chromium', debianPackage: 'chromium' }],
    ['FIREFOX_PATH wins when it exists', 'firefox', probe({ env: { FIREFOX_PATH: '/opt/ff' }, files: ['/opt/ff', '/usr/bin/firefox-esr'] }), { kind: 'found', path: '/opt/ff' }],
    ['Debian\'s firefox-esr is found', 'firefox', probe({ files: ['/usr/bin/firefox-esr'] }), { kind: 'found', path: '/usr/bin/firefox-esr' }],
    ['a plain firefox is found', 'firefox', probe({ files: ['/usr/bin/firefox'] }), { kind: 'found', path: '/usr/bin/firefox' }],
    ['root with apt-get installs the firefox-esr package', 'firefox', probe({ isRoot: true, hasAptGet: true }), { kind: 'install-debian', path: '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' }],
    ['CHROME_PATH says nothing about Firefox', 'firefox', probe({ env: { CHROME_PATH: '/opt/c' }, files: ['/opt/c', '/usr/bin/firefox-esr'] }), { kind: 'found', path: '/usr/bin/firefox-esr' }],
  ] as const)('%s', (_name, browser, p, expected) => {
    expect(planBrowser(browser, p)).toEqual(expected);
  });

  it.each([['chromium', 'CHROME_PATH'], ['firefox', 'FIREFOX_PATH']] as const)('a missing %s without root tells the user to set %s', (browser, variable) => {
    const plan = planBrowser(browser, probe({ hasAptGet: true }));
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.message).toMatch(variable);
  });

  it('a path variable pointing at nothing is an error naming the path, not a fallback', () => {
    const plan = planBrowser('firefox', probe({ env: { FIREFOX_PATH: '/nope' }, files: ['/usr/bin/firefox-esr'] }));
    expect(plan).toMatchObject({ kind: 'missing' });
    expect(plan.kind === 'missing' && plan.message).toContain('/nope');
  });
});
