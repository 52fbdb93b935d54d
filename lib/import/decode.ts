// Text of an uploaded CSV from its bytes: UTF-8 (with or without BOM), UTF-16 (BOM, or the zero bytes
// that give it away), else Windows-1258, the legacy Vietnamese code page. Anything else is an error.
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class FileReadError extends Error {
  constructor(readonly code: FileErrorCode, message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

export type FileErrorCode = 'wrong_type' | 'empty' | 'too_large' | 'too_many_rows' | 'encoding' | 'no_phone_column' | 'unreadable';

function decode(bytes: Uint8Array, encoding: TextEncodingName, skip: number): string {
  return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(skip));
}

/** Guesses UTF-16 without BOM from zero bytes in the even/odd positions of the first bytes. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes, 'utf-8', 3), encoding: 'utf-8' };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes, 'utf-16le', 2), encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes, 'utf-16be', 2), encoding: 'utf-16be' };
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return { text: decode(bytes, utf16, 0), encoding: utf16 };
  } catch {
    throw new FileReadError('encoding', 'The file says it is Unicode text but its bytes are not: save it again as CSV UTF-8.');
  }
  if (bytes.includes(0)) throw new FileReadError('encoding', 'The file is not text (it contains zero bytes): upload a CSV or an XLSX file.');
  try {
    return { text: decode(bytes, 'utf-8', 0), encoding: 'utf-8' };
  } catch {
    try {
      return { text: decode(bytes, 'windows-1258', 0), encoding: 'windows-1258' };
    } catch {
      throw new FileReadError('encoding', 'The file\'s text encoding is not UTF-8, UTF-16 or Windows-1258: save it again as CSV UTF-8.');
    }
  }
}
