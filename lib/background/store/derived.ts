// Index keys derived from a customer, added to every stored customer row by a DBCore middleware (so rows
// written anywhere — sync, outbox, jobs — carry them) and by the v1→v2 migration.
import type { Customer } from '../../domain/types';

export interface DerivedKeys {
  /** Digits-only national form of the phone ("+84 912 345 678" → "0912345678"); '' without digits. */
  phoneKey: string;
  /** Lower-cased, accent-free name, for sorting and searching. */
  nameKey: string;
  /** One key per share target: "d:<id>", "r:<id>", "u:<id>" (a multi-entry index). */
  shareKeys: string[];
}

export type CustomerRow = Customer & Partial<DerivedKeys>;

export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(phone) || (digits.startsWith('84') && digits.length >= 11);
  if (international) {
    const rest = digits.replace(/^00/, '');
    return rest.startsWith('84') ? `0${rest.slice(2)}` : rest;
  }
  // A spreadsheet dropped the leading zero of a 9-digit national number.
  return digits.length === 9 && !digits.startsWith('0') ? `0${digits}` : digits;
}

/** Lower case without diacritics (Vietnamese đ included), so "Đức" matches "duc". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

export function derivedKeys(c: Customer): DerivedKeys {
  return {
    phoneKey: phoneKey(c.phone ?? ''),
    nameKey: foldText(c.name ?? ''),
    shareKeys: [
      ...(c.shares?.departmentIds ?? []).map((id) => `d:${id}`),
      ...(c.shares?.roleIds ?? []).map((id) => `r:${id}`),
      ...(c.shares?.userIds ?? []).map((id) => `u:${id}`),
    ],
  };
}

export function withDerivedKeys(c: Customer): CustomerRow {
  return { ...c, ...derivedKeys(c) };
}

/** The customer as the CRM sent it, without our index keys. */
export function stripDerivedKeys(row: CustomerRow): Customer {
  const { phoneKey: _p, nameKey: _n, shareKeys: _s, ...customer } = row;
  return customer;
}
