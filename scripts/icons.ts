// Draws the extension's icons (public/icon/<size>.png): a blue rounded square with three customer rows and
// the row menu's three dots. `npx tsx scripts/icons.ts` writes them; they are committed, so a build needs no
// drawing. Written by hand as PNG (zlib's deflate and CRC-32), anti-aliased by sampling each pixel 4×4.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

type Rgba = [number, number, number, number];
const BLUE: Rgba = [37, 99, 235, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** The colour at a point of the 1×1 design (x, y in 0..1), or undefined outside the icon. */
function shade(x: number, y: number): Rgba | undefined {
  const inRoundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
  if (!inRoundRect(0, 0, 1, 1, 0.2)) return undefined;
  // Three rows, the middle one shorter: its end holds the row menu's three dots.
  const rows: [number, number][] = [[0.22, 0.78], [0.22, 0.5], [0.22, 0.78]];
  for (const [i, [x0, x1]] of rows.entries()) {
    const y0 = 0.24 + i * 0.2;
    if (inRoundRect(x0, y0, x1, y0 + 0.12, 0.06)) return WHITE;
  }
  for (const cx of [0.6, 0.69, 0.78]) if ((x - cx) ** 2 + (y - 0.5) ** 2 <= 0.04 ** 2) return WHITE;
  return BLUE;
}

/** RGBA pixels of the icon at `size` pixels. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((pxl + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
          sum[3] += c[3];
        }
      }
      const o = (py * size + pxl) * 4;
      const a = sum[3] / (n * n);
      for (let k = 0; k < 3; k++) px[o + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
      px[o + 3] = Math.round(a);
    }
  }
  return px;
}

/** A PNG file of RGBA pixels (8 bits a channel, no interlace). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(import.meta.dirname, '../public/icon');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(resolve(dir, `${size}.png`), encodePng(size, size, drawIcon(size)));
  console.log(`Wrote ${ICON_SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
}
