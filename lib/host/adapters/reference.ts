import { createSelectorAdapter } from '../adapter';

/** The reference CRM's `/customers` page (reference-crm/): `#customer-table`, rows `tr.dt-row`. */
export const referenceAdapter = createSelectorAdapter({
  name: 'reference',
  pathPattern: /^\/customers\/?$/,
  idPattern: /\/customers\/([^/?#]+)/,
  selectors: {
    container: '#customer-table > tbody',
    row: '#customer-table > tbody > tr.dt-row',
    link: ':scope > td.col-name a[href]',
    menuCell: ':scope > td:first-child',
    headerCell: '#customer-table > thead > tr > th:first-child',
    list: '.table-wrap:has(#customer-table)',
  },
});
