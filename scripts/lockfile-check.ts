// Checks on package.json and package-lock.json that keep the runtime honest: the Node versions the project
// declares (`engines.node`) are ones every locked package accepts, and the lockfile is complete, so that
// `npm install` on a clean clone has nothing to add to it.
import semver from 'semver';

export interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
export interface Lockfile {
  packages: Record<string, LockedPackage>;
}

/** Locked packages whose `engines.node` does not accept every Node version that `ours` allows. */
export function engineMismatches(ours: string, lock: Lockfile): { path: string; wants: string }[] {
  const out: { path: string; wants: string }[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (path === '' || !pkg.engines || Array.isArray(pkg.engines)) continue;
    const wants = pkg.engines.node;
    if (!wants) continue;
    const range = semver.validRange(wants);
    if (range === null || !semver.subset(ours, range)) out.push({ path, wants });
  }
  return out;
}

/** Where Node resolves `name` from the package at `from` (a lockfile key), walking up node_modules folders. */
function resolveIn(lock: Lockfile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (dir === '') return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up === -1 ? '' : dir.slice(0, up);
  }
}

/** Dependencies (optional ones of every platform too) that some locked package names but the lockfile lacks. */
export function missingEntries(lock: Lockfile): string[] {
  const out: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    // A link's target is its own entry; the root's devDependencies are installed, other packages' are not.
    const names = {
      ...pkg.dependencies,
      ...pkg.optionalDependencies,
      ...(path === '' ? pkg.devDependencies : {}),
    };
    for (const name of Object.keys(names)) {
      if (!resolveIn(lock, path, name)) out.push(`${path || '(root)'} → ${name}`);
    }
  }
  return out;
}
