import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodePng, ICON_SIZES } from './icons';

/** Width, height and RGBA pixels of an 8-bit RGBA PNG whose scanlines use filter 0 (as encodePng writes). */
function decode(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

describe('icons', () => {
  it('encodePng round-trips pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    expect(decode(encodePng(3, 2, rgba))).toEqual({ width: 3, height: 2, rgba });
  });

  it.each(ICON_SIZES)('public/icon/%i.png is the drawing at that size', (size) => {
    const png = readFileSync(resolve(import.meta.dirname, `../public/icon/${size}.png`));
    expect(decode(png)).toEqual({ width: size, height: size, rgba: drawIcon(size) });
  });

  it.each([
    ['a corner is transparent', 0, 0, [0, 0, 0, 0]],
    ['the middle of the left edge is opaque blue', 0, 64, [37, 99, 235, 255]],
    ['the centre of the first row is opaque white', 64, 36, [255, 255, 255, 255]],
  ])('%s (128 px)', (_name, x, y, rgba) => {
    const at = (y * 128 + x) * 4;
    expect([...drawIcon(128).subarray(at, at + 4)]).toEqual(rgba);
  });
});
