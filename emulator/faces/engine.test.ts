// The real engine (face-api on WASM) on face-api's sample photos. One engine
// for the file, with no disk cache, so every first look really runs the models.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_ATTR_VALUES } from '../../src/api/protocol/attributes';
import { encodeBmp } from './bmp';
import { createFaceEngine, pruneCache, type RealFaceEngine } from './engine';
import { blankJpeg, NOT_A_PICTURE, sampleFaceCrops, samplePhoto } from './fixtures';
import { NotAnImageError } from './types';

describe('face engine (face-api, WASM, worker thread)', () => {
  let engine: RealFaceEngine;
  beforeAll(async () => {
    engine = createFaceEngine({ cacheDir: false });
    expect(engine.stats().loadMs).toBeUndefined(); // lazy: nothing loaded yet
    await engine.ready();
  });
  afterAll(() => engine.close());

  it('finds every face of a group photo, largest first, in the original pixels', async () => {
    const { width, height, faces } = await engine.analyse(samplePhoto(1));
    expect([width, height]).toEqual([1920, 1280]);
    expect(faces).toHaveLength(3);
    const areas = faces.map(({ box }) => (box.x2 - box.x1) * (box.y2 - box.y1));
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
    for (const face of faces) {
      expect(face.box.x1).toBeGreaterThanOrEqual(0);
      expect(face.box.x2).toBeLessThanOrEqual(width);
      expect(face.box.y2).toBeLessThanOrEqual(height);
      // 1920 px picture, 150-250 px faces: the boxes were mapped back from the 640 px one.
      expect(face.box.x2 - face.box.x1).toBeGreaterThan(120);
      expect(face.quality).toBeGreaterThanOrEqual(90);
      expect(face.descriptor).toBeInstanceOf(Float32Array);
      expect(face.descriptor).toHaveLength(128);
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        expect(values as readonly string[]).toContain(face.attributes[key as keyof typeof face.attributes]);
      }
      expect(face.attributes.gender_code).toBe('female');
    }
  });

  it('never runs the same picture twice', async () => {
    const photo = samplePhoto(1);
    const before = engine.stats();
    const again = await engine.analyse(Buffer.from(photo));
    expect(engine.stats().inferences).toBe(before.inferences);
    expect(engine.stats().cacheHits).toBe(before.cacheHits + 1);
    expect(again.faces).toHaveLength(3);
  });

  it('scores the same face in two crops far above two different people', async () => {
    const tight = await sampleFaceCrops(engine, 1, 1.6);
    const loose = await sampleFaceCrops(engine, 1, 2.2);
    const [a1, b1] = await Promise.all(tight.crops.slice(0, 2).map((c) => engine.analyse(c)));
    const [a2] = await Promise.all(loose.crops.slice(0, 1).map((c) => engine.analyse(c)));
    const same = engine.similarity(a1!.faces[0]!.descriptor, a2!.faces[0]!.descriptor);
    const different = engine.similarity(a1!.faces[0]!.descriptor, b1!.faces[0]!.descriptor);
    expect(engine.similarity(a1!.faces[0]!.descriptor, a1!.faces[0]!.descriptor)).toBe(100);
    expect(same).toBeGreaterThanOrEqual(85);
    expect(different).toBeLessThan(same - 15);
  });

  it('reads BMP and PNG pictures too', async () => {
    const [crop] = (await sampleFaceCrops(engine, 1, 1.6)).crops;
    const { data, info } = await sharp(crop).raw().toBuffer({ resolveWithObject: true });
    const bmp = await engine.analyse(encodeBmp(info.width, info.height, data));
    const png = await engine.analyse(await sharp(crop).png().toBuffer());
    expect(bmp.faces.length).toBeGreaterThanOrEqual(1);
    expect(engine.similarity(bmp.faces[0]!.descriptor, png.faces[0]!.descriptor)).toBeGreaterThanOrEqual(95);
  });

  it('throws NotAnImageError for what is no picture, and finds no face in a blank one', async () => {
    await expect(engine.analyse(NOT_A_PICTURE)).rejects.toBeInstanceOf(NotAnImageError);
    const blank = await engine.analyse(await blankJpeg());
    expect(blank).toMatchObject({ width: 400, height: 400, faces: [] });
  });

  it('keeps inference off the event loop', async () => {
    const photo = samplePhoto(3);
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    const { faces } = await engine.analyse(photo);
    const took = performance.now() - t0;
    clearInterval(timer);
    expect(faces.length).toBeGreaterThanOrEqual(2);
    // On the loop, the picture would have held it for all `took` ms; off it, the
    // loop only waits for decoding and scheduling (a loaded machine included).
    expect(took).toBeGreaterThan(200);
    expect(worst).toBeLessThan(took / 2);
  });

  it('reports its figures', () => {
    const s = engine.stats();
    console.log(
      `face engine: load ${Math.round(s.loadMs ?? 0)} ms, warm-up ${Math.round(s.warmupMs ?? 0)} ms, ` +
        `last inference ${Math.round(s.lastInferenceMs ?? 0)} ms, ${s.inferences} inferences, ${s.cacheHits} cache hits, ` +
        `rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
    expect(s.loadMs).toBeGreaterThan(0);
  });

  it('keeps its disk cache bounded (the oldest go first), and forgets it on a reset', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-engine-cache-'));
    const files = () =>
      fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => String(f).endsWith('.json'))
        .map(String)
        .sort();
    for (let i = 0; i < 10; i++) {
      const file = path.join(dir, `0${i}`, `${i}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '{}');
      fs.utimesSync(file, 1000 + i, 1000 + i);
    }
    expect(pruneCache(dir, 5)).toBe(4);
    expect(files()).toEqual(['06/6.json', '07/7.json', '08/8.json', '09/9.json']);
    const cached = createFaceEngine({ cacheDir: dir });
    cached.clearCache();
    expect(fs.existsSync(dir)).toBe(false);
    await cached.close();
    // Without a folder, memory only: nothing under node_modules, nothing anywhere.
    expect(createFaceEngine().cacheDir).toBeNull();
  });

  it('an emulator keeps the analyses under its data folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-engine-data-'));
    const { startEmulator } = await import('../index');
    const emulator = await startEmulator({ port: 0, dataDir, quiet: true, rate: 0 });
    expect((emulator.ctx.engine as RealFaceEngine).cacheDir).toBe(path.join(dataDir, 'cache', 'analyses'));
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses work once closed', async () => {
    const other = createFaceEngine({ cacheDir: false });
    await other.close();
    await expect(other.analyse(samplePhoto(2))).rejects.toThrow(/closed/);
  });
});
