// Builds the dialogs' script (entrypoints/crm-dialogs.ts) against the content script's modules: every
// import listed in SHARED_MODULES becomes `globalThis.__crmxShared.<key>`, and any other project file
// not listed as dialog-only fails the build, so no stateful module is ever bundled twice.
import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Entrypoint } from 'wxt';
import {
  DIALOG_ONLY_FILES, SHARED_GLOBAL, SHARED_MODULES, type SharedKey,
} from '../components/kit/shared-modules';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = 'crmx-shared:';
const EMPTY = '\0crmx-empty';
const entries = Object.entries(SHARED_MODULES) as [SharedKey, string][];

/**
 * What an import resolved to: shared (by key), bundled, or refused (not shared, not dialog-only).
 * `packages` maps the resolved files of the shared packages to their keys (how they resolve depends on the
 * build's mode and conditions, so the build resolves them itself).
 */
export function classify(
  resolvedPath: string, packages: ReadonlyMap<string, SharedKey>,
): { shared: SharedKey } | 'bundle' | 'refuse' | 'empty' {
  const id = resolvedPath.split('?')[0];
  const byPackage = packages.get(id);
  if (byPackage) return { shared: byPackage };
  const path = relative(ROOT, id).split(sep).join('/');
  // Development builds add Preact's devtools to every entry (and name hooks with addHookName): the content
  // script's devtools already hook the one Preact, so here they are a stand-in that does nothing.
  if (/^node_modules\/preact\/(devtools|debug)\//.test(path)) return 'empty';
  // A second Preact or signals would not see the content script's hooks and effects.
  if (/^node_modules\/(preact|@preact)\//.test(path)) return 'refuse';
  if (path.startsWith('..') || path.startsWith('node_modules/') || path.includes('\0')) return 'bundle';
  const byPath = entries.find(([, module]) => module === path);
  if (byPath) return { shared: byPath[0] };
  return DIALOG_ONLY_FILES.includes(path) ? 'bundle' : 'refuse';
}

export function sharedModulesPlugin(): Plugin {
  const packages = new Map<string, SharedKey>();
  return {
    name: 'crmx:shared-modules',
    enforce: 'pre',
    async buildStart() {
      for (const [key, module] of entries) {
        if (module.includes('.')) continue;
        const resolved = await this.resolve(module, resolve(ROOT, 'package.json'), { skipSelf: true });
        if (!resolved) this.error(`cannot resolve the shared package ${module}`);
        packages.set(resolved.id.split('?')[0], key);
      }
    },
    load: (id) => (id === EMPTY ? 'export const addHookName = (value) => value;' : null),
    async resolveId(source, importer, options) {
      if (source.startsWith(EXTERNAL)) return { id: source, external: true };
      if (source === EMPTY) return EMPTY;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const verdict = classify(resolved.id, packages);
      if (verdict === 'bundle') return resolved;
      if (verdict === 'empty') return EMPTY;
      if (verdict === 'refuse') {
        this.error(`${relative(ROOT, resolved.id)} is imported by the dialogs' script but is neither in SHARED_MODULES nor in DIALOG_ONLY_FILES (components/kit/shared-modules.ts)`);
      }
      return { id: `${EXTERNAL}${verdict.shared}`, external: true };
    },
  };
}

/** For WXT's `vite:build:extendConfig` hook. */
export function buildDialogsAgainstSharedModules(
  entrypoints: readonly Entrypoint[],
  config: { plugins?: unknown[]; build?: { rollupOptions?: { output?: unknown } } },
): void {
  if (entrypoints.length !== 1 || entrypoints[0].type !== 'unlisted-script' || entrypoints[0].name !== 'crm-dialogs') return;
  config.plugins = [...(config.plugins ?? []), sharedModulesPlugin()];
  const output = (config.build?.rollupOptions?.output ?? {}) as Record<string, unknown>;
  output.globals = (id: string) => (id.startsWith(EXTERNAL) ? `${SHARED_GLOBAL}.${id.slice(EXTERNAL.length)}` : id);
}
