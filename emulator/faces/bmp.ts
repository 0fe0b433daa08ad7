// sharp (libvips built without ImageMagick) reads no BMP, and §3.7 lists bmp
// among the picture types the device takes, so the engine reads BMP itself.
// Covered: the core (OS/2, 12-byte) and Windows (40 to 124-byte) headers,
// 1/4/8-bit palettes, 16-bit 5-5-5 and bit fields, 24-bit, 32-bit (plain or bit
// fields), bottom-up and top-down rows. RLE and embedded JPEG/PNG are refused
// (null): rare in practice, and a refusal is what a broken picture gets.

import { PICTURE_MAX_PIXELS, PICTURE_MAX_SIDE } from '../../src/api/protocol/limits';

export interface RgbPicture {
  width: number;
  height: number;
  /** width × height × 3 bytes, RGB, top row first. */
  rgb: Buffer;
}

export function isBmp(data: Uint8Array): boolean {
  return data.length >= 26 && data[0] === 0x42 && data[1] === 0x4d;
}

/** Scales a masked channel to 0..255 (a 5-bit channel's 31 becomes 255). */
function maskReader(mask: number): (v: number) => number {
  if (mask === 0) return () => 0;
  const shift = Math.log2((mask & -mask) >>> 0);
  const max = mask >>> shift;
  return (v) => Math.round((((v & mask) >>> shift) * 255) / max);
}

export function decodeBmp(input: Uint8Array): RgbPicture | null {
  if (!isBmp(input)) return null;
  const data = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    const offset = data.readUInt32LE(10);
    const dib = data.readUInt32LE(14);
    let width: number;
    let rawHeight: number;
    let bpp: number;
    let compression = 0;
    let colours = 0;
    if (dib === 12) {
      width = data.readUInt16LE(18);
      rawHeight = data.readInt16LE(20);
      bpp = data.readUInt16LE(24);
    } else if (dib >= 40) {
      width = data.readInt32LE(18);
      rawHeight = data.readInt32LE(22);
      bpp = data.readUInt16LE(28);
      compression = data.readUInt32LE(30);
      colours = data.readUInt32LE(46);
    } else return null;
    const height = Math.abs(rawHeight);
    const topDown = rawHeight < 0;
    // The header's size, before any allocation: what no camera produces is refused.
    if (width <= 0 || height === 0 || width > PICTURE_MAX_SIDE || height > PICTURE_MAX_SIDE || width * height > PICTURE_MAX_PIXELS)
      return null;

    // BI_RGB 0, BI_BITFIELDS 3, BI_ALPHABITFIELDS 6.
    let masks: [number, number, number] | null = null;
    if (compression === 3 || compression === 6) {
      if (bpp !== 16 && bpp !== 32) return null;
      // The masks follow a 40-byte header, or sit inside a V4/V5 one at the same place.
      masks = [data.readUInt32LE(54), data.readUInt32LE(58), data.readUInt32LE(62)];
    } else if (compression !== 0) return null;
    if (!masks && bpp === 16) masks = [0x7c00, 0x03e0, 0x001f];
    if (!masks && bpp === 32) masks = [0x00ff0000, 0x0000ff00, 0x000000ff];

    let palette: Buffer | null = null;
    const entry = dib === 12 ? 3 : 4;
    if (bpp === 1 || bpp === 4 || bpp === 8) {
      const count = colours || 1 << bpp;
      const start = 14 + dib + (compression === 3 && dib === 40 ? 12 : 0);
      palette = data.subarray(start, start + count * entry);
    } else if (bpp !== 16 && bpp !== 24 && bpp !== 32) return null;

    const stride = Math.ceil((width * bpp) / 32) * 4;
    if (offset + stride * height > data.length) return null;
    const rgb = Buffer.alloc(width * height * 3);
    const [r, g, b] = (masks ?? [0, 0, 0]).map(maskReader) as [(v: number) => number, (v: number) => number, (v: number) => number];

    for (let y = 0; y < height; y++) {
      const row = offset + (topDown ? y : height - 1 - y) * stride;
      let o = y * width * 3;
      for (let x = 0; x < width; x++, o += 3) {
        if (palette) {
          const bit = x * bpp;
          const byte = data[row + (bit >> 3)]!;
          const index = bpp === 8 ? byte : (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
          const p = index * entry;
          rgb[o] = palette[p + 2] ?? 0;
          rgb[o + 1] = palette[p + 1] ?? 0;
          rgb[o + 2] = palette[p] ?? 0;
        } else if (bpp === 24) {
          const p = row + x * 3;
          rgb[o] = data[p + 2]!;
          rgb[o + 1] = data[p + 1]!;
          rgb[o + 2] = data[p]!;
        } else {
          const v = bpp === 16 ? data.readUInt16LE(row + x * 2) : data.readUInt32LE(row + x * 4);
          rgb[o] = r(v);
          rgb[o + 1] = g(v);
          rgb[o + 2] = b(v);
        }
      }
    }
    return { width, height, rgb };
  } catch {
    return null;
  }
}

/** A 24-bit BMP of RGB pixels: for tests and demos. */
export function encodeBmp(width: number, height: number, rgb: Uint8Array, opts: { topDown?: boolean } = {}): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(opts.topDown ? -height : height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    const row = 54 + (opts.topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      out[row + x * 3] = rgb[i + 2]!;
      out[row + x * 3 + 1] = rgb[i + 1]!;
      out[row + x * 3 + 2] = rgb[i]!;
    }
  }
  return out;
}
