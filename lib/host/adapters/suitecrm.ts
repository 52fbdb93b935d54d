// SuiteCRM 7's Accounts list view (SuiteP theme): the rows of `form#MassUpdate`, read the way SuiteCRM's
// own mass actions read them (the checkbox `mass[]` holds the account's id; links in the row may point
// at other records, e.g. the assigned user's).
import { createSelectorAdapter, type PageRule } from '../adapter';

const TABLE = 'form#MassUpdate table.list.view';

// One query parameter in a plain query string, or inside the URL-encoded `ajaxUILoc` of AjaxUI's hash
// (`%3F`/`%26` separators; accepted unencoded too).
const param = (name: string, value: string) => `(?:[?&]|%3F|%26)${name}(?:=|%3D)(?:${value})(?:[&#]|%26|$)`;
const LIST = [param('module', 'Accounts'), param('action', 'index|ListView')];
const PATH = '^[^?#]*/(?:index\\.php)?';

export const SUITECRM_PAGES: PageRule[] = [
  // index.php?module=Accounts&action=index (or ListView), parameters in any order.
  { url: new RegExp(`${PATH}(?=[^#]*${LIST[0]})(?=[^#]*${LIST[1]})\\?`, 'i') },
  // AjaxUI: index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DAccounts%26action%3Dindex; the list
  // arrives later in #content by XHR (the rows are observed wherever they appear).
  { url: new RegExp(`${PATH}(?=[^#]*${param('action', 'ajaxui')})\\?[^#]*#(?:.*&)?ajaxUILoc=(?=.*?${LIST[0]})(?=.*?${LIST[1]})`, 'i') },
  // Paging posts the MassUpdate form to a bare index.php: only the page says it is the Accounts list.
  { url: /^[^?#]*\/index\.php$/i, has: 'form#MassUpdate > input[name="module"][value="Accounts"]' },
];

export const suitecrmAdapter = createSelectorAdapter({
  name: 'suitecrm',
  pages: SUITECRM_PAGES,
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
    // The table with its pagination rows (pager, counts, select-all, bulk actions) inside.
    list: 'form#MassUpdate div.list-view-rounded-corners:has(> table.list.view)',
  },
});
