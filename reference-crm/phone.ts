// Phone keys for matching numbers however they were typed, with Vietnamese defaults:
// "0912 345 678", "+84912345678", "84-912-345-678" and "912345678" all give "912345678".

const VIETNAM = '84';
/** A Vietnamese national significant number has 9 (mobile) or 10 (landline) digits. */
const MIN_NATIONAL_DIGITS = 9;

/** The comparable key of a phone number; '' when it has no digits. Foreign numbers keep "+<country code>". */
export function phoneKey(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits === '') return '';
  const international = trimmed.startsWith('+') ? digits : trimmed.startsWith('00') ? digits.slice(2) : null;
  if (international !== null) {
    return international.startsWith(VIETNAM) ? stripTrunkZero(international.slice(2)) : `+${international}`;
  }
  if (digits.startsWith(VIETNAM) && digits.length >= VIETNAM.length + MIN_NATIONAL_DIGITS) {
    return stripTrunkZero(digits.slice(2));
  }
  return stripTrunkZero(digits);
}

function stripTrunkZero(digits: string): string {
  return digits.startsWith('0') ? digits.slice(1) : digits;
}
