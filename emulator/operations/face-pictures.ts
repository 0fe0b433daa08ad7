// Turning an uploaded picture into what the library stores: the type checked by
// name (§3.7 note 1: jpg / jpeg / png / bmp / tif), the content decoded, and a
// JPEG kept, so every img_path is a picture a browser shows (it shows neither
// BMP nor TIFF).
import sharp from 'sharp';
import { IMAGE_EXTENSIONS } from '../../src/api/protocol/limits';
import { decodeBmp, isBmp } from '../faces/bmp';
import { isPlausibleSize, sharpOf } from '../faces/decode';
import { Refusal } from './handler';
import { ErrorCode } from '../../src/api/protocol/error-codes';

const { BAD_IMAGE } = ErrorCode;

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
    // sharp reads no BMP: the engine's reader (faces/bmp.ts) does.
    return sharp(raw.rgb, { raw: { width: raw.width, height: raw.height, channels: 3 } })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
  }
  try {
    const meta = await sharpOf(data).metadata();
    if (!meta.format || !['jpeg', 'png', 'tiff'].includes(meta.format)) throw new Error(`format ${meta.format}`);
    if (!isPlausibleSize(meta.width ?? 0, meta.height ?? 0)) throw new Error(`${meta.width} × ${meta.height} pixels`);
    if (meta.format === 'jpeg' && (meta.orientation ?? 1) === 1) {
      // A truncated JPEG passes metadata(): decode it fully to be sure.
      await sharpOf(data, 'truncated').raw().toBuffer();
      return data;
    }
    return await sharpOf(data, 'truncated').rotate().flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw new Refusal(BAD_IMAGE, e instanceof Error ? e.message : 'undecodable');
  }
}
