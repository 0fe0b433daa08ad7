// The inference thread: face-api (SSD MobileNet v1 detector, 68-point
// landmarks, 128-d recogniser, age/gender, expressions) on TensorFlow.js' WASM
// backend. It runs in a worker_thread so a 0.5 s inference never stalls the
// emulator's HTTP; engine.ts owns decoding, caching and the device's numbers.
//
// face-api.node-wasm.js requires '@tensorflow/tfjs' (the umbrella package with
// converter, layers, data, webgl…), which we do not install: face-api's nets are
// written with core ops only. So we evaluate its bundle with a require() that
// hands it @tensorflow/tfjs-core instead, and add the chained tensor methods
// (t.as3D(), t.sub() …) that the umbrella package would have registered.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type * as TfCore from '@tensorflow/tfjs-core';

export interface RawFace {
  /** In the inference picture's pixels. */
  box: { x: number; y: number; width: number; height: number };
  score: number;
  descriptor: Float32Array;
  age: number;
  gender: string;
  expressions: Record<string, number>;
}

export type WorkerJob =
  | { id: number; kind: 'load' }
  | { id: number; kind: 'warmup'; rgb?: Uint8Array; width?: number; height?: number }
  | { id: number; kind: 'analyse'; rgb: Uint8Array; width: number; height: number };

export type WorkerReply = { id: number; ok: true; faces?: RawFace[]; ms: number } | { id: number; ok: false; error: string };

const require = createRequire(import.meta.url);

/** The few parts of face-api we call (its own .d.ts drags in webgpu typings). */
interface FaceApiNet {
  loadFromDisk(dir: string): Promise<void>;
}
interface FaceApiResult {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  descriptor: Float32Array;
  age: number;
  gender: string;
  expressions: Record<string, number>;
}
interface FaceApiTask extends PromiseLike<FaceApiResult[]> {
  withFaceLandmarks(): FaceApiTask;
  withFaceExpressions(): FaceApiTask;
  withFaceDescriptors(): FaceApiTask;
  withAgeAndGender(): FaceApiTask;
}
const NETS = ['ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet', 'ageGenderNet', 'faceExpressionNet'] as const;
interface FaceApi {
  nets: Record<(typeof NETS)[number], FaceApiNet>;
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => unknown;
  detectAllFaces(input: TfCore.Tensor3D, options: unknown): FaceApiTask;
}

/** The tensor methods tfjs' chained_ops register as `op(this, ...args)`. */
const CHAINED =
  'abs acos acosh add all any argMax argMin asin asinh atan atan2 atanh avgPool batchToSpaceND batchNorm broadcastTo cast ceil clipByValue conv1d conv2d conv2dTranspose cos cosh cumprod cumsum depthToSpace depthwiseConv2d dilation2d div divNoNan dot elu equal erf euclideanNorm exp expandDims expm1 fft floor floorDiv gather greater greaterEqual ifft irfft isFinite isInf isNaN leakyRelu less lessEqual localResponseNormalization log log1p logSigmoid logSoftmax logSumExp logicalAnd logicalNot logicalOr logicalXor matMul max maxPool maximum mean min minimum mirrorPad mod mul neg norm notEqual oneHot onesLike pad pool pow prelu prod reciprocal relu relu6 reshape resizeBilinear resizeNearestNeighbor reverse rfft round rsqrt selu separableConv2d sigmoid sign sin sinh slice softmax softplus spaceToBatchND split sqrt square squaredDifference squeeze step stridedSlice sub sum tan tanh tile topk transpose unique unsortedSegmentSum unstack zerosLike';

type AnyFn = (...args: unknown[]) => unknown;

function registerChainedOps(tf: typeof TfCore): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  const spaces = [tf, tf.image, tf.spectral, tf.linalg] as unknown as Array<Record<string, unknown>>;
  for (const name of CHAINED.split(' ')) {
    if (name in proto) continue;
    const op = spaces.map((s) => s[name]).find((f): f is AnyFn => typeof f === 'function');
    if (op)
      proto[name] = function (this: TfCore.Tensor, ...args: unknown[]) {
        return op(this, ...args);
      };
  }
  const reshape = (t: TfCore.Tensor, shape: number[]) => tf.reshape(t, shape);
  const list = (x: TfCore.Tensor | TfCore.Tensor[]) => (x instanceof tf.Tensor ? [x] : x);
  Object.assign(proto, {
    as1D(this: TfCore.Tensor) {
      return reshape(this, [this.size]);
    },
    as2D(this: TfCore.Tensor, a: number, b: number) {
      return reshape(this, [a, b]);
    },
    as3D(this: TfCore.Tensor, a: number, b: number, c: number) {
      return reshape(this, [a, b, c]);
    },
    as4D(this: TfCore.Tensor, a: number, b: number, c: number, d: number) {
      return reshape(this, [a, b, c, d]);
    },
    as5D(this: TfCore.Tensor, a: number, b: number, c: number, d: number, e: number) {
      return reshape(this, [a, b, c, d, e]);
    },
    asScalar(this: TfCore.Tensor) {
      return reshape(this, []);
    },
    flatten(this: TfCore.Tensor) {
      return reshape(this, [this.size]);
    },
    reshapeAs(this: TfCore.Tensor, x: TfCore.Tensor) {
      return reshape(this, x.shape);
    },
    asType(this: TfCore.Tensor, dtype: TfCore.DataType) {
      return tf.cast(this, dtype);
    },
    toBool(this: TfCore.Tensor) {
      return tf.cast(this, 'bool');
    },
    toFloat(this: TfCore.Tensor) {
      return tf.cast(this, 'float32');
    },
    toInt(this: TfCore.Tensor) {
      return tf.cast(this, 'int32');
    },
    where(this: TfCore.Tensor, cond: TfCore.Tensor, x: TfCore.Tensor) {
      return tf.where(cond, this, x);
    },
    concat(this: TfCore.Tensor, x: TfCore.Tensor | TfCore.Tensor[], axis?: number) {
      return tf.concat([this, ...list(x)], axis);
    },
    stack(this: TfCore.Tensor, x: TfCore.Tensor | TfCore.Tensor[], axis?: number) {
      return tf.stack([this, ...list(x)], axis);
    },
  });
}

let tf: typeof TfCore;
let faceapi: FaceApi;
let detectorOptions: unknown;

async function load(): Promise<void> {
  tf = require('@tensorflow/tfjs-core') as typeof TfCore;
  require('@tensorflow/tfjs-backend-cpu');
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
  registerChainedOps(tf);

  const bundle = require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const module = { exports: {} as FaceApi };
  const localRequire = (id: string): unknown =>
    id === '@tensorflow/tfjs' ? tf : id === '@tensorflow/tfjs-backend-wasm' ? wasm : require(id);
  new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(bundle, 'utf8'))(
    module.exports,
    localRequire,
    module,
    bundle,
    path.dirname(bundle),
  );
  faceapi = module.exports;

  // The binaries ship with the package: no CDN. The threaded build wants
  // browser-style Blob workers, so we take the single-threaded SIMD one.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  await tf.setBackend('wasm');
  await tf.ready();

  const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  for (const name of NETS) await faceapi.nets[name].loadFromDisk(models);
  // 0.5 is face-api's default; 100 faces is plenty for a frame.
  detectorOptions = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 });
}

async function detect(input: TfCore.Tensor3D): Promise<RawFace[]> {
  const results = await faceapi
    .detectAllFaces(input, detectorOptions)
    .withFaceLandmarks()
    .withFaceExpressions()
    .withFaceDescriptors()
    .withAgeAndGender();
  return results.map((r) => ({
    box: { x: r.detection.box.x, y: r.detection.box.y, width: r.detection.box.width, height: r.detection.box.height },
    score: r.detection.score,
    descriptor: r.descriptor,
    age: r.age,
    gender: r.gender,
    expressions: Object.fromEntries(Object.entries(r.expressions).filter(([, v]) => typeof v === 'number')),
  }));
}

/**
 * SSD MobileNet misses many faces that fill the frame (an ID photo, a tight
 * crop): trained on crowds, it expects some context. When a picture shows no
 * face we look again with a grey border of a quarter of its long side on each
 * side, and move the boxes back (engine.ts clips them to the picture). Our
 * tests on 256 px crops of the sample faces: 14 of 22 found plain, 21 of 22
 * with the border (the last is a profile).
 */
async function detectPadded(input: TfCore.Tensor3D): Promise<RawFace[]> {
  const [height, width] = input.shape;
  const pad = Math.round(Math.max(width, height) / 4);
  const padded = tf.pad(
    input,
    [
      [pad, pad],
      [pad, pad],
      [0, 0],
    ],
    128,
  );
  try {
    const faces = await detect(padded);
    return faces.map((f) => ({ ...f, box: { ...f.box, x: f.box.x - pad, y: f.box.y - pad } }));
  } finally {
    padded.dispose();
  }
}

/**
 * The first runs of each net are several times slower (allocations, JIT,
 * kernels for each shape). A real group photo (one of face-api's samples,
 * sent by engine.ts) warms every net at the batch sizes a frame brings; a
 * grey frame is the fallback when the samples are missing.
 */
async function warmup(picture?: { rgb: Uint8Array; width: number; height: number }): Promise<void> {
  const frame = picture
    ? tf.tensor3d(picture.rgb, [picture.height, picture.width, 3], 'int32')
    : (tf.fill([480, 640, 3], 128, 'int32') as TfCore.Tensor3D);
  try {
    await detect(frame);
  } finally {
    frame.dispose();
  }
}

async function run(job: WorkerJob): Promise<WorkerReply> {
  const t0 = performance.now();
  try {
    if (job.kind === 'load') {
      await load();
      return { id: job.id, ok: true, ms: performance.now() - t0 };
    }
    if (job.kind === 'warmup') {
      await warmup(job.rgb && job.width && job.height ? { rgb: job.rgb, width: job.width, height: job.height } : undefined);
      return { id: job.id, ok: true, ms: performance.now() - t0 };
    }
    const input = tf.tensor3d(job.rgb, [job.height, job.width, 3], 'int32');
    try {
      let faces = await detect(input);
      if (faces.length === 0) faces = await detectPadded(input);
      return { id: job.id, ok: true, faces, ms: performance.now() - t0 };
    } finally {
      input.dispose();
    }
  } catch (e) {
    return { id: job.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

// One job at a time: face-api's calls await, and two interleaved runs would
// only slow each other down on two cores.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: WorkerJob) => {
  queue = queue.then(async () => {
    const reply = await run(job);
    parentPort?.postMessage(reply);
  });
});
