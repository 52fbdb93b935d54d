// A customer as a person tells them apart in a list they decide on: "Anna Wilson (KH000123)", with the
// phone too where two listed customers would otherwise read the same. Never the customer's id.
import { t } from '../i18n/index';
import type { CustomerLabel } from '../protocol/jobs';

type Known = Partial<CustomerLabel> & { name?: string | null };

/** "Anna Wilson (KH000123)"; with `phone`, "Anna Wilson (KH000123 · 0901 234 567)". */
export function customerText(c: Known | null | undefined, phone = false): string {
  const name = c?.name?.trim() || t('customer.unnamed');
  const extra = [c?.code?.trim(), phone ? c?.phone?.trim() : ''].filter(Boolean);
  return extra.length ? `${name} (${extra.join(' · ')})` : name;
}

/** Each customer's text in a list: name and code, and the phone for those that would read as another does. */
export function customerTexts<K>(list: Iterable<readonly [K, Known | null | undefined]>): Map<K, string> {
  const entries = [...list];
  const seen = new Map<string, number>();
  for (const [, c] of entries) {
    const plain = customerText(c);
    seen.set(plain, (seen.get(plain) ?? 0) + 1);
  }
  return new Map(entries.map(([key, c]) => {
    const plain = customerText(c);
    return [key, (seen.get(plain) ?? 0) > 1 ? customerText(c, true) : plain];
  }));
}
