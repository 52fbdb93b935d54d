// Bytes ↔ base64, for carrying an uploaded file through the extension's (JSON) messages.
// A multiple of 3, so every base64 part ends without padding and the parts join.
const CHUNK = 3 * 8192;

export async function toBase64(bytes: Uint8Array, yieldToPage: () => Promise<void> = async () => {}): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK * 32) {
    let binary = '';
    const end = Math.min(bytes.length, i + CHUNK * 32);
    for (let j = i; j < end; j += CHUNK) binary += String.fromCharCode(...bytes.subarray(j, Math.min(end, j + CHUNK)));
    parts.push(btoa(binary));
    await yieldToPage();
  }
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
