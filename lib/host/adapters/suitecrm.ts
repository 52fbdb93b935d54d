// SuiteCRM 7's Accounts list view (SuiteP theme): the rows of `form#MassUpdate`, read the way SuiteCRM's
// own mass actions read them (the checkbox `mass[]` holds the account's id; links in the row may point
// at other records, e.g. the assigned user's). And the account's detail view: our star and [···] right after
// SuiteCRM's own favourite star beside the title, for the record its own buttons act on.
import { createSelectorAdapter, type PageRule } from '../adapter';

const TABLE = 'form#MassUpdate table.list.view';

// One query parameter in a plain query string, or inside the URL-encoded `ajaxUILoc` of AjaxUI's hash
// (`%3F`/`%26` separators; accepted unencoded too).
const param = (name: string, value: string) => `(?:[?&]|%3F|%26)${name}(?:=|%3D)(?:${value})(?:[&#]|%26|$)`;
const LIST = [param('module', 'Accounts'), param('action', 'index|ListView')];
const PATH = '^[^?#]*/(?:index\\.php)?';

/**
 * index.php?module=…&action=… (parameters in any order), and the same in AjaxUI's hash
 * (index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex), whose page arrives
 * later in #content by XHR (rows and titles are observed wherever they appear).
 */
const byUrl = ([module, action]: string[]): PageRule[] => [
  { url: new RegExp(`${PATH}(?=[^#]*${module})(?=[^#]*${action})\\?`, 'i') },
  { url: new RegExp(`${PATH}(?=[^#]*${param('action', 'ajaxui')})\\?[^#]*#(?:.*&)?ajaxUILoc=(?=.*?${module})(?=.*?${action})`, 'i') },
];

export const SUITECRM_PAGES: PageRule[] = [
  ...byUrl(LIST),
  // Paging posts the MassUpdate form to a bare index.php: only the page says it is the Accounts list.
  { url: /^[^?#]*\/index\.php$/i, has: 'form#MassUpdate > input[name="module"][value="Accounts"]' },
];

const DETAIL = [param('module', 'Accounts'), param('action', 'DetailView')];

/**
 * The account's detail view: index.php?module=Accounts&action=DetailView&record=<id>, and its AjaxUI form.
 * (Saving an account posts to index.php, answered by a redirect to this URL: no rule needs to read the page.)
 */
export const SUITECRM_RECORD_PAGES: PageRule[] = byUrl(DETAIL);

const TITLE = '.moduleTitle > h2.module-title-text';

/**
 * The Accounts list at the page it shows, by a plain GET: SuiteCRM pages by posting form#MassUpdate, so
 * reloading the document would ask to send that form again. SuiteCRM reads the page's offset from the
 * request (its `<module>2_<ACCOUNT>_offset` parameter) and keeps the list's filter and order in the user's
 * preferences; the offset is the first row's number in the pager ("(21 - 40 of 51)") less one (the form's
 * own offset field always says 0).
 */
export function suitecrmListUrl(doc: Document): URL {
  const url = new URL('index.php', doc.baseURI);
  url.searchParams.set('module', 'Accounts');
  url.searchParams.set('action', 'index');
  const offsetField = doc.querySelector<HTMLInputElement>('form#MassUpdate input[type="hidden"][name$="_offset"]');
  const first = Number(/\d+/.exec(doc.querySelector('.pageNumbers')?.textContent ?? '')?.[0]);
  if (offsetField && Number.isInteger(first) && first > 1) url.searchParams.set(offsetField.name, String(first - 1));
  return url;
}

export const suitecrmAdapter = createSelectorAdapter({
  name: 'suitecrm',
  pages: SUITECRM_PAGES,
  reloadList: (doc) => doc.defaultView?.location.assign(suitecrmListUrl(doc).href),
  id: { from: 'value', selector: ':scope > td > input.listview-checkbox[name="mass[]"]' },
  selectors: {
    container: `${TABLE} > tbody`,
    // One selector, not a list: every menu cell is then one document rule (see menuCellInDocument).
    row: `${TABLE} > tbody > tr:is(.oddListRowS1, .evenListRowS1)`,
    name: ':scope > td[field="name"] a',
    // The checkbox cell: where SuiteCRM puts its own per-row selection, and no inline editing there
    // (SuiteCRM starts inline editing on a double-click in the `td.inlineEdit` cells).
    menuCell: ':scope > td:first-child',
    // The empty header cell above the checkboxes (SuiteCRM's select-all sits in the pagination row).
    headerCell: `${TABLE} > thead > tr:first-child > th:first-child`,
    // SuiteP's fixed top bar (modules, search, the user's menu with Log Out): our details panel starts below it.
    header: 'nav.navbar-fixed-top',
    // The list's own filter: its name field sits in a dialog SuiteCRM shows from the filter icon above the list.
    search: '#searchDialog input#name_basic',
    searchOpener: 'a.glyphicon-filter.parent-dropdown-handler',
    // The table with its pagination rows (pager, counts, select-all, bulk actions) inside.
    list: 'form#MassUpdate div.list-view-rounded-corners:has(> table.list.view)',
  },
  record: {
    pages: SUITECRM_RECORD_PAGES,
    // The record the page's own Edit / Delete / Duplicate buttons act on (form#formDetailView), an Accounts one.
    id: { from: 'value', selector: 'form#formDetailView > input[name="module"][value="Accounts"] ~ input[name="record"]' },
    name: TITLE,
    // Right after SuiteCRM's own favourite star beside the title (absent where favourites are off: after the title).
    after: `${TITLE}, ${TITLE} + div.favorite`,
  },
});
