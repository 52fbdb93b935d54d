// Which column of the uploaded sheet holds the phone numbers: found by its header, in English or
// Vietnamese, with or without diacritics.
const PHONE_HEADERS = ['phone', 'phone number', 'phonenumber', 'mobile', 'telephone', 'tel', 'so dien thoai', 'sdt', 'dien thoai', 'so dt', 'di dong'];

/** Lower case, no diacritics (đ → d), single spaces. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The index of the phone column in a header row, or -1. */
export function phoneColumnIndex(header: readonly unknown[]): number {
  const folded = header.map((cell) => foldHeader(String(cell ?? '')));
  const exact = folded.findIndex((h) => PHONE_HEADERS.includes(h));
  if (exact >= 0) return exact;
  return folded.findIndex((h) => PHONE_HEADERS.some((p) => p.length > 3 && h.includes(p)));
}

/** Template columns: the phone column is the key; the others help the person filling it in. */
export const TEMPLATE_HEADERS = ['Số điện thoại (Phone number)', 'Tên khách hàng (Customer name)', 'Ghi chú (Note)'] as const;
