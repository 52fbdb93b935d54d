// The options page's side of the generic adapter (never loaded by the content script): the preview of what
// a configuration finds on a CRM tab, the configurations shipped for known CRMs, and the file a configuration
// is shared as.
import { DEFAULT_GENERIC_SELECTORS, upgradeGenericSelectors, type GenericSelectors } from '../../settings-schema';
import { checkGenericConfig, createGenericAdapter, GenericConfigError } from './generic';

/** What the CRM tab shows, taken by snapshotPage in the tab. */
export interface PageSnapshot {
  url: string;
  html: string;
}

/**
 * Runs in the CRM tab (through chrome.scripting, so it is serialised and uses nothing outside itself): the
 * page's URL and document, with the inputs' current values written into the copy (an id read from an
 * input's value reads what the page holds now).
 */
export function snapshotPage(): PageSnapshot {
  const copy = document.documentElement.cloneNode(true) as Element;
  const live = document.querySelectorAll('input');
  const copies = copy.querySelectorAll('input');
  live.forEach((input, i) => copies[i]?.setAttribute('value', input.value));
  return { url: location.href, html: copy.outerHTML };
}

export interface GenericPreview {
  /** The page test the content script runs (the URL pattern on path, query and hash). */
  pageMatches: boolean;
  rows: number;
  withId: number;
  withMenuCell: number;
  /** The first rows, in page order: their id (null where none was read) and name. */
  first: Array<{ id: string | null; name: string }>;
}

/**
 * What `config` finds in the snapshot, through the adapter the content script builds from it: the same page
 * test and the same id reading. Throws a GenericConfigError naming a field that cannot work.
 */
export function previewGeneric(config: GenericSelectors, snapshot: PageSnapshot, sample = 5): GenericPreview {
  const adapter = createGenericAdapter(checkGenericConfig(config));
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  const rows = [...doc.querySelectorAll(adapter.selectors.row)];
  const preview: GenericPreview = { pageMatches: adapter.matchesPage(new URL(snapshot.url), doc), rows: rows.length, withId: 0, withMenuCell: 0, first: [] };
  for (const row of rows) {
    const id = adapter.rowId(row);
    if (id) preview.withId++;
    // Our own column is added to every row on the page (the snapshot has none yet).
    if (adapter.ownColumn || adapter.menuCell(row)) preview.withMenuCell++;
    if (preview.first.length < sample) preview.first.push({ id, name: adapter.rowName(row) });
  }
  return preview;
}

export interface GenericPreset {
  id: string;
  /** The CRM and the list, as its users name them (not translated). */
  label: string;
  config: GenericSelectors;
}

const ESPO_LIST = '#main .list-container .list > table.table';
const SUITE_LIST = 'form#MassUpdate table.list.view';

/** Configurations for CRMs whose list views we rebuilt (lib/host/fixtures/) and test against. */
export const GENERIC_PRESETS: readonly GenericPreset[] = [
  {
    id: 'espocrm-accounts',
    label: 'EspoCRM — Accounts',
    config: {
      // #Account, #Account/list, #Account/list/primaryFilter=…: not an account's own page (#Account/view/…).
      urlPattern: '#Account(?:/list(?:/.*)?)?$',
      pageHas: '',
      container: `${ESPO_LIST} > tbody`,
      row: 'tr.list-row[data-id]',
      idFrom: 'attribute',
      idElement: '',
      idAttribute: 'data-id',
      idPattern: '',
      name: ':scope > td[data-name="name"] a',
      placement: 'cell',
      // The name cell: EspoCRM's own checkbox and its 25 px dropdown cell are too narrow for our controls.
      menuCell: ':scope > td[data-name="name"]',
      headerCell: `${ESPO_LIST} > thead > tr > th[data-name="name"]`,
    },
  },
  {
    id: 'suitecrm7-accounts',
    label: 'SuiteCRM 7 — Accounts',
    config: {
      // SuiteCRM's pages are all index.php (plain, AjaxUI's #ajaxUILoc=…, or the bare index.php its pager's
      // form POST answers): the Accounts list is the page holding the list's mass-update form for Accounts.
      urlPattern: '^[^?#]*/(?:index\\.php)?(?:[?#]|$)',
      pageHas: 'form#MassUpdate:has(> input[name="module"][value="Accounts"]) table.list.view',
      container: `${SUITE_LIST} > tbody`,
      row: 'tr:is(.oddListRowS1, .evenListRowS1)',
      // The checkbox SuiteCRM's own mass actions read; a link in the row may be the assigned user's.
      idFrom: 'value',
      idElement: ':scope > td > input[name="mass[]"]',
      idAttribute: '',
      idPattern: '',
      name: ':scope > td[field="name"] a',
      placement: 'cell',
      menuCell: ':scope > td:first-child',
      headerCell: `${SUITE_LIST} > thead > tr:first-child > th:first-child`,
    },
  },
];

/** What a configuration file says it is. */
const FORMAT = 'crm-overlay-generic-adapter';
const FORMAT_VERSION = 2;

/** The JSON a configuration is shared as. */
export function exportGenericConfig(config: GenericSelectors): string {
  return `${JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, adapter: upgradeGenericSelectors(config) }, null, 2)}\n`;
}

export type ImportProblem = 'json' | 'format' | 'version' | 'unknown' | 'missing' | 'type' | 'idFrom';

/** Why a file is not a configuration, naming what is wrong in it (`detail`: the field, the parser's message). */
export class GenericImportError extends Error {
  constructor(readonly problem: ImportProblem, readonly detail = '') {
    super(`Configuration file: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

const REQUIRED: Array<keyof GenericSelectors> = ['urlPattern', 'row', 'idFrom', 'name', 'menuCell', 'headerCell'];

/**
 * A configuration from a file written by exportGenericConfig (or the version 1 settings' JSON). Throws a
 * GenericImportError for a file that is not one, a GenericConfigError for a field that cannot work.
 */
export function importGenericConfig(text: string): GenericSelectors {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GenericImportError('json', (error as Error).message);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new GenericImportError('format');
  const file = parsed as Record<string, unknown>;
  let body: Record<string, unknown>;
  if ('format' in file || 'adapter' in file) {
    if (file.format !== FORMAT || !file.adapter || typeof file.adapter !== 'object') throw new GenericImportError('format');
    if (typeof file.version !== 'number' || file.version > FORMAT_VERSION) throw new GenericImportError('version', String(file.version));
    body = file.adapter as Record<string, unknown>;
  } else {
    body = file;
  }
  if ('pathPattern' in body && !('urlPattern' in body)) {
    // Version 1's settings, as they were stored.
    for (const field of ['pathPattern', 'row', 'link', 'idPattern', 'menuCell', 'headerCell']) {
      if (typeof body[field] !== 'string') throw new GenericImportError(field in body ? 'type' : 'missing', field);
    }
  } else {
    const known = new Set<string>(Object.keys(DEFAULT_GENERIC_SELECTORS));
    const unknown = Object.keys(body).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new GenericImportError('unknown', unknown.join(', '));
    for (const field of REQUIRED) if (!(field in body)) throw new GenericImportError('missing', field);
    for (const [field, value] of Object.entries(body)) if (typeof value !== 'string') throw new GenericImportError('type', field);
    if (!['href', 'value', 'attribute'].includes(body.idFrom as string)) throw new GenericImportError('idFrom', String(body.idFrom));
  }
  return checkGenericConfig(body);
}

export { GenericConfigError };
