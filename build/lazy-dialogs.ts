// Builds the dialogs' script (entrypoints/crm-dialogs.ts) against the content script's modules: an import
// of a module listed in components/kit/shared-modules.ts becomes `globalThis.__crmxShared.<name>`;
// anything else is bundled, except a module that must be one copy in the tab (ONE_COPY), which fails the
// build until it is shared.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { Entrypoint } from 'wxt';
import { SHARED_GLOBAL } from '../components/kit/dialogs-script';

const ROOT = resolve(import.meta.dirname, '..');
export const SHARED_LIST = resolve(ROOT, 'components/kit/shared-modules.ts');
const EXTERNAL = 'crmx-shared:';
const EMPTY = '\0crmx-empty';

/**
 * Modules with state of their own, which the dialogs must use the content script's copy of:
 * - Preact keeps the component being rendered and the hooks' and signals' plumbing on its `options`, and
 *   @preact/signals keeps the effect being run: a second copy's components and signals would not see the
 *   content script's (a dialog drawn inside the overlay's tree would lose its hooks);
 * - lib/i18n: the current language (a signal) and the dictionaries loaded into it;
 * - lib/ui/state: the toasts' id counter (two copies would hand out the same ids);
 * - lib/ui/trusted-events: the form the user is submitting (a second copy would not know of it);
 * - lib/ui/selection-store: each list's selection, by owner (a second copy would start empty).
 */
const ONE_COPY: readonly (RegExp | string)[] = [
  /^node_modules\/(preact|@preact)\//,
  'lib/i18n/index.ts',
  'lib/ui/state.ts',
  'lib/ui/trusted-events.ts',
  'lib/ui/selection-store.ts',
];

/** The list in components/kit/shared-modules.ts: `export * as name from 'specifier';` lines, nothing else. */
export function readSharedList(source: string): { name: string; specifier: string }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return code.split(';').map((s) => s.trim()).filter(Boolean).map((statement) => {
    const match = /^export \* as (\w+) from '([^']+)'$/.exec(statement);
    if (!match) throw new Error(`components/kit/shared-modules.ts may only hold \`export * as name from '…';\` lines, not: ${statement}`);
    return { name: match[1], specifier: match[2] };
  });
}

const projectPath = (id: string) => relative(ROOT, id).split(sep).join('/');

/** What an import of the dialogs' script resolved to: shared (by name), bundled, refused, or a stand-in. */
export function classify(
  resolvedId: string, shared: ReadonlyMap<string, string>,
): { shared: string } | 'bundle' | 'refuse' | 'empty' {
  const id = resolvedId.split('?')[0];
  const name = shared.get(id);
  if (name) return { shared: name };
  const path = projectPath(id);
  // Development builds add Preact's devtools to every entry (and name hooks with addHookName): the content
  // script's devtools already hook the one Preact, so here they are a stand-in that does nothing.
  if (/^node_modules\/preact\/(devtools|debug)\//.test(path)) return 'empty';
  if (id.includes('\0') || path.startsWith('..')) return 'bundle';
  return ONE_COPY.some((rule) => (typeof rule === 'string' ? rule === path : rule.test(path))) ? 'refuse' : 'bundle';
}

export function sharedModulesPlugin(): Plugin {
  const shared = new Map<string, string>();
  return {
    name: 'crmx:shared-modules',
    enforce: 'pre',
    async buildStart() {
      shared.clear();
      this.addWatchFile(SHARED_LIST);
      for (const { name, specifier } of readSharedList(readFileSync(SHARED_LIST, 'utf8'))) {
        // Resolved as the content script resolves them (its build's mode and conditions pick a package's file).
        const resolved = await this.resolve(specifier, SHARED_LIST, { skipSelf: true });
        if (!resolved) this.error(`cannot resolve the shared module ${specifier} (components/kit/shared-modules.ts)`);
        shared.set(resolved.id.split('?')[0], name);
      }
    },
    load: (id) => (id === EMPTY ? 'export const addHookName = (value) => value;' : null),
    async resolveId(source, importer, options) {
      if (source.startsWith(EXTERNAL)) return { id: source, external: true };
      if (source === EMPTY) return EMPTY;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const verdict = classify(resolved.id, shared);
      if (verdict === 'bundle') return resolved;
      if (verdict === 'empty') return EMPTY;
      if (verdict === 'refuse') {
        this.error(`the dialogs' script would bundle a second copy of ${projectPath(resolved.id)}, which must be one copy in the tab: share it in components/kit/shared-modules.ts`);
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
