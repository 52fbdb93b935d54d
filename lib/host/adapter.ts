// A host adapter knows one CRM's customer page: which URLs, where the rows are, how to read a row's
// customer id, where our controls go. Every host selector of an adapter lives in its `selectors`.
import type { Id } from '../domain/types';
import type { RowValues } from '../protocol/messages';
import { scopedQuery } from './scoped-query';
import { rowRelativeInDocument } from './selector-tail';

export interface AdapterSelectors {
  /** The element whose subtree holds the rows; its mutations mark a page change. */
  container: string;
  /** One customer row (queried from the document). */
  row: string;
  /** Inside a row: the element whose text is the customer's name. */
  name: string;
  /** Inside a row: the cell that receives the [···] button. */
  menuCell: string;
  /** The header cell above the menu cells. */
  headerCell: string;
  /** The list with its own pager and counts, which our Followed tab takes the place of (default: the rows' table). */
  list?: string;
  /** The host's own page header (its account menu, sign out), which our details panel starts below (default: a top-level header or the banner). */
  header?: string;
  /** The page's own search field, which a keyboard shortcut goes to (none: the shortcut says there is none). */
  search?: string;
  /** The page's own control that shows its search field when the page keeps it hidden (SuiteCRM's Filter dialog). */
  searchOpener?: string;
}

/**
 * Where a row's customer id is written. Real list views carry it in a link's href, in the row's
 * checkbox value (`mass[]`), or in an attribute (`data-id`) of the row or of an element in it.
 */
export type IdSource =
  /** A link's href; `pattern`'s group 1 is the (URL-encoded) id. */
  | { from: 'href'; selector: string; pattern: RegExp }
  /** An input's value (what the host's own form would submit for the row). */
  | { from: 'value'; selector: string }
  /** An attribute of the row (no selector) or of an element in it; `pattern`'s group 1 when given. */
  | { from: 'attribute'; attribute: string; selector?: string; pattern?: RegExp };

/**
 * A page the overlay decorates. The URL is tested whole (path, query and hash), since CRMs route by
 * query string (`index.php?module=Accounts&action=index`) or by hash as often as by path.
 */
export interface PageRule {
  /** Tested against the URL without its origin (see pageAddress). */
  url?: RegExp;
  /** Tested against the path alone (the generic adapter's setting until it matches whole URLs). */
  path?: RegExp;
  /** A selector the document must match too: a page whose URL does not say what it shows (a form POST's result). */
  has?: string;
}

export interface HostAdapter {
  readonly name: string;
  readonly selectors: AdapterSelectors;
  /**
   * The page's URL says its list's filter (`?q=`, `?tag=`): "select all matching" is offered only then. A
   * CRM whose search lives in its own form would have it select every customer instead of the filtered ones.
   */
  readonly filterInUrl?: boolean;
  /**
   * True on the customer list page(s) the overlay decorates. `doc` is read only for a page rule that
   * needs it (none given: such a rule fails).
   */
  matchesPage(url: URL, doc?: Document): boolean;
  rowId(row: Element): Id | null;
  /** The customer's name as the row shows it (for labels). */
  rowName(row: Element): string;
  menuCell(row: Element): Element | null;
  /** Every row's menu cell as one selector over the document, where the selectors allow it. */
  readonly menuCellInDocument: string | null;
  headerCell(root: ParentNode): Element | null;
  container(root: ParentNode): Element | null;
  /** One customer's own page (a CRM's detail view), where the adapter knows it. */
  readonly record?: RecordPage;
  /**
   * Writes a customer's new values into its row's cells the way the host draws them, where the adapter knows
   * them (the host cannot be asked to redraw one row). Absent: the page can only say that rows changed.
   * False when the row already shows a later version, which is left as it is.
   */
  showValues?(row: Element, values: RowValues): boolean;
  /**
   * Loads the host's list again at the page it shows, where reloading the document would not (a list paged
   * by posting a form: the browser would ask to send the form again). Absent: the document is reloaded.
   */
  reloadList?(doc: Document): void;
  /**
   * Our controls go into a column of our own (OWN_CELL) that the row slot feature adds at the start of the
   * header row and of every row; menuCell and headerCell then answer that cell once it is there.
   */
  readonly ownColumn?: boolean;
}

/** The attribute marking the cells of our own column (a `td`/`th`, so the host's table lays it out as one). */
export const OWN_CELL = 'data-crmx-cell';

/** The cell of our own column at the start of `row` (a header row's is a `th`), added when missing. */
export function ensureOwnCell(row: Element): Element {
  const known = ownCellOf(row);
  if (known) return known;
  const tag = row.localName !== 'tr' ? 'div' : row.parentElement?.localName === 'thead' || (row.querySelector(':scope > th') && !row.querySelector(':scope > td')) ? 'th' : 'td';
  const cell = row.ownerDocument.createElement(tag);
  cell.setAttribute(OWN_CELL, '');
  row.prepend(cell);
  return cell;
}

/** The row's cell of our own column, if it has one. */
export function ownCellOf(row: Element | null | undefined): Element | null {
  const first = row?.firstElementChild;
  return first?.hasAttribute(OWN_CELL) ? first : null;
}

/**
 * What a page is to the overlay: the customer list, or one customer's own page, named by the element our
 * controls follow there (the page showing a new one, a record put in by XHR, is a new page).
 */
export type PageKind = 'list' | Element;

/**
 * One customer's own page (a detail view): which URLs, where its id is, and where our controls go. The
 * page's parts are read from the document each time (a CRM may put the record in by XHR after the URL says so).
 */
export interface RecordPage {
  /** `doc` is read only for a page rule that needs it (none given: such a rule fails). */
  matchesPage(url: URL, doc?: Document): boolean;
  /** The customer's id as the page writes it, or null while the page holds none. */
  id(doc: Document): Id | null;
  /** The customer's name as the page's title shows it. */
  name(doc: Document): string;
  /** Our controls go right after this element (the title, or what the CRM put beside it), null while absent. */
  anchor(doc: Document): Element | null;
}

/**
 * Our holder beside a record page's title (put there by the record page feature, with the customer's id):
 * the one "row" of a record page, so that the row controls ([···], star) and their states
 * work there as on the list.
 */
export const RECORD_HOLDER = 'span[data-crmx-record]';

/**
 * The adapter the features of a record page see (`adapter` has one): its one row is our holder, which is
 * also its menu cell; the name is the page's title.
 */
export function recordPageAdapter(adapter: HostAdapter): HostAdapter {
  return {
    ...adapter,
    selectors: { ...adapter.selectors, row: RECORD_HOLDER },
    rowId: (row) => row.getAttribute('data-crmx-record'),
    rowName: (row) => adapter.record!.name(row.ownerDocument),
    menuCell: (row) => row,
    menuCellInDocument: RECORD_HOLDER,
  };
}

export interface RecordPageConfig {
  /** The page matches when any rule does. */
  pages: PageRule[];
  /** Where the page writes the customer's id; selectors are queried from the document. */
  id: IdSource;
  /** The element whose text is the customer's name. */
  name: string;
  /**
   * Our controls go after the last element this matches, in document order (e.g. `h2.title, h2.title +
   * .star`: after the CRM's own star beside the title, else after the title).
   */
  after: string;
}

export interface SelectorAdapterConfig {
  name: string;
  /** The page matches when any rule does. */
  pages: PageRule[];
  id: IdSource;
  selectors: AdapterSelectors;
  /** The customer's own page, if the CRM has one the overlay decorates. */
  record?: RecordPageConfig;
  filterInUrl?: boolean;
  reloadList?: HostAdapter['reloadList'];
}

/** The part of a URL a page rule sees: path, query and hash (`/index.php?action=ajaxui#ajaxUILoc=…`). */
export function pageAddress(url: URL): string {
  return url.pathname + url.search + url.hash;
}

/** Whether any rule matches the page; a rule with `has` needs the document (none: that rule fails). */
export function matchesPageRules(rules: readonly PageRule[], url: URL, doc: Document | undefined): boolean {
  const address = pageAddress(url);
  return rules.some((rule) => {
    if (rule.url && !rule.url.test(address)) return false;
    if (rule.path && !rule.path.test(url.pathname)) return false;
    if (rule.has === undefined) return true;
    try {
      return !!doc?.querySelector(rule.has);
    } catch {
      return false;
    }
  });
}

/**
 * Which page this is for the adapter: its list wins over its record page, which counts once the document
 * shows the record (its id, and the element our controls follow).
 */
export function pageKind(adapter: Pick<HostAdapter, 'matchesPage' | 'record'>, url: URL, doc: Document): PageKind | null {
  if (adapter.matchesPage(url, doc)) return 'list';
  const { record } = adapter;
  return (record?.matchesPage(url, doc) && record.id(doc) && record.anchor(doc)) || null;
}

/**
 * The row's element for a row-relative selector, remembered per row: every feature asks each row for
 * its id, name and cell, and even the fast query (./scoped-query.ts) adds up over 5,000 rows. The
 * remembered element is used while it is still inside the row (a host that reuses a row for another
 * customer rewrites the link's href or the input's value, read on every call, or replaces the cell,
 * which is queried again).
 */
function rememberedQuery(selector: string): (row: Element) => Element | null {
  const query = scopedQuery(selector);
  const found = new WeakMap<Element, Element>();
  return (row) => {
    const known = found.get(row);
    if (known && row.contains(known)) return known;
    const element = query(row);
    if (element) found.set(row, element);
    else found.delete(row);
    return element;
  };
}

function groupOne(pattern: RegExp | undefined, text: string): string | null {
  if (!pattern) return text;
  return pattern.exec(text)?.[1] ?? null;
}

/** Reads a row's id from `source`; `query` finds the row-relative element (one remembered query per selector). */
export function idReader(source: IdSource, query: (selector: string) => (row: Element) => Element | null): (row: Element) => Id | null {
  switch (source.from) {
    case 'href': {
      const link = query(source.selector);
      return (row) => {
        const href = link(row)?.getAttribute('href');
        const id = href ? groupOne(source.pattern, href) : null;
        if (!id) return null;
        try {
          return decodeURIComponent(id);
        } catch {
          return id;
        }
      };
    }
    case 'value': {
      const input = query(source.selector);
      return (row) => {
        const element = input(row);
        const value = element && 'value' in element ? String((element as HTMLInputElement).value).trim() : '';
        return value || null;
      };
    }
    case 'attribute': {
      const holder = source.selector ? query(source.selector) : (row: Element) => row;
      return (row) => {
        const value = holder(row)?.getAttribute(source.attribute)?.trim();
        return (value && groupOne(source.pattern, value)) || null;
      };
    }
  }
}

/** A record page from its configuration: every part read from the document as it is now. */
export function createRecordPage(config: RecordPageConfig): RecordPage {
  // Page-wide selectors: scopedQuery falls back to querySelector from the document's root for them.
  const id = idReader(config.id, scopedQuery);
  return {
    matchesPage: (url, doc) => matchesPageRules(config.pages, url, doc),
    id: (doc) => id(doc.documentElement),
    name: (doc) => doc.querySelector(config.name)?.textContent?.trim() ?? '',
    anchor: (doc) => [...doc.querySelectorAll(config.after)].pop() ?? null,
  };
}

export function createSelectorAdapter(config: SelectorAdapterConfig): HostAdapter {
  const { selectors, pages } = config;
  // One remembered query per selector: the name and an href id often come from the same link.
  const queries = new Map<string, (row: Element) => Element | null>();
  const query = (selector: string) => {
    let known = queries.get(selector);
    if (!known) queries.set(selector, (known = rememberedQuery(selector)));
    return known;
  };
  const name = query(selectors.name);
  return {
    name: config.name,
    selectors,
    matchesPage: (url, doc) => matchesPageRules(pages, url, doc),
    rowId: idReader(config.id, query),
    rowName: (row) => name(row)?.textContent?.trim() ?? '',
    menuCell: query(selectors.menuCell),
    menuCellInDocument: rowRelativeInDocument(selectors.row, selectors.menuCell),
    headerCell: (root) => root.querySelector(selectors.headerCell),
    container: (root) => root.querySelector(selectors.container),
    ...(config.record && { record: createRecordPage(config.record) }),
    ...(config.filterInUrl ? { filterInUrl: true } : {}),
    ...(config.reloadList && { reloadList: config.reloadList }),
  };
}
