import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildDialogsAgainstSharedModules } from './build/lazy-dialogs';
import { OPEN_PANEL_COMMAND, SUGGESTED_KEYS } from './lib/protocol/commands';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      buildDialogsAgainstSharedModules(entrypoints, config);
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'CRM Overlay',
    description: 'Row menus, follow stars, details, batch actions and an offline log over your CRM customer page.',
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The reference CRM runs on loopback; any other CRM origin is asked for when it is connected.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The toolbar button opens the side panel (Chrome) or the sidebar (Firefox).
    action: { default_title: 'CRM Overlay' },
    // Keyboard shortcuts (lib/protocol/commands.ts), rebindable in the browser; the options page lists them.
    commands: {
      [browser === 'firefox' ? OPEN_PANEL_COMMAND.firefox : OPEN_PANEL_COMMAND.chrome]: {
        suggested_key: { default: SUGGESTED_KEYS.openPanel },
        description: 'Open the CRM Overlay panel',
      },
      'focus-search': { suggested_key: { default: SUGGESTED_KEYS['focus-search'] }, description: 'Go to the CRM page\'s search field' },
      'select-row': { suggested_key: { default: SUGGESTED_KEYS['select-row'] }, description: 'Select or unselect the customer row you are on' },
      'open-row-menu': { suggested_key: { default: SUGGESTED_KEYS['open-row-menu'] }, description: 'Open the actions menu of the customer row you are on' },
    },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'crm-overlay@example.org' } } : undefined,
  }),
});
