import { createSelectorAdapter, type HostAdapter } from '../adapter';
import type { RowValues } from '../../protocol/messages';

const NAME_LINK = ':scope > td.col-name a[href]';

const selectorAdapter = createSelectorAdapter({
  name: 'reference',
  filterInUrl: true,
  pages: [{ url: /^\/customers\/?(?:[?#]|$)/ }],
  id: { from: 'href', selector: NAME_LINK, pattern: /\/customers\/([^/?#]+)/ },
  selectors: {
    container: '#customer-table > tbody',
    row: '#customer-table > tbody > tr.dt-row',
    name: NAME_LINK,
    menuCell: ':scope > td:first-child',
    headerCell: '#customer-table > thead > tr > th:first-child',
    list: '.table-wrap:has(#customer-table)',
    search: '#customer-search',
  },
});

/** The reference CRM's `/customers` page (reference-crm/): `#customer-table`, rows `tr.dt-row`. */
export const referenceAdapter: HostAdapter = { ...selectorAdapter, showValues: showReferenceValues };

/** "23/08/2024 09:05" in the browser's time zone: how the reference page writes a time (its list-state.js). */
export function referenceTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Sets an element's text only when it differs: the host's and our observers see no change for an equal value. */
function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** The row's cells as the reference page's own script draws them (customer-table.js renderRows). */
function showReferenceValues(row: Element, values: RowValues): boolean {
  const time = row.querySelector<HTMLTimeElement>(':scope > td.col-updated time');
  const shown = Date.parse(time?.dateTime ?? '');
  if (shown > Date.parse(values.updatedAt)) return false;
  const cell = (name: string) => row.querySelector(`:scope > td.col-${name}`);
  const person = (id: string | null, name: string | null) => (id === null ? '—' : name ?? id);
  setText(row.querySelector(NAME_LINK), values.name);
  setText(cell('code'), values.code);
  setText(cell('phone'), values.phone);
  setText(cell('email'), values.email);
  setText(cell('ae'), person(values.aeId, values.aeName));
  setText(cell('csr'), person(values.csrId, values.csrName));
  const tags = cell('tags');
  const shownTags = tags ? [...tags.querySelectorAll(':scope > span.tag')].map((span) => span.textContent) : [];
  if (tags && shownTags.join('\n') !== values.tags.join('\n')) {
    tags.replaceChildren(...values.tags.map((tag) => {
      const span = row.ownerDocument.createElement('span');
      span.className = 'tag';
      span.textContent = tag;
      return span;
    }));
  }
  if (time && time.dateTime !== values.updatedAt) {
    time.dateTime = values.updatedAt;
    time.textContent = referenceTime(values.updatedAt);
  }
  return true;
}
