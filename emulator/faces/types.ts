import type { FaceAttr } from '../../src/api/protocol/attributes';

/** A face found in a picture, in the picture's pixels. */
export interface FoundFace {
  box: { x1: number; y1: number; x2: number; y2: number };
  /** 0-100: detection confidence scaled, lowered for small or cut-off faces. */
  quality: number;
  /** face-api's 128-d descriptor. */
  descriptor: Float32Array;
  attributes: FaceAttr;
}

export interface Analysis {
  width: number;
  height: number;
  /** Largest face first. */
  faces: FoundFace[];
}

/** The picture could not be decoded (-1104). */
export class NotAnImageError extends Error {
  constructor() {
    super('not an image');
  }
}

/**
 * The real face engine (face-api's models). Results are cached by the
 * picture's content: the same bytes are never run twice.
 */
export interface FaceEngine {
  analyse(image: Uint8Array): Promise<Analysis>;
  /** Descriptor distance mapped onto 0..100 (documented in engine.ts). */
  similarity(a: Float32Array, b: Float32Array): number;
  /** Loaded and warmed up. */
  ready(): Promise<void>;
  /** Forgets every analysis, on disk too (a reset of the device). */
  clearCache?(): void;
  close(): Promise<void>;
}

/** Below this quality the device refuses to enrol (-1102). Our choice: 30. */
export const ENROL_QUALITY_MIN = 30;
