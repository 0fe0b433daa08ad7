// For the library and face tests: a stand-in face engine and pictures made on
// the spot. The stub finds one face in any picture sharp decodes, none in a
// blank (single-colour) one, and a poor one in a picture narrower than 100 px.
import crypto from 'node:crypto';
import sharp, { type Metadata, type Stats } from 'sharp';
import type { Analysis, FaceEngine } from '../faces/types';
import { NotAnImageError } from '../faces/types';
import { encodeBmp } from '../faces/bmp';

export const SMALL_WIDTH = 64;

function descriptorOf(bytes: Uint8Array): Float32Array {
  const d = new Float32Array(128);
  let block = crypto.createHash('sha256').update(bytes).digest();
  for (let i = 0; i < 128; i++) {
    if (i % 32 === 0 && i > 0) block = crypto.createHash('sha256').update(block).digest();
    d[i] = (block[i % 32]! - 128) / 1280;
  }
  return d;
}

export function stubEngine(): FaceEngine & { calls: number } {
  const engine = {
    calls: 0,
    async analyse(image: Uint8Array): Promise<Analysis> {
      engine.calls++;
      let stats: Stats;
      let meta: Metadata;
      try {
        meta = await sharp(image).metadata();
        stats = await sharp(image).stats();
      } catch {
        throw new NotAnImageError();
      }
      const width = meta.width ?? 0;
      const height = meta.height ?? 0;
      if (stats.channels.every((c) => c.stdev < 1)) return { width, height, faces: [] };
      return {
        width,
        height,
        faces: [
          {
            box: { x1: 0, y1: 0, x2: width, y2: height },
            quality: width < 100 ? 10 : 90,
            descriptor: descriptorOf(image),
            attributes: {
              st_age: 'st_adult',
              mustache_style: 'mustache_style_type_none',
              respirator_color: 'color_type_none',
              glass_style: 'glasses_style_type_none',
              gender_code: image[image.length - 3]! % 2 ? 'male' : 'female',
              st_expression: 'st_calm',
              cap_style: 'hat_style_type_none',
              st_age_value: '30.000000',
            },
          },
        ],
      };
    },
    similarity: () => 0,
    ready: async () => {},
    close: async () => {},
  };
  return engine;
}

function noise(seed: number, width: number, height: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < rgb.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    rgb[i] = x & 0xff;
  }
  return rgb;
}

export type PictureFormat = 'jpeg' | 'png' | 'tiff' | 'bmp';

/** A picture the stub sees a face in; a different seed gives different bytes. */
export async function facePicture(seed: number, format: PictureFormat = 'jpeg', width = 160): Promise<Buffer> {
  const height = width;
  const rgb = noise(seed, width, height);
  if (format === 'bmp') return encodeBmp(width, height, rgb);
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** One colour: no face. */
export async function blankPicture(format: PictureFormat = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width: 160, height: 160, channels: 3, background: '#808080' } })
    .toFormat(format === 'bmp' ? 'png' : format)
    .toBuffer();
}

export function file(data: Buffer, name: string): File {
  return new File([new Uint8Array(data)], name);
}
