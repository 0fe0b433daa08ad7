// Where the face engine finds face-api's files and keeps its caches.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/@vladmandic/face-api: models in model/, sample photos in demo/. */
export function faceApiDir(): string {
  return path.dirname(require.resolve('@vladmandic/face-api/package.json'));
}

/** node_modules/.cache/nebula-faces: survives data resets, shared by every data folder. */
export function defaultCacheDir(): string {
  return path.join(path.dirname(path.dirname(faceApiDir())), '.cache', 'nebula-faces');
}

/** face-api's demo/sample*.jpg (six group photos), in order. */
export function samplePhotoFiles(): string[] {
  const demo = path.join(faceApiDir(), 'demo');
  return fs
    .readdirSync(demo)
    .filter((f) => /^sample\d+\.jpg$/.test(f))
    .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))
    .map((f) => path.join(demo, f));
}
