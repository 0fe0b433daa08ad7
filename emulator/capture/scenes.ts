// Scene frames for the capture pipeline: 1920×1080 pictures with one to three
// faces from the pool at varied places and sizes, each analysed ONCE by the
// real face engine (0.5 s a picture here) and kept with its crops and data URLs,
// so a capture afterwards costs no inference: only matching, storing, sending.
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

/** Composes a frame: a soft two-colour background and the faces at their places. */
export async function composeFrame(placements: Placement[], width = FRAME_WIDTH_DEFAULT, height = FRAME_HEIGHT_DEFAULT, hue = 210): Promise<Buffer> {
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
export async function buildScenes(engine: FaceEngine, pool: ReadonlyArray<{ id: string; jpeg: Buffer }>, count: number): Promise<Scene[]> {
  if (pool.length === 0) return [];
  const rand = rngFrom(20201123);
  const scenes: Scene[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * 3);
    const placements: Placement[] = [];
    for (let k = 0; k < n; k++) {
      const size = Math.round(180 + rand() * 280);
      // Each face in its own third of the frame, so faces do not overlap.
      const slot = FRAME_WIDTH_DEFAULT / n;
      placements.push({
        face: pool[Math.floor(rand() * pool.length)]!.jpeg,
        size,
        left: slot * k + rand() * Math.max(0, slot - size),
        top: 80 + rand() * (FRAME_HEIGHT_DEFAULT - 160 - size),
      });
    }
    const frame = await composeFrame(placements, FRAME_WIDTH_DEFAULT, FRAME_HEIGHT_DEFAULT, Math.round(rand() * 360));
    const scene = await sceneFromFrame(engine, `scene-${i}`, frame);
    if (scene.faces.length > 0) scenes.push(scene);
  }
  return scenes;
}
