// Every setting of the extension, as typed WXT storage items, in one place.
//
// These live in `storage.local`, which content scripts can read. That is fine for everything here, and
// it is exactly why the API TOKEN IS NOT A SETTING: the token is kept in the extension's own IndexedDB
// (lib/background/store/db.ts, table `meta`, key 'token'), which only the background opens and writes
// (lib/background/store/session.ts). Content scripts never see it; the options page hands it to the background
// with the `connect` message and never reads it back.
import { storage } from 'wxt/utils/storage';
import { SETTINGS, upgradeGenericSelectors, type GenericSelectors, type SettingDef } from './settings-schema';

export {
  DEFAULT_GENERIC_SELECTORS, SETTINGS, upgradeGenericSelectors, type GenericIdFrom, type GenericSelectors, type HostAdapterName, type LanguageSetting, type SettingSource,
} from './settings-schema';

/** A typed WXT storage item in `storage.local` for a setting of the table. */
const item = <T>(setting: SettingDef<T>) => storage.defineItem<T>(`local:${setting.key}`, { fallback: setting.fallback });

export const crmBaseUrl = item(SETTINGS.crmBaseUrl);
export const hostAdapter = item(SETTINGS.hostAdapter);
/**
 * Version 2 matches the whole URL and reads the id from an href, an input's value or an attribute; a stored
 * version 1 is converted when the background (or the options page) first loads this module. Until then the
 * content script converts what it reads the same way (lib/host/adapters/generic.ts).
 */
export const genericSelectors = storage.defineItem<GenericSelectors>(`local:${SETTINGS.genericSelectors.key}`, {
  fallback: SETTINGS.genericSelectors.fallback,
  version: 2,
  migrations: { 2: upgradeGenericSelectors },
});
export const language = item(SETTINGS.language);
export const defaultPhoneCountry = item(SETTINGS.defaultPhoneCountry);
export const batchChunkSize = item(SETTINGS.batchChunkSize);
export const featureSwitches = item(SETTINGS.featureSwitches);

/**
 * The CRM origin from what a user typed: http(s) only, path, query and hash dropped.
 * Throws an Error naming the problem on anything else.
 */
export function normalizeCrmUrl(input: string): string {
  const text = input.trim();
  if (text === '') throw new Error('CRM address is empty');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new Error(`CRM address "${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CRM address must start with https:// or http:// (got ${url.protocol})`);
  }
  return url.origin;
}

/**
 * The match pattern (content script, host permission) for a CRM origin. Firefox match patterns cannot
 * carry a port, so there it covers every port of the host; the content script and the background's
 * sender check still require the exact origin.
 */
export function crmMatchPattern(origin: string, browserName: string = import.meta.env.BROWSER): string {
  const url = new URL(origin);
  return browserName === 'firefox' ? `${url.protocol}//${url.hostname}/*` : `${url.origin}/*`;
}
