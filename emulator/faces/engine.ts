import type { FaceEngine } from './types';

/** Placeholder until the real engine lands (face-api, wasm backend). */
export function createFaceEngine(): FaceEngine {
  const missing = () => Promise.reject(new Error('face engine not built yet'));
  return { analyse: missing, similarity: () => 0, ready: missing, close: async () => {} };
}
