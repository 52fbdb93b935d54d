// Columns computed from a customer's fields on every write, so the database can search and sort them.
import { phoneKey } from '../phone';
import { viSortKey } from './sort-key';

// Joins the searched fields; a query containing it matches nothing (the fields never contain it).
export const SEARCH_SEPARATOR = '\u0001';

export function customerDerived(c: { name: string; code: string; email: string; phone: string }) {
  const field = (s: string) => s.toLowerCase().replaceAll(SEARCH_SEPARATOR, '');
  return {
    phone_key: phoneKey(c.phone),
    search_text: [c.name, c.code, c.email, c.phone].map(field).join(SEARCH_SEPARATOR),
    name_key: viSortKey(c.name),
    code_key: viSortKey(c.code),
  };
}
