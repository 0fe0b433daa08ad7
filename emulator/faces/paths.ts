// Where the face engine finds face-api's files and keeps its caches.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/@vladmandic/face-api: models in model/, sample photos in demo/. */
export function faceApiDir(): string {
  return path.dirname(require.resolve('@vladmandic/face-api/package.json'));
}

/**
 * node_modules/.cache/nebula-faces-tests: for tests only (testing.ts, the e2e
 * set-up), whose data folders are fresh each time while their pictures (the
 * package's samples, synthetic faces) are the same. Never a device's data:
 * an emulator keeps its caches under --data (README). Delete it at will.
 */
export function testCacheDir(): string {
  return path.join(path.dirname(path.dirname(faceApiDir())), '.cache', 'nebula-faces-tests');
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
