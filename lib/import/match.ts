// Matches a file's phone rows to customers: every row gets a customer id or the reason it has none. A
// number several customers share is never resolved here: the row lists them all and the user chooses.
// Pure, and linear in rows + customers.
import type { Id } from '../domain/types';
import type { PhonePreview } from '../protocol/import';
import type { PhoneRow } from '../protocol/jobs';
import { normalizePhone } from './phone';

export interface PhoneCustomer {
  id: Id;
  name: string;
  /** The customer code, to tell apart customers who share a number (and maybe a name). */
  code?: string;
  phone: string;
}

/** A file's rows matched to customers: the preview the protocol carries. */
export type PhoneMatch = PhonePreview;

/** E.164 → every customer with that number. */
export function indexByPhone(customers: Iterable<PhoneCustomer>, country: string): Map<string, PhoneCustomer[]> {
  const index = new Map<string, PhoneCustomer[]>();
  for (const customer of customers) {
    const key = normalizePhone(customer.phone, country);
    if (!key.ok) continue;
    const same = index.get(key.e164);
    if (same) same.push(customer);
    else index.set(key.e164, [customer]);
  }
  return index;
}

/**
 * A row is a duplicate when an earlier row of the file has the same number (however written); only the
 * first is deleted. Invalid rows and the template's example row never match anything. A number several
 * customers have is 'ambiguous': the row names them all (`candidates`) and deletes none of them unless
 * the user chooses.
 */
export function matchPhoneRows(
  rows: readonly { row: number; phone: string; sample?: boolean }[], index: ReadonlyMap<string, readonly PhoneCustomer[]>, country: string,
): PhoneMatch {
  const seen = new Set<string>();
  const out: PhoneRow[] = [];
  const names: Record<Id, string> = {};
  const codes: Record<Id, string> = {};
  const customers: PhoneMatch['customers'] = {};
  let matched = 0;
  let notFound = 0;
  let duplicates = 0;
  let invalid = 0;
  let ambiguous = 0;
  let samples = 0;
  for (const { row, phone, sample } of rows) {
    const key = normalizePhone(phone, country);
    if (sample) {
      samples++;
      out.push({ row, phone, customerId: null, problem: 'sample' });
    } else if (!key.ok) {
      invalid++;
      out.push({ row, phone, customerId: null, problem: 'invalid' });
    } else if (seen.has(key.e164)) {
      duplicates++;
      out.push({ row, phone, customerId: null, problem: 'duplicate' });
    } else {
      seen.add(key.e164);
      const found = index.get(key.e164) ?? [];
      if (found.length === 1) {
        matched++;
        names[found[0].id] = found[0].name;
        if (found[0].code) codes[found[0].id] = found[0].code;
        out.push({ row, phone, customerId: found[0].id });
      } else if (found.length > 1) {
        ambiguous++;
        for (const c of found) customers[c.id] = { name: c.name, code: c.code ?? '', phone: c.phone };
        out.push({ row, phone, customerId: null, problem: 'ambiguous', candidates: found.map((c) => c.id) });
      } else {
        notFound++;
        out.push({ row, phone, customerId: null, problem: 'not_found' });
      }
    }
  }
  return { rows: out, matched, notFound, duplicates, invalid, ambiguous, samples, names, codes, customers };
}

/** Rows and customers for a benchmark of `n` (half the rows match, a tenth are duplicates or invalid). */
export function benchPhoneData(n: number): { rows: { row: number; phone: string }[]; customers: PhoneCustomer[] } {
  const customers: PhoneCustomer[] = [];
  const rows: { row: number; phone: string }[] = [];
  for (let i = 0; i < n; i++) {
    const national = String(912000000 + i);
    customers.push({ id: `c-${i}`, name: `Customer ${i}`, phone: `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}` });
    const phone = i % 10 === 0 ? 'not a phone' : i % 10 === 1 ? `+84${912000000 + i - 2}` : i % 2 ? `84${national}` : `0${932000000 + i}`;
    rows.push({ row: i + 1, phone });
  }
  return { rows, customers };
}
