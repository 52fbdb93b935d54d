// The extension's manifest, per browser and build: what wxt.config.ts hands to WXT (which adds the entrypoints,
// the icons it finds in public/icon/ and the version from package.json).
import { OPEN_PANEL_COMMAND, SUGGESTED_KEYS } from '../lib/protocol/commands';

/** The reference CRM's loopback origins: granted at install only in development and test builds. */
export const LOOPBACK_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

/** The add-on's id on addons.mozilla.org; it never changes once published (AMO keys updates and data on it). */
export const GECKO_ID = '{f95a68c6-09c0-4c11-8643-26dbe9e67083}';

export interface ManifestEnv {
  browser: string;
  manifestVersion: 2 | 3;
  /** WXT's mode: `development` for `wxt` (the dev server), `production` for `wxt build` and `wxt zip`. */
  mode: string;
  command: 'build' | 'serve';
}

/**
 * Whether the build may reach loopback without asking: the dev server and development builds, and the test and
 * demo builds (production code, `CRMX_LOOPBACK=1`) that run against the reference CRM on 127.0.0.1. The builds
 * users install (`npm run build`, `npm run zip`) ask for the one CRM origin the user connects, like any other.
 */
export function wantsLoopback(env: ManifestEnv, vars: Record<string, string | undefined>): boolean {
  return env.command === 'serve' || env.mode === 'development' || vars.CRMX_LOOPBACK === '1';
}

/** The keys this project sets (WXT's own manifest type lacks some newer ones, e.g. data_collection_permissions). */
export interface ProjectManifest {
  name: string;
  description: string;
  default_locale: string;
  permissions: string[];
  host_permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  action: { default_title: string; default_icon: Record<number, string> };
  commands: Record<string, { suggested_key: { default: string }; description: string }>;
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: string[]; optional?: string[] } };
    gecko_android: { strict_min_version: string };
  };
}

export function extensionManifest(env: ManifestEnv, loopback: boolean): ProjectManifest {
  const firefox = env.browser === 'firefox';
  const icon = { 16: 'icon/16.png', 32: 'icon/32.png' };
  return {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting', ...(firefox ? [] : ['sidePanel'])],
    // Any CRM origin is asked for when it is connected; loopback only in the builds wantsLoopback names.
    host_permissions: loopback ? LOOPBACK_HOSTS : [],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(env.manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The toolbar button opens the side panel (Chrome) or the sidebar (Firefox).
    action: { default_title: '__MSG_extName__', default_icon: icon },
    // Keyboard shortcuts (lib/protocol/commands.ts), rebindable in the browser; the options page lists them.
    commands: {
      [firefox ? OPEN_PANEL_COMMAND.firefox : OPEN_PANEL_COMMAND.chrome]: {
        suggested_key: { default: SUGGESTED_KEYS.openPanel }, description: '__MSG_commandOpenPanel__',
      },
      'focus-search': { suggested_key: { default: SUGGESTED_KEYS['focus-search'] }, description: '__MSG_commandFocusSearch__' },
      'select-row': { suggested_key: { default: SUGGESTED_KEYS['select-row'] }, description: '__MSG_commandSelectRow__' },
      'open-row-menu': { suggested_key: { default: SUGGESTED_KEYS['open-row-menu'] }, description: '__MSG_commandOpenRowMenu__' },
    },
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions is read from Firefox 140 on.
              strict_min_version: '140.0',
              // What the extension handles and sends on (only to the user's own CRM; PRIVACY.md): customers'
              // names, phone numbers and e-mail addresses, and the user's CRM sign-in.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // The side panel API needs Chrome 114.
        { minimum_chrome_version: '114' }),
  };
}
