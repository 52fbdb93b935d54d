import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { engineMismatches, missingEntries, type Lockfile } from './lockfile-check';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const lock: Lockfile = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'));
const ours: string = pkg.engines.node;

describe('engineMismatches', () => {
  const lockOf = (engines: LockEngines) => ({ packages: { '': {}, 'node_modules/a': { engines } } });
  type LockEngines = { node?: string } | string[];
  it.each([
    ['a package that wants more than we allow', '^24.11.0', { node: '>=25' }, ['>=25']],
    ['a package that wants Node 22.13 when we allow 20', '>=20', { node: '>=22.13.0' }, ['>=22.13.0']],
    ['a package that accepts all we allow', '^24.11.0', { node: '^20.19.0 || >=22.12.0' }, []],
    ['a list of majors that has ours', '^24.11.0', { node: '20.x || 22.x || 23.x || 24.x || 25.x' }, []],
    ['a wildcard', '^24.11.0', { node: '*' }, []],
    ['no node engine', '^24.11.0', {}, []],
    ['an unreadable range is a mismatch', '^24.11.0', { node: 'latest please' }, ['latest please']],
  ] as const)('%s', (_name, range, engines, expected) => {
    expect(engineMismatches(range, lockOf(engines)).map((m) => m.wants)).toEqual(expected);
  });
});

describe('missingEntries', () => {
  it.each([
    ['an optional dependency of another platform left out', { '': { dependencies: { r: '1' } }, 'node_modules/r': { optionalDependencies: { 'r-win32': '1' } } }, ['node_modules/r → r-win32']],
    ['a root devDependency left out', { '': { devDependencies: { f: '1' } } }, ['(root) → f']],
    ['a nested copy resolves first, a hoisted one after', { '': { dependencies: { a: '1' } }, 'node_modules/a': { dependencies: { b: '1', c: '1' } }, 'node_modules/a/node_modules/b': {}, 'node_modules/c': {} }, []],
    ['a dependency\'s devDependencies are not installed', { '': {}, 'node_modules/a': { devDependencies: { x: '1' } } }, []],
  ] as const)('%s', (_name, packages, expected) => {
    expect(missingEntries({ packages } as Lockfile)).toEqual(expected);
  });
});

describe('the project runtime', () => {
  it('.nvmrc names one Node version that package.json engines allows', () => {
    const nvmrc = readFileSync(resolve(ROOT, '.nvmrc'), 'utf8').trim();
    expect(semver.valid(nvmrc)).toBe(nvmrc);
    expect(semver.satisfies(nvmrc, ours)).toBe(true);
  });

  it('the tests run on a Node that package.json engines allows', () => {
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  it('every locked package accepts every Node that package.json engines allows', () => {
    expect(engineMismatches(ours, lock)).toEqual([]);
  });
});

describe('the lockfile', () => {
  it('records package.json dependencies and engines exactly', () => {
    const root = lock.packages[''];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    expect(root.engines).toEqual(pkg.engines);
  });

  it('holds every package that npm install could add, other platforms\' optional ones too', () => {
    expect(missingEntries(lock)).toEqual([]);
  });
});
