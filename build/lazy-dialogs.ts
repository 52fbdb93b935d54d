// Builds the dialogs' script (entrypoints/crm-dialogs.ts) against the content script's modules: every
// import listed in SHARED_MODULES becomes `globalThis.__crmxShared.<key>`, and any other project file
// not listed as dialog-only fails the build, so no stateful module is ever bundled twice.
import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Entrypoint } from 'wxt';
import {
  DIALOG_ONLY_FILES, SHARED_GLOBAL, SHARED_MODULES, type SharedKey,
} from '../lib/features/shared-modules';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = 'crmx-shared:';
const entries = Object.entries(SHARED_MODULES) as [SharedKey, string][];

/** What an import resolved to: shared (by key), bundled, or refused (not shared, not dialog-only). */
export function classify(resolvedPath: string, source: string): { shared: SharedKey } | 'bundle' | 'refuse' {
  const byName = entries.find(([, module]) => module === source);
  if (byName) return { shared: byName[0] };
  const path = relative(ROOT, resolvedPath.split('?')[0]).split(sep).join('/');
  // A second Preact or signals would not see the content script's hooks and effects.
  if (/^node_modules\/(preact|@preact)\//.test(path)) return 'refuse';
  if (path.startsWith('..') || path.startsWith('node_modules/') || path.includes('\0')) return 'bundle';
  const byPath = entries.find(([, module]) => module === path);
  if (byPath) return { shared: byPath[0] };
  return DIALOG_ONLY_FILES.includes(path) ? 'bundle' : 'refuse';
}

export function sharedModulesPlugin(): Plugin {
  return {
    name: 'crmx:shared-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(EXTERNAL)) return { id: source, external: true };
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const verdict = classify(resolved.id, source);
      if (verdict === 'bundle') return resolved;
      if (verdict === 'refuse') {
        this.error(`${relative(ROOT, resolved.id)} is imported by the dialogs' script but is neither in SHARED_MODULES nor in DIALOG_ONLY_FILES (lib/features/shared-modules.ts)`);
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
