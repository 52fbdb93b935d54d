// The CRM page's script (entrypoints/crm-page/) gets the browser's own extension API instead of webextension-polyfill
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

/** The script we put into the CRM page (an unlisted script, registered by the background). */
export const PAGE_SCRIPT = 'crm-page';

/** For WXT's `vite:build:extendConfig` hook: adds the plugin to the CRM page script's build. */
export function useNativeBrowserInContentScripts(entrypoints: readonly Entrypoint[], config: { plugins?: unknown[] }): void {
  if (entrypoints.length === 1 && entrypoints[0].type === 'unlisted-script' && entrypoints[0].name === PAGE_SCRIPT) {
    config.plugins = [...(config.plugins ?? []), nativeBrowserPlugin()];
  }
}
