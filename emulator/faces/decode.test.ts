import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeBmp, encodeBmp } from './bmp';
import { cropRegion, decodeForInference, openPicture } from './decode';
import { NotAnImageError } from './types';

const W = 7;
const H = 5;
const rgb = Buffer.from(Array.from({ length: W * H * 3 }, (_, i) => (i * 37) % 256));

/** A hand-built BMP: header + rows as given (bottom-up unless height < 0). */
function bmp(opts: { bpp: number; height?: number; compression?: number; dib?: number; extra?: Buffer; rows: Buffer[] }): Buffer {
  const dib = opts.dib ?? 40;
  const extra = opts.extra ?? Buffer.alloc(0);
  const offset = 14 + dib + extra.length;
  const pixels = Buffer.concat(opts.rows);
  const out = Buffer.alloc(offset + pixels.length);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(dib, 14);
  out.writeInt32LE(W, 18);
  out.writeInt32LE(opts.height ?? H, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(opts.bpp, 28);
  out.writeUInt32LE(opts.compression ?? 0, 30);
  extra.copy(out, 14 + dib);
  pixels.copy(out, offset);
  return out;
}

describe('BMP', () => {
  it('reads 24-bit pictures, bottom-up and top-down', () => {
    for (const topDown of [false, true]) {
      const decoded = decodeBmp(encodeBmp(W, H, rgb, { topDown }));
      expect(decoded).toMatchObject({ width: W, height: H });
      expect(decoded?.rgb.equals(rgb)).toBe(true);
    }
  });

  it('reads 32-bit BGRX and 8-bit palette pictures', () => {
    const stride32 = W * 4;
    const rows32 = Array.from({ length: H }, (_, r) => {
      const y = H - 1 - r;
      const row = Buffer.alloc(stride32);
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        row[x * 4] = rgb[i + 2]!;
        row[x * 4 + 1] = rgb[i + 1]!;
        row[x * 4 + 2] = rgb[i]!;
      }
      return row;
    });
    expect(decodeBmp(bmp({ bpp: 32, rows: rows32 }))?.rgb.equals(rgb)).toBe(true);

    // Palette: index i → grey level i * 10; pixel (x, y) uses index x + y.
    const palette = Buffer.alloc(256 * 4);
    for (let i = 0; i < 256; i++) palette.fill(i * 10 > 255 ? 255 : i * 10, i * 4, i * 4 + 3);
    const stride8 = Math.ceil(W / 4) * 4;
    const rows8 = Array.from({ length: H }, (_, r) => {
      const y = H - 1 - r;
      const row = Buffer.alloc(stride8);
      for (let x = 0; x < W; x++) row[x] = x + y;
      return row;
    });
    const grey = decodeBmp(bmp({ bpp: 8, extra: palette, rows: rows8 }));
    expect(grey).not.toBeNull();
    expect([...grey!.rgb.subarray(0, 6)]).toEqual([0, 0, 0, 10, 10, 10]);
    expect(grey!.rgb[((4 * W + 6) * 3) as number]).toBe(100);
  });

  it('refuses RLE and truncated files', () => {
    expect(decodeBmp(bmp({ bpp: 8, compression: 1, rows: [Buffer.alloc(40)] }))).toBeNull();
    expect(decodeBmp(encodeBmp(W, H, rgb).subarray(0, 60))).toBeNull();
  });

  it('is a picture to the engine (sharp reads none)', async () => {
    const file = encodeBmp(W, H, rgb);
    await expect(sharp(file).metadata()).rejects.toThrow();
    expect(await openPicture(file)).toMatchObject({ width: W, height: H });
    const px = await decodeForInference(file, 640);
    expect(Buffer.from(px.rgb).equals(rgb)).toBe(true);
    await expect(openPicture(Buffer.from('BMnot really'))).rejects.toBeInstanceOf(NotAnImageError);
  });

  it('hands the engine 8-bit RGB whatever the PNG (grey, alpha, 16-bit), shrunk to the long side', async () => {
    const grey = await sharp(Buffer.alloc(40 * 20, 200), { raw: { width: 40, height: 20, channels: 1 } })
      .png()
      .toBuffer();
    const alpha = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 1 } } })
      .png()
      .toBuffer();
    const deep = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } })
      .png({ palette: false })
      .toColourspace('rgb16')
      .toBuffer();
    for (const file of [grey, alpha, deep]) {
      const px = await decodeForInference(file, 16);
      expect([px.width, px.height, px.originalWidth, px.originalHeight]).toEqual([16, 8, 40, 20]);
      expect(px.rgb.length).toBe(16 * 8 * 3);
    }
    expect([...(await decodeForInference(grey, 16)).rgb.subarray(0, 3)]).toEqual([200, 200, 200]);
    expect([...(await decodeForInference(alpha, 16)).rgb.subarray(0, 3)]).toEqual([10, 20, 30]);
  });

  it('refuses GIF, SVG and text like a broken picture; reads PNG and TIFF', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .gif()
      .toBuffer();
    await expect(openPicture(gif)).rejects.toBeInstanceOf(NotAnImageError);
    await expect(openPicture(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'))).rejects.toBeInstanceOf(
      NotAnImageError,
    );
    await expect(openPicture(Buffer.from('hello'))).rejects.toBeInstanceOf(NotAnImageError);
    const base = sharp(rgb, { raw: { width: W, height: H, channels: 3 } });
    for (const file of [await base.clone().png().toBuffer(), await base.clone().tiff().toBuffer()]) {
      expect(await openPicture(file)).toMatchObject({ width: W, height: H });
    }
  });

  it('turns pictures upright (EXIF orientation): boxes refer to the picture as shown', async () => {
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await openPicture(rotated)).toMatchObject({ width: 20, height: 40 });
    expect(await decodeForInference(rotated, 640)).toMatchObject({ width: 20, height: 40 });
  });

  it('keeps crops inside the picture', () => {
    const box = { x1: 100, y1: 100, x2: 200, y2: 220 };
    expect(cropRegion(box, 1000, 1000, { margin: 1.5 })).toEqual({ left: 75, top: 70, width: 150, height: 180 });
    expect(cropRegion(box, 1000, 1000, { margin: 2, square: true })).toEqual({ left: 30, top: 40, width: 240, height: 240 });
    // Near the corner the square slides in; in a small picture it shrinks.
    expect(cropRegion({ x1: 0, y1: 0, x2: 100, y2: 100 }, 1000, 1000, { margin: 2, square: true })).toEqual({
      left: 0,
      top: 0,
      width: 200,
      height: 200,
    });
    expect(cropRegion({ x1: 10, y1: 10, x2: 90, y2: 50 }, 100, 60, { margin: 2, square: true })).toEqual({
      left: 20,
      top: 0,
      width: 60,
      height: 60,
    });
  });
});
