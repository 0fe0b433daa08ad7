// Turning an uploaded picture into what the library stores: the type checked by
// name (§3.7 note 1: jpg / jpeg / png / bmp / tif), the content decoded, and a
// JPEG kept, so every img_path is a picture a browser shows (it shows neither
// BMP nor TIFF).
import sharp from 'sharp';
import { IMAGE_EXTENSIONS } from '../../src/api/protocol/limits';
import { Refusal } from './handler';

export const BAD_IMAGE = -1104;

/** The lower-case extension of a file name, or '' if it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export function hasImageExtension(fileName: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

const JPEG_QUALITY = 90;

/**
 * The picture as a JPEG, or Refusal(-1104) when it cannot be decoded. A JPEG
 * that needs no rotation is kept byte for byte (no second lossy pass); any other
 * type, or a JPEG with an EXIF rotation, is decoded and written anew. The type
 * is judged by content once the name passed: a PNG named .jpg is a picture.
 */
export async function toStoredJpeg(data: Buffer): Promise<Buffer> {
  if (isBmp(data)) {
    const raw = decodeBmp(data);
    if (!raw) throw new Refusal(BAD_IMAGE, 'unsupported bmp');
    return sharp(raw.pixels, { raw: { width: raw.width, height: raw.height, channels: 3 } })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
  }
  try {
    const meta = await sharp(data).metadata();
    if (!meta.format || !['jpeg', 'png', 'tiff'].includes(meta.format)) throw new Error(`format ${meta.format}`);
    if (meta.format === 'jpeg' && (meta.orientation ?? 1) === 1) {
      // A truncated JPEG passes metadata(): decode it fully to be sure.
      await sharp(data, { failOn: 'truncated' }).raw().toBuffer();
      return data;
    }
    return await sharp(data, { failOn: 'truncated' }).rotate().flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw new Refusal(BAD_IMAGE, e instanceof Error ? e.message : 'undecodable');
  }
}

function isBmp(data: Buffer): boolean {
  return data.length > 54 && data[0] === 0x42 && data[1] === 0x4d;
}

/**
 * sharp (libvips without ImageMagick) reads no BMP, so the common kinds are read
 * here: uncompressed 24 / 32-bit, 32-bit with bit fields, and 8-bit palettes.
 * Anything else (RLE, 16-bit, 1/4-bit) is refused like a broken picture.
 */
export function decodeBmp(data: Buffer): { width: number; height: number; pixels: Buffer } | null {
  try {
    const offset = data.readUInt32LE(10);
    const dibSize = data.readUInt32LE(14);
    if (dibSize < 40) return null;
    const width = data.readInt32LE(18);
    const rawHeight = data.readInt32LE(22);
    const bpp = data.readUInt16LE(28);
    const compression = data.readUInt32LE(30);
    const height = Math.abs(rawHeight);
    const topDown = rawHeight < 0;
    if (width <= 0 || height === 0 || width * height > 64_000_000) return null;

    let masks: [number, number, number] = [0x00ff0000, 0x0000ff00, 0x000000ff];
    if (compression === 3) {
      if (bpp !== 32) return null;
      // BITFIELDS: the masks follow a 40-byte header, or sit inside a V4/V5 one.
      masks = [data.readUInt32LE(54), data.readUInt32LE(58), data.readUInt32LE(62)];
    } else if (compression !== 0) return null;

    let palette: Buffer | null = null;
    if (bpp === 8) {
      const used = data.readUInt32LE(46) || 256;
      palette = data.subarray(14 + dibSize, 14 + dibSize + used * 4);
    } else if (bpp !== 24 && bpp !== 32) return null;

    const stride = Math.ceil((width * bpp) / 32) * 4;
    if (offset + stride * height > data.length) return null;
    const pixels = Buffer.alloc(width * height * 3);
    const channel = (v: number, mask: number) => {
      const shift = Math.log2(mask & -mask);
      const max = mask >>> shift;
      return Math.round((((v & mask) >>> shift) * 255) / max);
    };
    for (let y = 0; y < height; y++) {
      const row = offset + (topDown ? y : height - 1 - y) * stride;
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 3;
        if (bpp === 8 && palette) {
          const i = data[row + x]! * 4;
          pixels[o] = palette[i + 2] ?? 0;
          pixels[o + 1] = palette[i + 1] ?? 0;
          pixels[o + 2] = palette[i] ?? 0;
        } else if (bpp === 24) {
          const p = row + x * 3;
          pixels[o] = data[p + 2]!;
          pixels[o + 1] = data[p + 1]!;
          pixels[o + 2] = data[p]!;
        } else {
          const v = data.readUInt32LE(row + x * 4);
          pixels[o] = channel(v, masks[0]);
          pixels[o + 1] = channel(v, masks[1]);
          pixels[o + 2] = channel(v, masks[2]);
        }
      }
    }
    return { width, height, pixels };
  } catch {
    return null;
  }
}

/** A 24-bit BMP of raw RGB pixels: for tests and the demo, which need BMP input. */
export function encodeBmp(width: number, height: number, rgb: Buffer): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      out[row + x * 3] = rgb[i + 2]!;
      out[row + x * 3 + 1] = rgb[i + 1]!;
      out[row + x * 3 + 2] = rgb[i]!;
    }
  }
  return out;
}
