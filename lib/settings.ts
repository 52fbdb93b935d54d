// Every setting of the extension, as typed WXT storage items, in one place.
//
// These live in `storage.local`, which content scripts can read. That is fine for everything here, and
// it is exactly why the API TOKEN IS NOT A SETTING: the token is kept in the extension's own IndexedDB
// (lib/store/db.ts, table `meta`, key 'token'), which only the background opens and writes
// (lib/store/session.ts). Content scripts never see it; the options page hands it to the background
// with the `connect` message and never reads it back.
import { storage } from 'wxt/utils/storage';

export type HostAdapterName = 'reference' | 'generic';
export type LanguageSetting = 'auto' | 'en' | 'vi';

/** Selectors for a CRM whose page we have no dedicated adapter for (lib/host/adapters/generic.ts). */
export interface GenericSelectors {
  /** Regular expression the page's pathname must match for the overlay to start. */
  pathPattern: string;
  /** The element whose subtree holds the rows; its mutations mark a page change. */
  container: string;
  /** One customer row. */
  row: string;
  /** Inside a row: the link whose href carries the customer id. */
  link: string;
  /** Regular expression with one capture group, applied to the link's href, giving the customer id. */
  idPattern: string;
  /** Inside a row: the cell that receives the [···] menu button. */
  menuCell: string;
  /** The header cell above the menu cells. */
  headerCell: string;
}

export const DEFAULT_GENERIC_SELECTORS: GenericSelectors = {
  pathPattern: '^/customers/?$',
  container: 'table tbody',
  row: 'table tbody tr',
  link: 'a[href]',
  idPattern: '/customers/([^/?#]+)',
  menuCell: 'td:first-child',
  headerCell: 'table thead th:first-child',
};

/** The CRM's origin (e.g. `https://crm.example.com`), or null before the first connect. */
export const crmBaseUrl = storage.defineItem<string | null>('local:crmBaseUrl', { fallback: null });

export const hostAdapter = storage.defineItem<HostAdapterName>('local:hostAdapter', { fallback: 'reference' });

export const genericSelectors = storage.defineItem<GenericSelectors>('local:genericSelectors', {
  fallback: DEFAULT_GENERIC_SELECTORS,
});

export const language = storage.defineItem<LanguageSetting>('local:language', { fallback: 'auto' });

/** ISO 3166 country used to read phone numbers written without a country code. */
export const defaultPhoneCountry = storage.defineItem<string>('local:defaultPhoneCountry', { fallback: 'VN' });

/** How many customers one batch request to the CRM carries. */
export const batchChunkSize = storage.defineItem<number>('local:batchChunkSize', { fallback: 1000 });

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
