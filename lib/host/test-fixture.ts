// Loads the saved reference CRM page into the test document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const html = readFileSync(join(import.meta.dirname, 'fixtures', 'reference-customers.html'), 'utf8');

export function loadReferencePage(): Document {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return document;
}

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
