// Loads a saved CRM page into the test document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const html = fixture('reference-customers.html');
const suitecrmHtml = fixture('suitecrm-accounts.html');
const suitecrmDetailHtml = fixture('suitecrm-account-detail.html');

function load(page: string): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(page, 'text/html').documentElement.innerHTML;
  return document;
}

export const loadReferencePage = (): Document => load(html);

/** SuiteCRM 7.14's Accounts list view, trimmed to 3 rows (fixtures/suitecrm-accounts.html). */
export const loadSuitecrmPage = (): Document => load(suitecrmHtml);

/** SuiteCRM 7.14's detail view of the account "Hammer Group Inc" (fixtures/suitecrm-account-detail.html). */
export const loadSuitecrmDetailPage = (): Document => load(suitecrmDetailHtml);
export const SUITECRM_DETAIL_ID = '3400cf01-3613-7643-1b92-6b11ec7452ba';

/** Replaces every tbody row by new elements, as the reference CRM's own script does on paging. */
export function rerenderRows(ids: string[], doc: Document = document): HTMLElement[] {
  const tbody = doc.querySelector('#customer-table > tbody')!;
  const rows = ids.map((id) => {
    const tr = doc.createElement('tr');
    tr.className = 'dt-row';
    tr.innerHTML = `<td class="col-name"><a href="/customers/${id}">Customer ${id}</a></td><td>code</td><td>phone</td>`;
    return tr;
  });
  tbody.replaceChildren(...rows);
  return rows;
}
