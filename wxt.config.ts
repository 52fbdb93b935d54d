import { defineConfig, type UserManifest } from 'wxt';
import preact from '@preact/preset-vite';
import { buildDialogsAgainstSharedModules } from './build/lazy-dialogs';
import { extensionManifest, wantsLoopback } from './build/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      buildDialogsAgainstSharedModules(entrypoints, config);
    },
  },
  manifest: (env) => extensionManifest(env, wantsLoopback(env, process.env)) as UserManifest,
  zip: {
    // The sources AMO reviewers build from (`npm run zip` makes them beside the Firefox zip): hidden files are
    // left out unless named here, and the project's Node version and npm settings are part of the build.
    includeSources: ['.nvmrc', '.npmrc'],
    excludeSources: ['docs/**', 'bench/**', 'tests/**', 'reference-crm/**', 'scripts/suitecrm/screenshots/**', '**/*.test.ts', '**/*.test.tsx'],
  },
});
