// From face-api's raw outputs to the device's numbers: quality (0..100),
// similarity (0..100) and the Appendix B attributes. Pure functions, so the
// formulas can be read and tested without the models.
import type { FaceAttr } from '../../src/api/protocol/attributes';
import type { Box } from './decode';

/** A face side (px, in the original picture) from which size costs no quality. */
export const FULL_QUALITY_SIDE = 80;
/** What a face loses for each picture edge its box touches (it is likely cut off). */
export const EDGE_FACTOR = 0.8;
/** How close to an edge (px, original picture) counts as touching it. */
const EDGE_SLACK = 2;

/**
 * quality = round(100 × score × size × edge), clamped to 0..100, where
 *  - score is the detector's confidence (0..1),
 *  - size = min(1, shorter box side / 80 px): the device's smallest capture
 *    face is 60 px (§4.1 facesize_min), so a face below 80 px loses in step
 *    (a 40 px face at most 50, a 24 px one at most 30 = ENROL_QUALITY_MIN),
 *  - edge = 0.8 per picture edge the box touches: face-api clips boxes to the
 *    picture, so a box on an edge is a face the frame cuts.
 */
export function faceQuality(score: number, box: Box, width: number, height: number): number {
  const side = Math.min(box.x2 - box.x1, box.y2 - box.y1);
  const size = Math.min(1, Math.max(0, side) / FULL_QUALITY_SIDE);
  const touching =
    Number(box.x1 <= EDGE_SLACK) +
    Number(box.y1 <= EDGE_SLACK) +
    Number(box.x2 >= width - EDGE_SLACK) +
    Number(box.y2 >= height - EDGE_SLACK);
  const q = 100 * score * size * EDGE_FACTOR ** touching;
  return Math.max(0, Math.min(100, Math.round(q)));
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * Euclidean descriptor distance → similarity, piecewise linear through
 *   d 0 → 100, d 0.3 → 95, d 0.6 → 60, d 1.0 → 0,
 * clamped, rounded to an integer. face-api's usual "same person" cut is
 * d < 0.6, so our 60 is where it stops calling two faces the same; photos of
 * one person typically land at d 0.3-0.5 (95-72), different people at d
 * 0.6-0.9 (60-15). Strictly decreasing in d, so ranking by distance and by
 * similarity agree (the 1:N search relies on that).
 */
const KNOTS: ReadonlyArray<readonly [number, number]> = [
  [0, 100],
  [0.3, 95],
  [0.6, 60],
  [1.0, 0],
];

export function distanceToSimilarity(d: number): number {
  if (!(d > 0)) return 100;
  for (let i = 1; i < KNOTS.length; i++) {
    const [d1, s1] = KNOTS[i]!;
    if (d <= d1) {
      const [d0, s0] = KNOTS[i - 1]!;
      return Math.round(s0 + ((s1 - s0) * (d - d0)) / (d1 - d0));
    }
  }
  return 0;
}

/** The largest distance that still reaches `similarity` (for pruning a search). */
export function similarityToMaxDistance(similarity: number): number {
  if (similarity <= 0) return Infinity;
  // Rounding: similarity s is answered for raw values ≥ s - 0.5.
  const target = similarity - 0.5;
  for (let i = 1; i < KNOTS.length; i++) {
    const [d0, s0] = KNOTS[i - 1]!;
    const [d1, s1] = KNOTS[i]!;
    if (target >= s1) return d0 + ((d1 - d0) * (s0 - target)) / (s0 - s1);
  }
  return KNOTS[KNOTS.length - 1]![0];
}

/** face-api's expression labels → Appendix B's st_expression (no yawn model: st_yawn is never answered). */
const EXPRESSIONS: Record<string, string> = {
  neutral: 'st_calm',
  happy: 'st_happy',
  sad: 'st_sorrow',
  angry: 'st_angry',
  surprised: 'st_surprised',
  fearful: 'st_scared',
  disgusted: 'st_disgust',
};

export const CHILD_BELOW = 14;
export const OLD_FROM = 60;

export interface RawAttributes {
  age: number;
  gender: string;
  /** Probability per face-api label. */
  expressions: Record<string, number>;
}

export function faceAttributes(raw: RawAttributes): FaceAttr {
  let best = 'neutral';
  for (const [label, p] of Object.entries(raw.expressions)) {
    if (p > (raw.expressions[best] ?? -1)) best = label;
  }
  // §3.25's example answers "24.000000": whole years, so we round face-api's fractional age.
  const age = Math.max(0, Math.round(raw.age));
  return {
    st_age: age < CHILD_BELOW ? 'st_child' : age >= OLD_FROM ? 'st_old' : 'st_adult',
    // face-api has no model for moustaches, masks, glasses or caps: we answer
    // the documented "none" value of each rather than guess.
    mustache_style: 'mustache_style_type_none',
    respirator_color: 'color_type_none',
    glass_style: 'glasses_style_type_none',
    gender_code: raw.gender === 'male' ? 'male' : 'female',
    st_expression: EXPRESSIONS[best] ?? 'st_calm',
    cap_style: 'hat_style_type_none',
    st_age_value: age.toFixed(6),
  };
}
