// What every setting is: its storage key, its type and its value when unset. Pure data, so the content
// script can read the settings (lib/settings-reader.ts) without WXT's storage module; lib/settings.ts
// makes the typed WXT storage items from the same table.
import { ALL_ON, type FeatureSwitches } from './feature-switches';

export type HostAdapterName = 'reference' | 'generic' | 'suitecrm';
export type LanguageSetting = 'auto' | 'en' | 'vi';

/** Where a row's customer id is written (lib/host/adapter.ts's IdSource, as stored text). */
export type GenericIdFrom = 'href' | 'value' | 'attribute';

/**
 * Where our row controls go: into a chosen cell of each row (`menuCell`), or into a column of our own added
 * at the start of the header row and of every row (a narrow cell of a fixed-layout table clips what it holds).
 */
export type GenericPlacement = 'cell' | 'column';
export const GENERIC_PLACEMENTS: readonly GenericPlacement[] = ['cell', 'column'];

/**
 * A CRM whose page we have no dedicated adapter for (lib/host/adapters/generic.ts): CSS selectors, the
 * page's URL pattern and where the id is. Stored as text; lib/host/adapters/generic.ts checks it.
 */
export interface GenericSelectors {
  /** Regular expression tested against the page's URL without its origin: path, query and hash. */
  urlPattern: string;
  /** Optional: a selector the page must hold too (a page whose URL does not say what it shows: a form POST's result). */
  pageHas: string;
  /** Optional: the element the rows are in; rows elsewhere are not customers', and the Followed tab takes its table's place. */
  container: string;
  /** One customer row. */
  row: string;
  idFrom: GenericIdFrom;
  /** Inside a row: the element holding the id (a link, an input); empty for an attribute of the row itself. */
  idElement: string;
  /** With `idFrom: 'attribute'`: the attribute's name (`data-id`). */
  idAttribute: string;
  /** Regular expression whose first group is the id in the href (required) or attribute (optional). */
  idPattern: string;
  /** Inside a row: the element whose text is the customer's name. */
  name: string;
  placement: GenericPlacement;
  /** Inside a row: the cell that receives the [···] menu button (placement 'cell'). */
  menuCell: string;
  /** The header cell above the menu cells; with our own column, a cell of the header row it starts. */
  headerCell: string;
}

export const DEFAULT_GENERIC_SELECTORS: GenericSelectors = {
  urlPattern: '^/customers/?(?:[?#]|$)',
  pageHas: '',
  container: '',
  row: 'table tbody tr',
  idFrom: 'href',
  idElement: 'a[href]',
  idAttribute: '',
  idPattern: '/customers/([^/?#]+)',
  name: 'a[href]',
  // A configuration stored before placements existed reads this default (upgradeGenericSelectors): the cell, as then.
  placement: 'cell',
  menuCell: 'td:first-child',
  headerCell: 'table thead th:first-child',
};

/** What version 1 stored (a path pattern and an href's id only). */
interface GenericSelectorsV1 {
  pathPattern: string;
  container?: string;
  row: string;
  link: string;
  idPattern: string;
  menuCell: string;
  headerCell: string;
}

/**
 * A path pattern (tested against the path alone) as a pattern of the whole URL: the path is the URL's
 * start, up to its query or hash, so `$` becomes "the path ends here" and an unanchored pattern may start
 * anywhere in the path. (A pattern that would consume a `?` or `#` could now match inside the query; a
 * path never holds one, so no stored pattern relied on that.)
 */
export function pathPatternAsUrlPattern(pathPattern: string): string {
  // `$` outside an escape and a character class.
  return `^[^?#]*?(?:${pathPattern.replace(/\\.|\[(?:\\.|[^\]\\])*\]|\$/g, (part) => (part === '$' ? '(?=[?#]|$)' : part))})`;
}

/**
 * The stored generic configuration in today's shape: version 1's (path pattern, link and href pattern) is
 * converted, missing fields take their defaults. Also the storage migration (lib/settings.ts).
 */
export function upgradeGenericSelectors(stored: unknown): GenericSelectors {
  const v1 = stored as GenericSelectorsV1 | null;
  if (typeof v1?.pathPattern !== 'string' || 'urlPattern' in v1) return { ...DEFAULT_GENERIC_SELECTORS, ...(stored as object) };
  return {
    ...DEFAULT_GENERIC_SELECTORS,
    urlPattern: pathPatternAsUrlPattern(v1.pathPattern),
    // Version 1 stored `container` unused (rows were found in the whole page, as they are when it is empty).
    row: v1.row,
    idElement: v1.link,
    idPattern: v1.idPattern,
    name: v1.link,
    menuCell: v1.menuCell,
    headerCell: v1.headerCell,
  };
}

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
  /** Which parts of the overlay are on (lib/feature-switches.ts; read it through effectiveSwitches). */
  featureSwitches: def<FeatureSwitches>('featureSwitches', ALL_ON),
};

/** What reading a setting needs: a WXT storage item is one, and so is lib/settings-reader.ts's. */
export interface SettingSource<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}
