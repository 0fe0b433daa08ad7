// The descriptors of each library, held in memory as one Float32Array matrix,
// so a 1:N search (§5.1) over a 100 000-face library is one pass over 51 MB of
// floats (~20 ms) instead of 100 000 BLOBs read from SQLite.
//
// Who keeps it fresh: every change to a library's faces calls
// invalidateLibrary() (faces/changes.ts does it for the library operations).
// As a safety net each search also compares the library's row count and
// highest seq with the cached ones (one index lookup, ~5 ms at 100 000), so an
// insert or delete that forgot to call us is still seen. New faces are
// appended; anything else reloads the library (~0.5-0.9 s at 100 000 faces,
// nearly all of it SQLite handing over the BLOBs).
import os from 'node:os';
import type { EmulatorContext } from '../context';
import { distanceToSimilarity, similarityToMaxDistance } from './scoring';

export const DESCRIPTOR_LENGTH = 128;
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** faces.feature: 128 float32, little-endian. */
export function featureToBlob(descriptor: Float32Array): Buffer {
  const out = Buffer.alloc(DESCRIPTOR_LENGTH * 4);
  for (let i = 0; i < DESCRIPTOR_LENGTH; i++) out.writeFloatLE(descriptor[i] ?? 0, i * 4);
  return out;
}

export function blobToFeature(blob: Uint8Array): Float32Array | null {
  if (blob.byteLength !== DESCRIPTOR_LENGTH * 4) return null;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Float32Array(DESCRIPTOR_LENGTH);
  for (let i = 0; i < DESCRIPTOR_LENGTH; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

interface LibraryMatrix {
  /** faces.seq of each row. */
  seqs: Float64Array;
  /** capacity × 128; the first `rows` rows are live. */
  matrix: Float32Array;
  rows: number;
  /** The library's row count (descriptors or not) and highest seq when last synced. */
  count: number;
  maxSeq: number;
  /** Told of a change: sync before the next search even if the stamp agrees. */
  dirty: boolean;
}

const indexes = new WeakMap<EmulatorContext, Map<number, LibraryMatrix>>();

function cacheOf(ctx: EmulatorContext): Map<number, LibraryMatrix> {
  let cache = indexes.get(ctx);
  if (!cache) {
    cache = new Map();
    indexes.set(ctx, cache);
  }
  return cache;
}

/**
 * Call after a library's faces changed (enrol, delete, library deleted). The
 * next search syncs: new rows only when faces were just added (the common
 * case: an enrolment costs one small query, not a 100 000-row reload), a full
 * reload otherwise.
 */
export function invalidateLibrary(ctx: EmulatorContext, libId: number): void {
  const held = cacheOf(ctx).get(libId);
  if (held) held.dirty = true;
}

type FeatureRow = [seq: number, feature: Buffer | null];

function stampOf(ctx: EmulatorContext, libId: number): { count: number; maxSeq: number } {
  const row = ctx.db
    .prepare<[number], { n: number; m: number | null }>('SELECT count(*) AS n, max(seq) AS m FROM faces WHERE lib_id = ?')
    .get(libId);
  return { count: row?.n ?? 0, maxSeq: row?.m ?? 0 };
}

function featureRows(ctx: EmulatorContext, libId: number, afterSeq: number): FeatureRow[] {
  return ctx.db
    .prepare<[number, number], FeatureRow>('SELECT seq, feature FROM faces WHERE lib_id = ? AND seq > ? ORDER BY seq')
    .raw(true)
    .all(libId, afterSeq);
}

/** Appends rows; the arrays grow with room to spare (1/8, at least 1 024 rows), so enrolments rarely copy. */
function append(m: LibraryMatrix, rows: FeatureRow[]): void {
  const usable = rows.filter(([, f]) => f && f.byteLength === DESCRIPTOR_LENGTH * 4);
  const needed = m.rows + usable.length;
  if (needed > m.seqs.length) {
    const capacity = needed + Math.max(1024, Math.ceil(needed / 8));
    const seqs = new Float64Array(capacity);
    seqs.set(m.seqs.subarray(0, m.rows));
    const matrix = new Float32Array(capacity * DESCRIPTOR_LENGTH);
    matrix.set(m.matrix.subarray(0, m.rows * DESCRIPTOR_LENGTH));
    m.seqs = seqs;
    m.matrix = matrix;
  }
  // On a little-endian machine (x86, ARM) the BLOB's bytes are the floats: copy them whole.
  const bytes = LITTLE_ENDIAN ? new Uint8Array(m.matrix.buffer) : null;
  for (const [seq, feature] of usable) {
    const base = m.rows * DESCRIPTOR_LENGTH;
    if (bytes) bytes.set(feature!, base * 4);
    else m.matrix.set(blobToFeature(feature!)!, base);
    m.seqs[m.rows++] = seq;
  }
}

function matrixOf(ctx: EmulatorContext, libId: number): LibraryMatrix {
  const cache = cacheOf(ctx);
  const stamp = stampOf(ctx, libId);
  const held = cache.get(libId);
  if (held && !held.dirty && held.count === stamp.count && held.maxSeq === stamp.maxSeq) return held;

  if (held && stamp.maxSeq >= held.maxSeq) {
    // Only additions since the last sync? Then the old rows plus the new ones make the count.
    const added = featureRows(ctx, libId, held.maxSeq);
    if (held.count + added.length === stamp.count && (added.length > 0 || !held.dirty)) {
      append(held, added);
      Object.assign(held, { ...stamp, dirty: false });
      return held;
    }
  }
  // Deletions, or a change in place: reload the library.
  const fresh: LibraryMatrix = { seqs: new Float64Array(0), matrix: new Float32Array(0), rows: 0, ...stamp, dirty: false };
  append(fresh, featureRows(ctx, libId, 0));
  cache.set(libId, fresh);
  return fresh;
}

export interface Neighbour {
  seq: number;
  libId: number;
  distance: number;
  similarity: number;
}

/**
 * The `k` faces nearest to `probe` over the given libraries, nearest first,
 * keeping only those whose similarity reaches `threshold`. Since similarity
 * falls as distance grows, "top k, then threshold" and "threshold, then top k"
 * are the same list.
 */
export function nearestFaces(ctx: EmulatorContext, libIds: number[], probe: Float32Array, k: number, threshold = 0): Neighbour[] {
  const maxDistance = similarityToMaxDistance(threshold);
  // Squared distances: the bound a row must beat (the k-th best so far, or the threshold's).
  let bound = maxDistance === Infinity ? Infinity : maxDistance * maxDistance;
  const best: Array<{ d2: number; seq: number; libId: number }> = [];
  const p = Float32Array.from({ length: DESCRIPTOR_LENGTH }, (_, i) => probe[i] ?? 0);

  for (const libId of libIds) {
    const { seqs, matrix, rows } = matrixOf(ctx, libId);
    for (let r = 0; r < rows; r++) {
      const base = r * DESCRIPTOR_LENGTH;
      let d2 = 0;
      // Stop adding once the row cannot make the list: most rows stop early.
      for (let i = 0; i < DESCRIPTOR_LENGTH && d2 <= bound; i += 4) {
        const a = matrix[base + i]! - p[i]!;
        const b = matrix[base + i + 1]! - p[i + 1]!;
        const c = matrix[base + i + 2]! - p[i + 2]!;
        const e = matrix[base + i + 3]! - p[i + 3]!;
        d2 += a * a + b * b + c * c + e * e;
      }
      if (d2 > bound) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.d2 > d2) at--;
      best.splice(at, 0, { d2, seq: seqs[r]!, libId });
      if (best.length > k) best.pop();
      if (best.length === k) bound = Math.min(bound, best[k - 1]!.d2);
    }
  }
  return best
    .map(({ d2, seq, libId }) => {
      const distance = Math.sqrt(d2);
      return { seq, libId, distance, similarity: distanceToSimilarity(distance) };
    })
    .filter((n) => n.similarity >= threshold);
}
