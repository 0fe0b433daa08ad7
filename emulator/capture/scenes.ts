// Scene frames for the capture pipeline: 1920×1080 pictures with one to three
// faces from the pool at varied places and sizes, each analysed ONCE by the
// real face engine (0.5 s a picture here) and kept with its crops and data URLs,
// so a capture afterwards costs no inference: only matching, storing, sending.
// A face in a scene is not the enrolment photo itself: a camera sees the person
// framed, turned, lit and focused otherwise, and compresses the frame
// (`varyFace`), so matches score like real ones (80-95), not 95-98.
import sharp from 'sharp';
import { FRAME_HEIGHT_DEFAULT, FRAME_WIDTH_DEFAULT } from '../../src/api/protocol/limits';
import type { FaceAttr } from '../../src/api/protocol/attributes';
import { cropFaces, type Box } from '../faces/decode';
import type { FaceEngine } from '../faces/types';
import { rngFrom } from '../demo/history';

export interface SceneFace {
  box: Box;
  quality: number;
  descriptor: Float32Array;
  attributes: FaceAttr;
  /** The face crop (snap), JPEG, and as a data URL for the push. */
  crop: Buffer;
  cropUrl: string;
}

export interface Scene {
  id: string;
  width: number;
  height: number;
  frame: Buffer;
  frameUrl: string;
  faces: SceneFace[];
}

export const dataUrl = (jpeg: Buffer): string => `data:image/jpeg;base64,${jpeg.toString('base64')}`;

export interface Placement {
  face: Buffer;
  left: number;
  top: number;
  size: number;
}

/** How a camera sees a face otherwise than its enrolment photo. */
export interface Variation {
  /** Part of the photo kept around the face (1 = all), and where its centre moves (fractions of the side). */
  zoom: number;
  shiftX: number;
  shiftY: number;
  /** Head roll, degrees. */
  rotate: number;
  /** Light: brightness and saturation factors, contrast slope. */
  brightness: number;
  saturation: number;
  contrast: number;
  /** Out of focus or moving: Gaussian sigma in px (0: sharp). */
  blur: number;
  /** The camera's resolution on the face: seen at this share of its side, then scaled up. */
  resolution: number;
  /** The camera's JPEG quality. */
  quality: number;
}

/**
 * A capture's variation, from a seeded random source: the ranges are chosen so
 * that a capture of an enrolled person still mostly matches at the demo's
 * thresholds (86-88) while scores spread over about 80-96.
 */
export function randomVariation(rand: () => number): Variation {
  const between = (a: number, b: number) => a + rand() * (b - a);
  const sign = () => (rand() < 0.5 ? -1 : 1);
  // Every capture differs in each way a little; none in all ways a lot (that is a different person to the engine).
  return {
    zoom: between(0.8, 0.94),
    shiftX: between(-0.04, 0.04),
    shiftY: between(-0.04, 0.04),
    rotate: sign() * between(3, 9),
    brightness: between(0.8, 1.2),
    saturation: between(0.7, 1.15),
    contrast: between(0.85, 1.15),
    blur: between(0.5, 1.3),
    resolution: between(0.5, 0.8),
    quality: Math.round(between(35, 65)),
  };
}

/** The face photo as a camera would see it: reframed, rolled, lit, blurred, at lower resolution, recompressed. */
export async function varyFace(photo: Buffer, v: Variation): Promise<Buffer> {
  const meta = await sharp(photo).metadata();
  const w = meta.width ?? 256;
  const h = meta.height ?? 256;
  const side = Math.max(16, Math.round(Math.min(w, h) * v.zoom));
  const left = Math.round(Math.min(w - side, Math.max(0, (w - side) / 2 + v.shiftX * w)));
  const top = Math.round(Math.min(h - side, Math.max(0, (h - side) / 2 + v.shiftY * h)));
  const low = Math.max(24, Math.round(side * v.resolution));
  // The rolled square keeps its side: the corners the turn uncovers take the photo's mean colour.
  const stats = await sharp(photo).stats();
  const [r, g, b] = stats.channels.map((c) => Math.round(c.mean));
  const rolled = await sharp(photo)
    .extract({ left, top, width: side, height: side })
    .rotate(v.rotate, { background: { r: r ?? 128, g: g ?? 128, b: b ?? 128 } })
    .toBuffer({ resolveWithObject: true });
  const inset = Math.round((rolled.info.width - side) / 2);
  let img = sharp(rolled.data)
    .extract({ left: inset, top: inset, width: side, height: side })
    .modulate({ brightness: v.brightness, saturation: v.saturation })
    .linear(v.contrast, 128 * (1 - v.contrast))
    .resize(low, low);
  if (v.blur > 0) img = img.blur(Math.max(0.3, v.blur));
  const seen = await img.jpeg({ quality: v.quality }).toBuffer();
  return sharp(seen).resize(side, side).jpeg({ quality: 92 }).toBuffer();
}

/** Composes a frame: a soft two-colour background and the faces at their places. */
export async function composeFrame(
  placements: Placement[],
  width = FRAME_WIDTH_DEFAULT,
  height = FRAME_HEIGHT_DEFAULT,
  hue = 210,
): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="hsl(${hue},25%,70%)"/><stop offset="1" stop-color="hsl(${hue},20%,35%)"/>` +
      `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
      `<rect y="${Math.round(height * 0.82)}" width="100%" height="${Math.round(height * 0.18)}" fill="hsl(${hue},10%,25%)"/></svg>`,
  );
  const layers = await Promise.all(
    placements.map(async (p) => ({
      input: await sharp(p.face).resize(p.size, p.size).toBuffer(),
      left: Math.round(p.left),
      top: Math.round(p.top),
    })),
  );
  return sharp(svg).composite(layers).jpeg({ quality: 80 }).toBuffer();
}

/** Analyses a frame once and cuts every face's crops. */
export async function sceneFromFrame(engine: FaceEngine, id: string, frame: Buffer): Promise<Scene> {
  const analysis = await engine.analyse(frame);
  const boxes = analysis.faces.map((f) => f.box);
  const crops = await cropFaces(frame, boxes, { margin: 1.4, square: true, size: 192, quality: 85 });
  return {
    id,
    width: analysis.width,
    height: analysis.height,
    frame,
    frameUrl: dataUrl(frame),
    faces: analysis.faces.map((f, i) => ({
      box: f.box,
      quality: f.quality,
      descriptor: f.descriptor,
      attributes: f.attributes,
      crop: crops[i]!,
      cropUrl: dataUrl(crops[i]!),
    })),
  };
}

/**
 * `count` scenes from the pool: 1-3 faces each, 180-460 px wide (inside the
 * default face-size window 60..1000), spread over the frame. Scenes where the
 * engine finds no face are left out.
 */
export async function buildScenes(
  engine: FaceEngine,
  pool: ReadonlyArray<{ id: string; jpeg: Buffer }>,
  count: number,
  opts: {
    /** Told where each pool face went (the score spread measure uses it). */
    onPlaced?: (sceneId: string, poolId: string, placement: Omit<Placement, 'face'>) => void;
    /** false: the enrolment photos as they are (to compare). */
    vary?: boolean;
  } = {},
): Promise<Scene[]> {
  if (pool.length === 0) return [];
  const rand = rngFrom(20201123);
  // Its own stream, so the scenes' layout stays what it was.
  const varied = rngFrom(20261206);
  const scenes: Scene[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * 3);
    const placements: Placement[] = [];
    const ids: string[] = [];
    for (let k = 0; k < n; k++) {
      const size = Math.round(180 + rand() * 280);
      // Each face in its own third of the frame, so faces do not overlap.
      const slot = FRAME_WIDTH_DEFAULT / n;
      const source = pool[Math.floor(rand() * pool.length)]!;
      ids.push(source.id);
      placements.push({
        face: opts.vary === false ? source.jpeg : await varyFace(source.jpeg, randomVariation(varied)),
        size,
        left: slot * k + rand() * Math.max(0, slot - size),
        top: 80 + rand() * (FRAME_HEIGHT_DEFAULT - 160 - size),
      });
    }
    const frame = await composeFrame(placements, FRAME_WIDTH_DEFAULT, FRAME_HEIGHT_DEFAULT, Math.round(rand() * 360));
    const scene = await sceneFromFrame(engine, `scene-${i}`, frame);
    placements.forEach((p, k) => opts.onPlaced?.(scene.id, ids[k]!, { left: p.left, top: p.top, size: p.size }));
    if (scene.faces.length > 0) scenes.push(scene);
  }
  return scenes;
}
