import { createSelectorAdapter } from '../adapter';

const NAME_LINK = ':scope > td.col-name a[href]';

/** The reference CRM's `/customers` page (reference-crm/): `#customer-table`, rows `tr.dt-row`. */
export const referenceAdapter = createSelectorAdapter({
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
  },
});
