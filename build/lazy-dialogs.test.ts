import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDialogsAgainstSharedModules, classify, readSharedList, SHARED_LIST } from './lazy-dialogs';

const ROOT = resolve(import.meta.dirname, '..');
const at = (path: string) => resolve(ROOT, path);

const shared = new Map([
  [at('node_modules/preact/dist/preact.mjs'), 'preact'],
  [at('node_modules/preact/hooks/dist/hooks.mjs'), 'preactHooks'],
  [at('lib/i18n/index.ts'), 'i18n'],
  [at('lib/ui/state.ts'), 'state'],
]);

describe('classify (what the dialogs\' script bundles)', () => {
  it.each([
    ['preact', at('node_modules/preact/dist/preact.mjs'), { shared: 'preact' }],
    ['preact/hooks', at('node_modules/preact/hooks/dist/hooks.mjs?v=1'), { shared: 'preactHooks' }],
    ['../lib/i18n', at('lib/i18n/index.ts'), { shared: 'i18n' }],
    ['../../lib/ui/state', at('lib/ui/state.ts'), { shared: 'state' }],
    ['./EditDialog (not shared: bundled)', at('components/EditDialog.tsx'), 'bundle'],
    ['../lib/ui/api (not shared: bundled)', at('lib/ui/api.ts'), 'bundle'],
    ['papaparse', at('node_modules/papaparse/papaparse.js'), 'bundle'],
    ['\0virtual', '\0virtual:wxt', 'bundle'],
    ['@preact/signals', at('node_modules/@preact/signals/dist/signals.module.js'), 'refuse'],
    ['preact/compat', at('node_modules/preact/compat/dist/compat.module.js'), 'refuse'],
    ['preact (another build of it)', at('node_modules/preact/dist/preact.module.js'), 'refuse'],
    ['../lib/ui/trusted-events (stateful, not shared here)', at('lib/ui/trusted-events.ts'), 'refuse'],
    ['../lib/ui/selection-store (stateful)', at('lib/ui/selection-store.ts'), 'refuse'],
    ['preact/devtools (development builds)', at('node_modules/preact/devtools/dist/devtools.mjs'), 'empty'],
    ['preact/debug (development builds)', at('node_modules/preact/debug/dist/debug.mjs'), 'empty'],
  ] as const)('%s → %j', (_, path, expected) => {
    expect(classify(path, shared)).toEqual(expected);
  });
});

describe('readSharedList', () => {
  it('reads the names and modules of components/kit/shared-modules.ts', () => {
    const list = readSharedList(readFileSync(SHARED_LIST, 'utf8'));
    expect(list).toContainEqual({ name: 'preact', specifier: 'preact' });
    expect(list).toContainEqual({ name: 'i18n', specifier: '../../lib/i18n/index' });
    expect(new Set(list.map((m) => m.name)).size).toBe(list.length);
  });

  it('skips comments and refuses anything but namespace re-exports', () => {
    expect(readSharedList(`// one\nexport * as a from 'a'; /* two; */\nexport * as b from '../b';\n`))
      .toEqual([{ name: 'a', specifier: 'a' }, { name: 'b', specifier: '../b' }]);
    expect(() => readSharedList(`export { c } from 'c';`)).toThrow('may only hold');
    expect(() => readSharedList(`import * as d from 'd';`)).toThrow('may only hold');
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
