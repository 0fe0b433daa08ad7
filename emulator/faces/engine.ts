// The real face engine: face-api's models on TensorFlow.js' WASM backend, in
// one worker thread (worker.ts), behind a cache keyed by the picture's sha1.
//
// - Lazy: no thread, no model, no memory until the first analyse() / ready().
//   An emulator whose tests never touch a face pays nothing.
// - One job at a time in the worker; the same bytes are never run twice (an
//   in-memory LRU, optionally a disk cache, and in-flight requests shared).
// - Pictures are decoded here with sharp (BMP by bmp.ts), shrunk to at most
//   `maxSide` pixels on the long side, and boxes mapped back to the original.
// - similarity() is documented in scoring.ts (distanceToSimilarity).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeForInference } from './decode';
import { samplePhotoFiles } from './paths';
import { distanceToSimilarity, euclidean, faceAttributes, faceQuality } from './scoring';
import type { Analysis, FaceEngine, FoundFace } from './types';
import type { RawFace, WorkerJob, WorkerReply } from './worker';

export interface FaceEngineOptions {
  /** The long side (px) the models see. 640 by default: ~0.5 s a picture on this class of machine. */
  maxSide?: number;
  /** Analyses kept in memory (LRU). */
  cacheSize?: number;
  /**
   * Also keep analyses on disk here (one small JSON per sha1), so a restart
   * does not rerun the same pictures (the demo enrols the same pool faces
   * every time). The emulator passes <data>/cache/analyses: analyses hold
   * descriptors of enrolled people, so they live and go with the data.
   * Default (and false): memory only.
   */
  cacheDir?: string | false;
  /** Analyses kept on disk at most; past it the oldest fifth goes. */
  cacheMaxFiles?: number;
  /** Load and warm-up figures, and worker failures. */
  log?: (message: string) => void;
}

/** Figures measured by the engine itself (ms), for logs and the report. */
export interface EngineStats {
  loadMs?: number;
  warmupMs?: number;
  /** Worker-side time of the last inference. */
  lastInferenceMs?: number;
  inferences: number;
  cacheHits: number;
}

export interface RealFaceEngine extends FaceEngine {
  stats(): EngineStats;
  /** Where analyses are kept on disk, or null (memory only). */
  readonly cacheDir: string | null;
  clearCache(): void;
}

/**
 * Bumped when a formula or the model options change, so disk-cached analyses
 * of an older engine are not reused.
 */
const ENGINE_VERSION = 'face-api-1.7.15/ssd0.5/pad0.25/q1';

/** ~2 KB a file: 20 000 analyses are ~40 MB, a demo store's worth several times over. */
export const DISK_CACHE_MAX_FILES = 20_000;

function cacheFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** Removes the oldest fifth of the disk cache; answers how many files are left. */
export function pruneCache(dir: string, max: number): number {
  const files = cacheFiles(dir);
  if (files.length <= max) return files.length;
  const aged = files.map((f) => {
    try {
      return { f, t: fs.statSync(f).mtimeMs };
    } catch {
      return { f, t: 0 };
    }
  });
  aged.sort((a, b) => a.t - b.t);
  const drop = files.length - Math.floor(max * 0.8);
  for (const { f } of aged.slice(0, drop)) fs.rmSync(f, { force: true });
  return files.length - drop;
}

interface PendingJob {
  resolve(reply: WorkerReply & { ok: true }): void;
  reject(e: Error): void;
}

/** The disk form of an Analysis: descriptors as base64 float32. */
interface StoredAnalysis {
  v: string;
  width: number;
  height: number;
  faces: Array<Omit<FoundFace, 'descriptor'> & { descriptor: string }>;
}

export function createFaceEngine(opts: FaceEngineOptions = {}): RealFaceEngine {
  const maxSide = opts.maxSide ?? 640;
  const cacheSize = opts.cacheSize ?? 500;
  const log = opts.log ?? (() => {});
  const version = `${ENGINE_VERSION}/${maxSide}`;
  const cacheDir = opts.cacheDir || null;
  const cacheMaxFiles = opts.cacheMaxFiles ?? DISK_CACHE_MAX_FILES;
  /** Files on disk, counted at the first write; null until then. */
  let diskCount: number | null = null;
  const memory = new Map<string, Analysis>();
  const inFlight = new Map<string, Promise<Analysis>>();
  const stats: EngineStats = { inferences: 0, cacheHits: 0 };

  let worker: Worker | null = null;
  let loading: Promise<void> | null = null;
  let warming: Promise<void> | null = null;
  let nextId = 1;
  const pending = new Map<number, PendingJob>();
  let closed = false;

  function failAll(error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }

  function startWorker(): Worker {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./worker.ts', import.meta.url).href },
    });
    w.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply);
      else job.reject(new Error(`face engine: ${reply.error}`));
      // An idle worker must not keep a script's process alive; a busy one must.
      if (pending.size === 0) w.unref();
    });
    w.on('error', (e) => {
      log(`face engine worker failed: ${e.stack ?? e.message}`);
      failAll(e);
    });
    w.on('exit', (code) => {
      if (worker === w) {
        // A crash (or close()): the next call starts afresh.
        worker = null;
        loading = null;
        warming = null;
      }
      failAll(new Error(`face engine worker exited (${code})`));
    });
    w.unref();
    return w;
  }

  function send(job: WorkerJob, transfer: ArrayBuffer[] = []): Promise<WorkerReply & { ok: true }> {
    if (closed) return Promise.reject(new Error('face engine closed'));
    worker ??= startWorker();
    const w = worker;
    return new Promise((resolve, reject) => {
      pending.set(job.id, { resolve, reject });
      w.ref();
      w.postMessage(job, transfer);
    });
  }

  function load(): Promise<void> {
    loading ??= send({ id: nextId++, kind: 'load' }).then(
      (r) => {
        stats.loadMs = r.ms;
        log(`face engine: models loaded in ${Math.round(r.ms)} ms`);
      },
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
    return loading;
  }

  /** face-api's first sample photo (three faces), shrunk as a real picture would be. */
  async function warmupPicture(): Promise<{ rgb: Uint8Array; width: number; height: number } | undefined> {
    try {
      const file = samplePhotoFiles()[0];
      if (!file) return undefined;
      const px = await decodeForInference(fs.readFileSync(file), maxSide);
      return { rgb: px.rgb.slice(), width: px.width, height: px.height };
    } catch {
      return undefined;
    }
  }

  async function warm(): Promise<void> {
    const px = await warmupPicture();
    const r = await send({ id: nextId++, kind: 'warmup', ...px }, px ? [px.rgb.buffer as ArrayBuffer] : []);
    stats.warmupMs = r.ms;
    log(`face engine: warmed up in ${Math.round(r.ms)} ms`);
  }

  async function ready(): Promise<void> {
    await load();
    warming ??= warm().catch((e: unknown) => {
      warming = null;
      throw e;
    });
    return warming;
  }

  function remember(key: string, analysis: Analysis): void {
    memory.delete(key);
    memory.set(key, analysis);
    while (memory.size > cacheSize) {
      const oldest = memory.keys().next().value;
      if (oldest === undefined) break;
      memory.delete(oldest);
    }
  }

  function diskFile(key: string): string | null {
    return cacheDir ? path.join(cacheDir, key.slice(0, 2), `${key}.json`) : null;
  }

  function readDisk(key: string): Analysis | null {
    const file = diskFile(key);
    if (!file) return null;
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredAnalysis;
      if (stored.v !== version) return null;
      return {
        width: stored.width,
        height: stored.height,
        faces: stored.faces.map((f) => {
          const bytes = Buffer.from(f.descriptor, 'base64');
          return { ...f, descriptor: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
        }),
      };
    } catch {
      return null;
    }
  }

  function writeDisk(key: string, analysis: Analysis): void {
    const file = diskFile(key);
    if (!file) return;
    const stored: StoredAnalysis = {
      v: version,
      width: analysis.width,
      height: analysis.height,
      faces: analysis.faces.map((f) => ({
        ...f,
        descriptor: Buffer.from(f.descriptor.buffer, f.descriptor.byteOffset, f.descriptor.byteLength).toString('base64'),
      })),
    };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside then renamed: a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(stored));
      fs.renameSync(tmp, file);
      diskCount = (diskCount ?? cacheFiles(cacheDir!).length - 1) + 1;
      if (diskCount > cacheMaxFiles) diskCount = pruneCache(cacheDir!, cacheMaxFiles);
    } catch (e) {
      log(`face engine: cannot write the disk cache: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function infer(image: Uint8Array): Promise<Analysis> {
    // Decoding first: a file that is no picture never starts the models.
    const pixels = await decodeForInference(image, maxSide);
    await load();
    const buffer = pixels.rgb.buffer.slice(pixels.rgb.byteOffset, pixels.rgb.byteOffset + pixels.rgb.byteLength);
    const reply = await send({ id: nextId++, kind: 'analyse', rgb: new Uint8Array(buffer), width: pixels.width, height: pixels.height }, [
      buffer as ArrayBuffer,
    ]);
    stats.inferences++;
    stats.lastInferenceMs = reply.ms;
    const sx = pixels.originalWidth / pixels.width;
    const sy = pixels.originalHeight / pixels.height;
    return {
      width: pixels.originalWidth,
      height: pixels.originalHeight,
      faces: (reply.faces ?? [])
        .map((raw) => toFound(raw, sx, sy, pixels.originalWidth, pixels.originalHeight))
        .sort((a, b) => area(b.box) - area(a.box)),
    };
  }

  async function analyse(image: Uint8Array): Promise<Analysis> {
    const key = crypto.createHash('sha1').update(image).digest('hex');
    const hit = memory.get(key);
    if (hit) {
      stats.cacheHits++;
      remember(key, hit);
      return hit;
    }
    const running = inFlight.get(key);
    if (running) return running;
    const job = (async () => {
      const stored = readDisk(key);
      if (stored) {
        stats.cacheHits++;
        remember(key, stored);
        return stored;
      }
      const analysis = await infer(image);
      remember(key, analysis);
      writeDisk(key, analysis);
      return analysis;
    })();
    inFlight.set(key, job);
    try {
      return await job;
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    analyse,
    ready,
    similarity: (a, b) => distanceToSimilarity(euclidean(a, b)),
    stats: () => ({ ...stats }),
    cacheDir,
    clearCache() {
      memory.clear();
      if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
      diskCount = 0;
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll(new Error('face engine closed'));
    },
  };
}

function area(box: FoundFace['box']): number {
  return (box.x2 - box.x1) * (box.y2 - box.y1);
}

/** A face in the shrunk picture → the device's face in the original's pixels. */
function toFound(raw: RawFace, sx: number, sy: number, width: number, height: number): FoundFace {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  const box = {
    x1: clamp(raw.box.x * sx, width),
    y1: clamp(raw.box.y * sy, height),
    x2: clamp((raw.box.x + raw.box.width) * sx, width),
    y2: clamp((raw.box.y + raw.box.height) * sy, height),
  };
  return {
    box,
    quality: faceQuality(raw.score, box, width, height),
    descriptor: raw.descriptor,
    attributes: faceAttributes(raw),
  };
}
