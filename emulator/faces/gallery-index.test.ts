// The in-memory descriptor matrices behind §5.1, with made-up descriptors
// (no engine): ranking, threshold, freshness, and a 100 000-face library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorContext } from '../context';
import { startTestDevice, type TestDevice } from '../testing';
import { onLibraryFacesChanged } from './changes';
import { blobToFeature, featureToBlob, invalidateLibrary, nearestFaces } from './gallery-index';
import { distanceToSimilarity } from './scoring';

/** A deterministic pseudo-random unit-ish descriptor. */
function descriptor(seed: number): Float32Array {
  const d = new Float32Array(128);
  let x = seed * 2654435761;
  for (let i = 0; i < 128; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    d[i] = (x / 2147483648 - 0.5) * 0.16;
  }
  return d;
}

/** `base` moved by `distance` along one axis. */
function near(base: Float32Array, distance: number): Float32Array {
  const d = Float32Array.from(base);
  d[0] = d[0]! + distance;
  return d;
}

describe('gallery index', () => {
  let dev: TestDevice;
  let ctx: EmulatorContext;
  let insert: (libId: number, imgId: string, d: Float32Array | null) => number;

  function addLibrary(name: string): number {
    return Number(
      ctx.db.prepare("INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, 1, '', '')").run(name).lastInsertRowid,
    );
  }

  beforeAll(async () => {
    dev = await startTestDevice();
    ctx = dev.emulator.ctx;
    const stmt = ctx.db.prepare("INSERT INTO faces(img_id, lib_id, img_path, create_time, feature) VALUES (?, ?, ?, '', ?)");
    insert = (libId, imgId, d) => Number(stmt.run(imgId, libId, `img/${imgId}.jpg`, d ? featureToBlob(d) : null).lastInsertRowid);
  });
  afterAll(() => dev.close());

  it('stores descriptors as 128 little-endian float32', () => {
    const d = descriptor(1);
    const blob = featureToBlob(d);
    expect(blob.byteLength).toBe(512);
    expect(blob.readFloatLE(4)).toBe(d[1]);
    expect(blobToFeature(blob)).toEqual(d);
    expect(blobToFeature(Buffer.alloc(12))).toBeNull();
  });

  it('ranks nearest first over several libraries, with threshold and top k', () => {
    const a = addLibrary('rank a');
    const b = addLibrary('rank b');
    const probe = descriptor(7);
    const s1 = insert(a, 'r1', near(probe, 0.1));
    const s2 = insert(b, 'r2', near(probe, 0.45));
    const s3 = insert(a, 'r3', near(probe, 0.7));
    insert(b, 'r4', descriptor(99));
    insert(a, 'r5', null); // no descriptor: never a candidate

    const top = nearestFaces(ctx, [a, b], probe, 3);
    expect(top.map((n) => n.seq)).toEqual([s1, s2, s3]);
    expect(top.map((n) => n.libId)).toEqual([a, b, a]);
    expect(top[0]!.similarity).toBe(distanceToSimilarity(0.1));
    expect(nearestFaces(ctx, [a, b], probe, 10)).toHaveLength(4);
    expect(nearestFaces(ctx, [a, b], probe, 10, 70).map((n) => n.seq)).toEqual([s1, s2]);
    expect(nearestFaces(ctx, [b], probe, 1).map((n) => n.seq)).toEqual([s2]);
  });

  it('sees inserts and deletes, announced or not', () => {
    const lib = addLibrary('fresh');
    const probe = descriptor(3);
    insert(lib, 'f1', near(probe, 0.5));
    expect(nearestFaces(ctx, [lib], probe, 1)[0]!.distance).toBeCloseTo(0.5, 5);

    // Not announced: the count / max(seq) stamp notices.
    const closer = insert(lib, 'f2', near(probe, 0.2));
    expect(nearestFaces(ctx, [lib], probe, 1)[0]!.seq).toBe(closer);
    ctx.db.prepare('DELETE FROM faces WHERE seq = ?').run(closer);
    expect(nearestFaces(ctx, [lib], probe, 1)[0]!.distance).toBeCloseTo(0.5, 5);

    // Announced (as the library operations do through faces/changes.ts).
    ctx.db.prepare("UPDATE faces SET feature = ? WHERE img_id = 'f1'").run(featureToBlob(near(probe, 0.3)));
    expect(nearestFaces(ctx, [lib], probe, 1)[0]!.distance).toBeCloseTo(0.5, 5); // an in-place change is only seen…
    onLibraryFacesChanged(ctx, lib);
    expect(nearestFaces(ctx, [lib], probe, 1)[0]!.distance).toBeCloseTo(0.3, 5); // …once announced
    invalidateLibrary(ctx, lib);
  });

  it('searches a 100 000-face library in well under a second', () => {
    const lib = addLibrary('big');
    const stmt = ctx.db.prepare("INSERT INTO faces(img_id, lib_id, img_path, create_time, feature) VALUES (?, ?, '', '', ?)");
    const t0 = performance.now();
    ctx.db.transaction(() => {
      for (let i = 0; i < 100_000; i++) stmt.run(`big-${i}`, lib, featureToBlob(descriptor(1000 + i)));
    })();
    const filled = performance.now() - t0;
    const probe = near(descriptor(1000 + 4242), 0.05);

    const t1 = performance.now();
    const first = nearestFaces(ctx, [lib], probe, 50);
    const cold = performance.now() - t1;
    const t2 = performance.now();
    const again = nearestFaces(ctx, [lib], probe, 50);
    const warm = performance.now() - t2;
    // An enrolment appends one row instead of reloading 100 000.
    const added = insert(lib, 'big-new', near(probe, 0.01));
    onLibraryFacesChanged(ctx, lib);
    const t3 = performance.now();
    const withNew = nearestFaces(ctx, [lib], probe, 50);
    const afterEnrol = performance.now() - t3;
    console.log(
      `gallery index: 100 000 faces inserted in ${Math.round(filled)} ms; first search (loads the matrix) ` +
        `${Math.round(cold)} ms, next ${Math.round(warm)} ms, after an enrolment ${Math.round(afterEnrol)} ms`,
    );

    expect(first).toHaveLength(50);
    expect(first[0]!.similarity).toBeGreaterThanOrEqual(98);
    expect(again).toEqual(first);
    expect(withNew[0]!.seq).toBe(added);
    expect(withNew.slice(1)).toEqual(first.slice(0, 49));
  });
});
