import { describe, expect, it } from 'vitest';
import { planChromium, type Probe } from './chromium-path';

const probe = (over: Partial<Probe> & { files?: string[] }): Probe => ({
  env: {},
  exists: (p) => (over.files ?? []).includes(p),
  isRoot: false,
  hasAptGet: false,
  ...over,
});

describe('planChromium', () => {
  it.each([
    ['CHROME_PATH wins when it exists', probe({ env: { CHROME_PATH: '/opt/c' }, files: ['/opt/c', '/usr/bin/chromium'] }), { kind: 'found', path: '/opt/c' }],
    ['a known install path is found', probe({ files: ['/usr/bin/chromium'] }), { kind: 'found', path: '/usr/bin/chromium' }],
    ['root with apt-get installs the Debian package', probe({ isRoot: true, hasAptGet: true }), { kind: 'install-debian', path: '/usr/bin/chromium' }],
  ])('%s', (_name, p, expected) => {
    expect(planChromium(p)).toEqual(expected);
  });

  it('a missing browser without root tells the user to set CHROME_PATH', () => {
    const plan = planChromium(probe({ hasAptGet: true }));
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.message).toMatch(/CHROME_PATH/);
  });

  it('a CHROME_PATH pointing at nothing is an error naming the path, not a fallback', () => {
    const plan = planChromium(probe({ env: { CHROME_PATH: '/nope' }, files: ['/usr/bin/chromium'] }));
    expect(plan).toMatchObject({ kind: 'missing' });
    expect(plan.kind === 'missing' && plan.message).toContain('/nope');
  });
});
