// Content-script bundles get the browser's own extension API instead of webextension-polyfill
// (lib/native-browser.ts says why that is enough). The background and the extension pages keep the polyfill.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Entrypoint } from 'wxt';

const NATIVE_BROWSER = resolve(import.meta.dirname, '../lib/native-browser.ts');

export function nativeBrowserPlugin(): Plugin {
  return {
    name: 'crmx:native-browser',
    enforce: 'pre',
    resolveId: (id) => (id === 'webextension-polyfill' ? NATIVE_BROWSER : null),
  };
}

/** For WXT's `vite:build:extendConfig` hook: adds the plugin when the group is content scripts only. */
export function useNativeBrowserInContentScripts(entrypoints: readonly Entrypoint[], config: { plugins?: unknown[] }): void {
  if (entrypoints.length > 0 && entrypoints.every((e) => e.type === 'content-script')) {
    config.plugins = [...(config.plugins ?? []), nativeBrowserPlugin()];
  }
}
