// Pictures for the engine and recognition tests: face-api's sample photos,
// face crops cut from them, and pictures with no face.
import fs from 'node:fs';
import sharp from 'sharp';
import { cropFaces } from './decode';
import { samplePhotoFiles } from './paths';
import type { FaceEngine, FoundFace } from './types';

/** sample1.jpg … sample6.jpg (1920 px wide group photos). */
export function samplePhoto(n: number): Buffer {
  const file = samplePhotoFiles()[n - 1];
  if (!file) throw new Error(`no sample${n}.jpg`);
  return fs.readFileSync(file);
}

/** One JPEG per face of a sample photo (largest first), cut with `margin` around the box. */
export async function sampleFaceCrops(engine: FaceEngine, n: number, margin: number): Promise<{ faces: FoundFace[]; crops: Buffer[] }> {
  const photo = samplePhoto(n);
  const { faces } = await engine.analyse(photo);
  const crops = await cropFaces(
    photo,
    faces.map((f) => f.box),
    { margin, square: true, size: 320 },
  );
  return { faces, crops };
}

/** A plain grey picture: decodes fine, shows no face. */
export function blankJpeg(size = 400): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: 128, g: 128, b: 128 } } })
    .jpeg()
    .toBuffer();
}

export const NOT_A_PICTURE = Buffer.from('this is a text file, not a picture\n'.repeat(20));
