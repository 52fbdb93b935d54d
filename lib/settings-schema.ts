// What every setting is: its storage key, its type and its value when unset. Pure data, so the content
// script can read the settings (lib/settings-reader.ts) without WXT's storage module; lib/settings.ts
// makes the typed WXT storage items from the same table.

export type HostAdapterName = 'reference' | 'generic' | 'suitecrm';
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

export interface SettingDef<T> {
  /** The key in `storage.local`. */
  key: string;
  /** The value read while the key is unset. */
  fallback: T;
}

const def = <T>(key: string, fallback: T): SettingDef<T> => ({ key, fallback });

export const SETTINGS = {
  /** The CRM's origin (e.g. `https://crm.example.com`), or null before the first connect. */
  crmBaseUrl: def<string | null>('crmBaseUrl', null),
  hostAdapter: def<HostAdapterName>('hostAdapter', 'reference'),
  genericSelectors: def<GenericSelectors>('genericSelectors', DEFAULT_GENERIC_SELECTORS),
  language: def<LanguageSetting>('language', 'auto'),
  /** ISO 3166 country used to read phone numbers written without a country code. */
  defaultPhoneCountry: def<string>('defaultPhoneCountry', 'VN'),
  /** How many customers one batch request to the CRM carries. */
  batchChunkSize: def<number>('batchChunkSize', 1000),
};

/** What reading a setting needs: a WXT storage item is one, and so is lib/settings-reader.ts's. */
export interface SettingSource<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}
