import { describe, expect, it } from 'vitest';
import type { Entrypoint } from 'wxt';
import { nativeBrowserPlugin, useNativeBrowserInContentScripts } from './native-browser';

const entry = (type: Entrypoint['type'], name: string = type) => ({ type, name }) as Entrypoint;

describe('useNativeBrowserInContentScripts', () => {
  it.each([
    [[entry('unlisted-script', 'crm-page')], true],
    [[entry('unlisted-script', 'crm-dialogs')], false],
    [[entry('background')], false],
    [[entry('options'), entry('sidepanel')], false],
    [[entry('unlisted-script', 'crm-page'), entry('background')], false],
    [[], false],
  ])('%j → native browser: %s', (group, native) => {
    const config: { plugins?: unknown[] } = { plugins: ['preact'] };
    useNativeBrowserInContentScripts(group, config);
    expect(config.plugins!.some((p) => (p as { name?: string }).name === 'crmx:native-browser')).toBe(native);
    expect(config.plugins![0]).toBe('preact');
  });
});

describe('nativeBrowserPlugin', () => {
  const resolveId = nativeBrowserPlugin().resolveId as (id: string) => string | null;
  it.each([
    ['webextension-polyfill', /lib\/native-browser\.ts$/],
    ['wxt/browser', null],
    ['preact', null],
  ] as const)('%s → %s', (id, expected) => {
    const resolved = resolveId(id);
    if (expected === null) expect(resolved).toBeNull();
    else expect(resolved).toMatch(expected);
  });
});
