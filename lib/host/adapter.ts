// A host adapter knows one CRM's customer page: which URLs, where the rows are, how to read a row's
// customer id, where our controls go. Every host selector of an adapter lives in its `selectors`.
import type { Id } from '../domain/types';
import { scopedQuery } from './scoped-query';
import { rowRelativeInDocument } from './selector-tail';

export interface AdapterSelectors {
  /** The element whose subtree holds the rows; its mutations mark a page change. */
  container: string;
  /** One customer row (queried from the document). */
  row: string;
  /** Inside a row: the link whose href carries the customer id. */
  link: string;
  /** Inside a row: the cell that receives the [···] button. */
  menuCell: string;
  /** The header cell above the menu cells. */
  headerCell: string;
  /** The list with its own pager and counts, which our Followed tab takes the place of (default: the rows' table). */
  list?: string;
}

export interface HostAdapter {
  readonly name: string;
  readonly selectors: AdapterSelectors;
  /** True on the customer list page(s) the overlay decorates. */
  matchesPage(url: URL): boolean;
  rowId(row: Element): Id | null;
  /** The customer's name as the row shows it (for labels). */
  rowName(row: Element): string;
  menuCell(row: Element): Element | null;
  /** Every row's menu cell as one selector over the document, where the selectors allow it. */
  readonly menuCellInDocument: string | null;
  headerCell(root: ParentNode): Element | null;
  container(root: ParentNode): Element | null;
}

export interface SelectorAdapterConfig {
  name: string;
  pathPattern: RegExp;
  /** Applied to the row link's href attribute; capture group 1 is the (URL-encoded) customer id. */
  idPattern: RegExp;
  selectors: AdapterSelectors;
}

/**
 * The row's element for a row-relative selector, remembered per row: every feature asks each row for
 * its id, name and cell, and even the fast query (./scoped-query.ts) adds up over 5,000 rows. The
 * remembered element is used while it is still inside the row (a host that reuses a row for another
 * customer rewrites the link's href, read on every call, or replaces the cell, which is queried again).
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

export function createSelectorAdapter(config: SelectorAdapterConfig): HostAdapter {
  const { selectors, idPattern, pathPattern } = config;
  const link = rememberedQuery(selectors.link);
  const menuCell = rememberedQuery(selectors.menuCell);
  return {
    name: config.name,
    selectors,
    matchesPage: (url) => pathPattern.test(url.pathname),
    rowId(row) {
      const href = link(row)?.getAttribute('href');
      const match = href ? idPattern.exec(href) : null;
      if (!match?.[1]) return null;
      try {
        return decodeURIComponent(match[1]);
      } catch {
        return match[1];
      }
    },
    rowName: (row) => link(row)?.textContent?.trim() ?? '',
    menuCell,
    menuCellInDocument: rowRelativeInDocument(selectors.row, selectors.menuCell),
    headerCell: (root) => root.querySelector(selectors.headerCell),
    container: (root) => root.querySelector(selectors.container),
  };
}
