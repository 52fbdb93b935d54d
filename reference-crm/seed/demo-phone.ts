// Vietnamese phone numbers written the many ways people type them into a CRM.

export const MOBILE_FORMATS = ['spaced', 'international', 'dashed', 'dotted', 'plain', 'e164'] as const;
export type MobileFormat = (typeof MOBILE_FORMATS)[number];
export const LANDLINE_FORMATS = ['spaced', 'parenthesised', 'international', 'plain'] as const;
export type LandlineFormat = (typeof LANDLINE_FORMATS)[number];

/** `national` is the 10-digit mobile number with its leading 0, e.g. "0912345678". */
export function formatMobile(national: string, format: MobileFormat): string {
  if (!/^0\d{9}$/.test(national)) throw new Error(`formatMobile: "${national}" is not a 10-digit national mobile number`);
  const n = national.slice(1); // 912345678
  const groups = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  switch (format) {
    case 'spaced': return `0${groups.join(' ')}`;
    case 'international': return `+84 ${groups.join(' ')}`;
    case 'dashed': return `84-${groups.join('-')}`;
    case 'dotted': return `0${groups.join('.')}`;
    case 'plain': return national;
    case 'e164': return `+84${n}`;
  }
}

/** `area` without its leading 0 ("24", "28", "236"); `local` the subscriber digits (8 or 7). */
export function formatLandline(area: string, local: string, format: LandlineFormat): string {
  if (!/^\d{2,3}$/.test(area) || local.length + area.length !== 10 || !/^\d+$/.test(local)) {
    throw new Error(`formatLandline: area "${area}" + local "${local}" is not a 10-digit landline`);
  }
  const split = local.length === 8 ? [local.slice(0, 4), local.slice(4)] : [local.slice(0, 3), local.slice(3)];
  switch (format) {
    case 'spaced': return `0${area} ${split.join(' ')}`;
    case 'parenthesised': return `(0${area}) ${split.join(' ')}`;
    case 'international': return `+84 ${area} ${split.join(' ')}`;
    case 'plain': return `0${area}${local}`;
  }
}
