// Faces for the demo people and the capture pipeline: one square JPEG per face
// found in the user's photos (--faces DIR) or, by default, in face-api's own
// sample photos (6 group pictures). Cropping costs the engine once per source
// picture and machine: crops and their list are kept in a cache folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS } from '../../src/api/protocol/limits';
import { cropFaces } from './decode';
import { samplePhotoFiles } from './paths';
import { ENROL_QUALITY_MIN, NotAnImageError, type FaceEngine } from './types';

export interface PoolFace {
  /** Stable over runs: "<file name>-<n>" (n counts the kept faces of that picture). */
  id: string;
  jpeg: Buffer;
  /** The picture it was cut from. */
  source: string;
}

export interface ScenePhoto {
  id: string;
  jpeg: Buffer;
  source: string;
}

/** Crop side over the face box's long side: forehead, chin and some background, as an ID photo. */
export const POOL_MARGIN = 1.6;
export const POOL_SIZE = 256;
/** Bumped when the cropping rules change, so old crops are cut again. */
const POOL_VERSION = 'pool-2';

export { samplePhotoFiles };

/** The whole sample photos, as scene frames for the capture pipeline. */
export function loadScenePhotos(): ScenePhoto[] {
  return samplePhotoFiles().map((file) => ({
    id: path.basename(file, path.extname(file)),
    jpeg: fs.readFileSync(file),
    source: file,
  }));
}

function pictureFiles(dir: string): string[] {
  const types = new Set<string>(IMAGE_EXTENSIONS);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && types.has(path.extname(e.name).slice(1).toLowerCase()))
    .map((e) => path.join(dir, e.name))
    .sort();
}

interface CachedSource {
  v: string;
  crops: string[];
}

export interface FacePoolOptions {
  cacheDir?: string;
  log?: (message: string) => void;
}

/**
 * Every usable face of every picture: from `facesDir` when given (jpg, jpeg,
 * png, bmp, tif; a group photo gives several faces), else from face-api's
 * samples. A face is kept when its crop, analysed again, still shows it as the
 * main face with enrolment quality (≥ ENROL_QUALITY_MIN), so the demo can
 * enrol every pool face.
 */
export async function loadFacePool(engine: FaceEngine, facesDir?: string, opts: FacePoolOptions = {}): Promise<PoolFace[]> {
  const files = facesDir ? pictureFiles(facesDir) : samplePhotoFiles();
  const cacheDir = opts.cacheDir ? path.join(opts.cacheDir, 'pool') : null;
  const pool: PoolFace[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const key = crypto.createHash('sha1').update(bytes).digest('hex');
    const crops = await sourceCrops(engine, bytes, key, cacheDir, opts.log);
    const stem = path.basename(file, path.extname(file));
    crops.forEach((jpeg, i) => pool.push({ id: `${stem}-${i}`, jpeg, source: file }));
  }
  return pool;
}

async function sourceCrops(
  engine: FaceEngine,
  bytes: Buffer,
  key: string,
  cacheDir: string | null,
  log?: (m: string) => void,
): Promise<Buffer[]> {
  const index = cacheDir ? path.join(cacheDir, `${key}.json`) : null;
  try {
    const cached = index ? (JSON.parse(fs.readFileSync(index, 'utf8')) as CachedSource) : null;
    if (cacheDir && cached?.v === POOL_VERSION) return cached.crops.map((f) => fs.readFileSync(path.join(cacheDir, f)));
  } catch {
    // Not cached yet (or a partial cache): cut them again.
  }

  let boxes;
  try {
    boxes = (await engine.analyse(bytes)).faces.filter((f) => f.quality >= ENROL_QUALITY_MIN).map((f) => f.box);
  } catch (e) {
    if (!(e instanceof NotAnImageError)) throw e;
    log?.(`face pool: skipped a file that is no picture (${key})`);
    return [];
  }
  const cut = await cropFaces(bytes, boxes, { margin: POOL_MARGIN, square: true, size: POOL_SIZE, quality: 90 });
  const kept: Buffer[] = [];
  for (const jpeg of cut) {
    const again = await engine.analyse(jpeg);
    const main = again.faces[0];
    if (main && main.quality >= ENROL_QUALITY_MIN) kept.push(jpeg);
  }

  if (!cacheDir || !index) return kept;
  fs.mkdirSync(cacheDir, { recursive: true });
  const names = kept.map((jpeg, i) => {
    const name = `${key}-${i}.jpg`;
    fs.writeFileSync(path.join(cacheDir, name), jpeg);
    return name;
  });
  const cached: CachedSource = { v: POOL_VERSION, crops: names };
  fs.writeFileSync(index, JSON.stringify(cached));
  return kept;
}
