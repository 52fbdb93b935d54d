import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDialogsAgainstSharedModules, classify } from './lazy-dialogs';

const ROOT = resolve(import.meta.dirname, '..');
const at = (path: string) => resolve(ROOT, path);

const packages = new Map([
  [at('node_modules/preact/dist/preact.mjs'), 'preact'],
  [at('node_modules/preact/hooks/dist/hooks.mjs'), 'preactHooks'],
] as const);

describe('classify (what the dialogs\' script bundles)', () => {
  it.each([
    ['preact', at('node_modules/preact/dist/preact.mjs'), { shared: 'preact' }],
    ['preact/hooks', at('node_modules/preact/hooks/dist/hooks.mjs?v=1'), { shared: 'preactHooks' }],
    ['../lib/i18n', at('lib/i18n/index.ts'), { shared: 'i18n' }],
    ['../../lib/ui/state', at('lib/ui/state.ts'), { shared: 'state' }],
    ['./EditDialog', at('components/EditDialog.tsx'), 'bundle'],
    ['papaparse', at('node_modules/papaparse/papaparse.js'), 'bundle'],
    ['\0virtual', '\0virtual:wxt', 'bundle'],
    ['@preact/signals', at('node_modules/@preact/signals/dist/signals.module.js'), 'refuse'],
    ['preact/compat', at('node_modules/preact/compat/dist/compat.module.js'), 'refuse'],
    ['preact/devtools (development builds)', at('node_modules/preact/devtools/dist/devtools.mjs'), 'empty'],
    ['preact/debug (development builds)', at('node_modules/preact/debug/dist/debug.mjs'), 'empty'],
    ['preact (another build of it)', at('node_modules/preact/dist/preact.module.js'), 'refuse'],
    ['../lib/ui/api', at('lib/ui/api.ts'), 'refuse'],
  ] as const)('%s → %j', (_, path, expected) => {
    expect(classify(path, packages)).toEqual(expected);
  });
});

describe('buildDialogsAgainstSharedModules', () => {
  const entry = (type: string, name: string) => ({ type, name }) as never;
  it.each([
    [[entry('unlisted-script', 'crm-dialogs')], true],
    [[entry('unlisted-script', 'crm-page')], false],
    [[entry('unlisted-script', 'other')], false],
  ])('%j → built against the shared modules: %s', (group, applies) => {
    const config = { plugins: [] as unknown[], build: { rollupOptions: { output: {} as Record<string, unknown> } } };
    buildDialogsAgainstSharedModules(group, config);
    expect(config.plugins.length === 1).toBe(applies);
    const globals = config.build.rollupOptions.output.globals as ((id: string) => string) | undefined;
    if (applies) expect(globals!('crmx-shared:i18n')).toBe('__crmxShared.i18n');
    else expect(globals).toBeUndefined();
  });
});
