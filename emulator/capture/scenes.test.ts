import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rngFrom } from '../demo/history';
import { randomVariation, varyFace } from './scenes';

async function photo(): Promise<Buffer> {
  // A face-sized picture with structure (a light oval on a dark ground), so the changes show in the pixels.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#335"/><ellipse cx="128" cy="120" rx="70" ry="92" fill="#d9b59a"/><circle cx="100" cy="105" r="9" fill="#222"/><circle cx="156" cy="105" r="9" fill="#222"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toBuffer();
}

describe('capture variation', () => {
  it('is the same for the same seed, and differs from capture to capture', () => {
    const a = Array.from(
      { length: 3 },
      (
        (r) => () =>
          randomVariation(r)
      )(rngFrom(7)),
    );
    const b = Array.from(
      { length: 3 },
      (
        (r) => () =>
          randomVariation(r)
      )(rngFrom(7)),
    );
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(a[1]);
    for (const v of a) {
      expect(Math.abs(v.rotate)).toBeGreaterThanOrEqual(3);
      expect(v.resolution).toBeLessThan(1);
      expect(v.quality).toBeLessThanOrEqual(65);
    }
  });

  it('gives a square picture of the framed face that is not the photo', async () => {
    const src = await photo();
    const v = randomVariation(rngFrom(1));
    const out = await varyFace(src, v);
    const meta = await sharp(out).metadata();
    expect(meta.width).toBe(meta.height);
    expect(meta.width).toBe(Math.round(256 * v.zoom));
    expect(out.equals(src)).toBe(false);
    // Deterministic: the same variation of the same photo is the same picture.
    expect((await varyFace(src, v)).equals(out)).toBe(true);
  });
});
