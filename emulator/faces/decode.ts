// Pictures in, pixels out: the one place that decides what counts as a picture
// (§3.7 note 1: jpg, jpeg, png, bmp, tif) for the engine, the crops of §3.26
// and the face pool. Decoding runs on libvips' threads (sharp) or, for BMP, in
// a short synchronous loop; neither holds the event loop for long.
import sharp, { type Metadata, type Sharp } from 'sharp';
import { PICTURE_MAX_PIXELS, PICTURE_MAX_SIDE } from '../../src/api/protocol/limits';
import { decodeBmp, isBmp } from './bmp';
import { NotAnImageError } from './types';

/**
 * The types the device takes, judged by content. sharp would also read GIF,
 * WebP, SVG, PDF…: those are refused like a broken picture, as the device does.
 */
const ACCEPTED = new Set(['jpeg', 'png', 'tiff']);

export interface OpenedPicture {
  /** A fresh pipeline per call, already turned upright (EXIF orientation). */
  pipeline(): Sharp;
  /** Upright size: the pixels every box refers to. */
  width: number;
  height: number;
}

/**
 * A size some camera or phone produces. Checked on the header before any
 * decode: a 250 KB PNG may declare 16000 × 16000 pixels (a gigabyte once
 * decoded), and is refused like a picture that cannot be read (-1104).
 */
export function isPlausibleSize(width: number, height: number): boolean {
  return width > 0 && height > 0 && width <= PICTURE_MAX_SIDE && height <= PICTURE_MAX_SIDE && width * height <= PICTURE_MAX_PIXELS;
}

/** sharp on a picture whose header passed isPlausibleSize; libvips refuses past the same pixels anyway. */
export const sharpOf = (bytes: Uint8Array, failOn?: 'truncated') =>
  sharp(bytes, { limitInputPixels: PICTURE_MAX_PIXELS, ...(failOn ? { failOn } : {}) });

/** Reads a picture's header; throws NotAnImageError for anything the device would refuse. */
export async function openPicture(bytes: Uint8Array): Promise<OpenedPicture> {
  if (isBmp(bytes)) {
    // decodeBmp reads the header's size first and refuses past PICTURE_MAX_PIXELS.
    const bmp = decodeBmp(bytes);
    if (!bmp) throw new NotAnImageError();
    const raw = { width: bmp.width, height: bmp.height, channels: 3 as const };
    return { width: bmp.width, height: bmp.height, pipeline: () => sharp(bmp.rgb, { raw }) };
  }
  let meta: Metadata;
  try {
    meta = await sharpOf(bytes).metadata();
  } catch {
    throw new NotAnImageError();
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) throw new NotAnImageError();
  if (!isPlausibleSize(meta.width, meta.height)) throw new NotAnImageError();
  // Orientations 5-8 swap the sides; boxes are given in the upright picture, as a browser shows it.
  const swap = (meta.orientation ?? 1) >= 5;
  return {
    width: swap ? meta.height : meta.width,
    height: swap ? meta.width : meta.height,
    pipeline: () => sharpOf(bytes).rotate(),
  };
}

export interface InferencePixels {
  /** RGB, top row first. */
  rgb: Uint8Array;
  width: number;
  height: number;
  /** The upright picture's size; a box × (original / inference) lands in its pixels. */
  originalWidth: number;
  originalHeight: number;
}

/**
 * The picture shrunk to at most `maxSide` on its long side, as 8-bit RGB.
 * A truncated or corrupt file fails here (sharp's default failOn 'warning'):
 * the device calls that a broken picture (-1104).
 */
export async function decodeForInference(bytes: Uint8Array, maxSide: number): Promise<InferencePixels> {
  const pic = await openPicture(bytes);
  try {
    const { data, info } = await pic
      .pipeline()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return {
      rgb: toRgb(data, info.width * info.height, info.channels),
      width: info.width,
      height: info.height,
      originalWidth: pic.width,
      originalHeight: pic.height,
    };
  } catch {
    throw new NotAnImageError();
  }
}

/** Whatever channel count libvips hands back (grey, grey+alpha, RGBA), as RGB. */
function toRgb(data: Buffer, pixels: number, channels: number): Uint8Array {
  if (channels === 3) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const s = i * channels;
    const grey = channels < 3;
    rgb[i * 3] = data[s]!;
    rgb[i * 3 + 1] = data[grey ? s : s + 1]!;
    rgb[i * 3 + 2] = data[grey ? s : s + 2]!;
  }
  return rgb;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface CropOptions {
  /** The crop's side over the box's long side: 1 is the box itself. */
  margin?: number;
  /** Square crop (centred on the box), as the face pool wants; else the box's own aspect. */
  square?: boolean;
  /** Resize the crop so its long side is this many pixels. */
  size?: number;
  quality?: number;
}

/**
 * The region around a face, kept inside the picture: a square crop that would
 * leave the picture is slid back in, and shrunk only if the picture is smaller.
 */
export function cropRegion(
  box: Box,
  width: number,
  height: number,
  opts: CropOptions = {},
): { left: number; top: number; width: number; height: number } {
  const margin = opts.margin ?? 1;
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  let w = (box.x2 - box.x1) * margin;
  let h = (box.y2 - box.y1) * margin;
  if (opts.square) w = h = Math.max(w, h);
  w = Math.max(1, Math.min(width, Math.round(w)));
  h = Math.max(1, Math.min(height, Math.round(h)));
  if (opts.square) w = h = Math.min(w, h);
  const left = Math.min(Math.max(0, Math.round(cx - w / 2)), width - w);
  const top = Math.min(Math.max(0, Math.round(cy - h / 2)), height - h);
  return { left, top, width: w, height: h };
}

/** One JPEG per box, from one decode of the picture. */
export async function cropFaces(bytes: Uint8Array, boxes: Box[], opts: CropOptions = {}): Promise<Buffer[]> {
  if (boxes.length === 0) return [];
  const pic = await openPicture(bytes);
  // Decode once to raw pixels, then cut each crop from those.
  const { data, info } = await pic.pipeline().toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return Promise.all(
    boxes.map((box) => {
      let img = sharp(data, { raw }).extract(cropRegion(box, info.width, info.height, opts));
      if (opts.size) img = img.resize({ width: opts.size, height: opts.size, fit: 'inside' });
      return img
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: opts.quality ?? 90 })
        .toBuffer();
    }),
  );
}
