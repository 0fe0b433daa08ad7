// The ROI editor's arithmetic, with no React and no canvas: frame pixels (what
// the device stores, §4.3 camera_roi "x1,y1,x2,y2" = left, top, right, bottom)
// against screen pixels (what the stage draws), and every clamp the editor
// applies: inside the frame, the area at most roi_max, face squares within
// §4.1's 60..1000 with min <= max.
import { FACESIZE_MAX, FACESIZE_MIN, FRAME_HEIGHT_DEFAULT, FRAME_WIDTH_DEFAULT } from '../../../api/protocol/limits';

export interface Size {
  readonly width: number;
  readonly height: number;
}
export interface Point {
  readonly x: number;
  readonly y: number;
}
/** A rectangle in frame pixels: left, top, right, bottom (right/bottom are edges, not last pixels). */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}
/** A rectangle on screen, as Konva draws it. */
export interface ScreenRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
/** A face-size square in frame pixels: its top-left corner and its side. */
export interface Square {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** What is wrong with typed ROI numbers. */
export type BoxProblem = 'frame' | 'area' | 'small' | 'order';

/** Why a drag or an edit stopped short of where the user pointed. */
export type Limit = 'frame' | 'area' | 'small' | 'faceMin' | 'faceMax' | 'order';

/**
 * Our choice: an ROI narrower or lower than the smallest face the device
 * detects (§4.1 facesize_min >= 60) could never catch anyone.
 */
export const MIN_ROI_SIDE = FACESIZE_MIN;

/** 16:9 stream sizes a node may report through roi_max = width × height. */
const KNOWN_FRAMES: readonly Size[] = [
  { width: 3840, height: 2160 },
  { width: 2560, height: 1440 },
  { width: FRAME_WIDTH_DEFAULT, height: FRAME_HEIGHT_DEFAULT },
  { width: 1280, height: 720 },
];

/**
 * The frame an roi_max implies: §4.1's example (2 073 600) is 1920 × 1080. A
 * roi_max that is no known frame's area is a cap smaller than the frame (the
 * device allows only part of it): the frame is then the default 1920 × 1080.
 */
export function frameSizeFor(roiMax: number | undefined): Size {
  const known = KNOWN_FRAMES.find((f) => f.width * f.height === roiMax);
  return known ?? { width: FRAME_WIDTH_DEFAULT, height: FRAME_HEIGHT_DEFAULT };
}

export const fullFrame = (frame: Size): Box => ({ x1: 0, y1: 0, x2: frame.width, y2: frame.height });
export const boxArea = (b: Box): number => Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
/** The area bar's colour: at the limit is allowed (the full frame is the device's default), red only past it. */
export const areaStatus = (area: number, roiMax: number): 'normal' | 'exception' => (area > roiMax ? 'exception' : 'normal');
export const boxWidth = (b: Box): number => b.x2 - b.x1;
export const boxHeight = (b: Box): number => b.y2 - b.y1;
export const sameBox = (a: Box, b: Box): boolean => a.x1 === b.x1 && a.y1 === b.y1 && a.x2 === b.x2 && a.y2 === b.y2;
export const isFullFrame = (b: Box, frame: Size): boolean => sameBox(b, fullFrame(frame));

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** "x1,y1,x2,y2" → a box; "" is the full frame (§4.1's example). null when it is not four integers. */
export function parseRoi(text: string | undefined, frame: Size): Box | null {
  const s = (text ?? '').trim();
  if (s === '') return fullFrame(frame);
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length !== 4 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [x1, y1, x2, y2] = parts.map(Number) as [number, number, number, number];
  return { x1, y1, x2, y2 };
}

/** What 515 is sent: "" for the full frame (the device's own "no ROI"), else "x1,y1,x2,y2". */
export function formatRoi(box: Box, frame: Size): string {
  return isFullFrame(box, frame) ? '' : `${box.x1},${box.y1},${box.x2},${box.y2}`;
}

/** What is wrong with a box typed into the number fields, or null. */
export function checkBox(box: Box, frame: Size, roiMax: number): BoxProblem | null {
  const values = [box.x1, box.y1, box.x2, box.y2];
  if (!values.every((v) => Number.isInteger(v) && v >= 0)) return 'frame';
  if (box.x1 >= box.x2 || box.y1 >= box.y2) return 'order';
  if (box.x2 > frame.width || box.y2 > frame.height) return 'frame';
  if (boxWidth(box) < MIN_ROI_SIDE || boxHeight(box) < MIN_ROI_SIDE) return 'small';
  if (boxArea(box) > roiMax) return 'area';
  return null;
}

// ---------------------------------------------------------------- scaling

/** Screen pixels per frame pixel so the frame fits `available` (never enlarged past 1:1). */
export function fitScale(frame: Size, available: Size): number {
  if (available.width <= 0 || available.height <= 0) return 0;
  return Math.min(1, available.width / frame.width, available.height / frame.height);
}

export function toScreen(b: Box, scale: number): ScreenRect {
  return { x: b.x1 * scale, y: b.y1 * scale, width: (b.x2 - b.x1) * scale, height: (b.y2 - b.y1) * scale };
}

/** A screen rectangle back to whole frame pixels (edges rounded, so a round trip is stable). */
export function fromScreen(r: ScreenRect, scale: number): Box {
  if (scale <= 0) return { x1: 0, y1: 0, x2: 0, y2: 0 };
  const left = Math.min(r.x, r.x + r.width);
  const top = Math.min(r.y, r.y + r.height);
  const right = Math.max(r.x, r.x + r.width);
  const bottom = Math.max(r.y, r.y + r.height);
  return { x1: Math.round(left / scale), y1: Math.round(top / scale), x2: Math.round(right / scale), y2: Math.round(bottom / scale) };
}

/** A pointer on the stage to a frame pixel, inside the frame. */
export function screenToFrame(p: Point, scale: number, frame: Size): Point {
  if (scale <= 0) return { x: 0, y: 0 };
  return { x: clamp(Math.round(p.x / scale), 0, frame.width), y: clamp(Math.round(p.y / scale), 0, frame.height) };
}

export const squareToScreen = (s: Square, scale: number): ScreenRect => ({
  x: s.x * scale,
  y: s.y * scale,
  width: s.size * scale,
  height: s.size * scale,
});

// ---------------------------------------------------------------- the ROI

export interface Clamped<T> {
  readonly value: T;
  /** Set when the result is not what was asked for. */
  readonly limited: Limit | null;
}

/**
 * A box dragged out from `start` to `current` (both frame points, the
 * pointer may be outside the frame): kept inside the frame and, past
 * roi_max, shrunk towards `start` keeping its proportions.
 */
export function drawBox(start: Point, current: Point, frame: Size, roiMax: number): Clamped<Box> {
  const sx = clamp(Math.round(start.x), 0, frame.width);
  const sy = clamp(Math.round(start.y), 0, frame.height);
  const cx = clamp(Math.round(current.x), 0, frame.width);
  const cy = clamp(Math.round(current.y), 0, frame.height);
  let limited: Limit | null = cx !== Math.round(current.x) || cy !== Math.round(current.y) ? 'frame' : null;
  let w = Math.abs(cx - sx);
  let h = Math.abs(cy - sy);
  if (w * h > roiMax) {
    const f = Math.sqrt(roiMax / (w * h));
    w = Math.floor(w * f);
    h = Math.floor(h * f);
    while (w * h > roiMax) h--;
    limited = 'area';
  }
  const x1 = cx >= sx ? sx : sx - w;
  const y1 = cy >= sy ? sy : sy - h;
  return { value: { x1, y1, x2: x1 + w, y2: y1 + h }, limited };
}

/**
 * A resize from `prev` to `next` (a handle moved): edges kept inside the
 * frame, each side at least MIN_ROI_SIDE, and the area at most roi_max. Past
 * roi_max only the edges that moved give way, so the opposite corner stays put.
 */
export function resizeBox(prev: Box, next: Box, frame: Size, roiMax: number): Clamped<Box> {
  let limited: Limit | null = null;
  let x1 = Math.round(Math.min(next.x1, next.x2));
  let x2 = Math.round(Math.max(next.x1, next.x2));
  let y1 = Math.round(Math.min(next.y1, next.y2));
  let y2 = Math.round(Math.max(next.y1, next.y2));
  const cx1 = clamp(x1, 0, frame.width);
  const cx2 = clamp(x2, 0, frame.width);
  const cy1 = clamp(y1, 0, frame.height);
  const cy2 = clamp(y2, 0, frame.height);
  if (cx1 !== x1 || cx2 !== x2 || cy1 !== y1 || cy2 !== y2) limited = 'frame';
  [x1, x2, y1, y2] = [cx1, cx2, cy1, cy2];

  const movedLeft = x1 !== prev.x1;
  const movedTop = y1 !== prev.y1;
  const minSide = Math.min(MIN_ROI_SIDE, frame.width, frame.height);
  if (x2 - x1 < minSide) {
    [x1, x2] = widen(x1, x2, movedLeft, minSide, frame.width);
    limited = 'small';
  }
  if (y2 - y1 < minSide) {
    [y1, y2] = widen(y1, y2, movedTop, minSide, frame.height);
    limited = 'small';
  }

  let w = x2 - x1;
  let h = y2 - y1;
  if (w * h > roiMax) {
    limited = 'area';
    const widthChanged = w !== boxWidth(prev);
    const heightChanged = h !== boxHeight(prev);
    if (widthChanged && !heightChanged) w = Math.floor(roiMax / h);
    else if (heightChanged && !widthChanged) h = Math.floor(roiMax / w);
    else {
      const f = Math.sqrt(roiMax / (w * h));
      w = Math.floor(w * f);
      h = Math.floor(h * f);
      while (w * h > roiMax) h--;
    }
    // The edges that moved give way; the others are the anchor.
    if (movedLeft) x1 = x2 - w;
    else x2 = x1 + w;
    if (movedTop) y1 = y2 - h;
    else y2 = y1 + h;
  }
  return { value: { x1, y1, x2, y2 }, limited };
}

/** An edge pair pulled apart to `side`, moving the edge that moved, inside [0, limit]. */
function widen(lo: number, hi: number, movedLo: boolean, side: number, limit: number): [number, number] {
  let a = movedLo ? hi - side : lo;
  let b = movedLo ? hi : lo + side;
  if (a < 0) [a, b] = [0, side];
  if (b > limit) [a, b] = [limit - side, limit];
  return [a, b];
}

/** The whole box moved by (dx, dy), kept inside the frame at its size. */
export function moveBox(b: Box, dx: number, dy: number, frame: Size): Clamped<Box> {
  const w = Math.min(boxWidth(b), frame.width);
  const h = Math.min(boxHeight(b), frame.height);
  const wantX = Math.round(b.x1 + dx);
  const wantY = Math.round(b.y1 + dy);
  const x1 = clamp(wantX, 0, frame.width - w);
  const y1 = clamp(wantY, 0, frame.height - h);
  return { value: { x1, y1, x2: x1 + w, y2: y1 + h }, limited: x1 !== wantX || y1 !== wantY ? 'frame' : null };
}

/** The box's top-left for a drag to `to` (frame pixels), kept inside the frame. */
export function dragBox(b: Box, to: Point, frame: Size): Clamped<Box> {
  return moveBox(b, to.x - b.x1, to.y - b.y1, frame);
}

/** The largest box of the frame's proportions, centred, within roi_max: "reset to full frame". */
export function resetBox(frame: Size, roiMax: number): Box {
  if (frame.width * frame.height <= roiMax) return fullFrame(frame);
  const f = Math.sqrt(roiMax / (frame.width * frame.height));
  const w = Math.floor(frame.width * f);
  let h = Math.floor(frame.height * f);
  while (w * h > roiMax) h--;
  const x1 = Math.floor((frame.width - w) / 2);
  const y1 = Math.floor((frame.height - h) / 2);
  return { x1, y1, x2: x1 + w, y2: y1 + h };
}

// ---------------------------------------------------------------- keyboard

export interface NudgeKeys {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
}

/** Pixels per arrow press: 1, or 10 with Shift. */
export const NUDGE_STEP = 1;
export const NUDGE_STEP_LARGE = 10;

/** An arrow key as a step (frame pixels); null for any other key. */
export function arrowDelta(e: NudgeKeys): Point | null {
  const step = e.shiftKey ? NUDGE_STEP_LARGE : NUDGE_STEP;
  switch (e.key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 };
    case 'ArrowRight':
      return { x: step, y: 0 };
    case 'ArrowUp':
      return { x: 0, y: -step };
    case 'ArrowDown':
      return { x: 0, y: step };
    default:
      return null;
  }
}

/**
 * Arrows move the ROI; with Alt they move its right / bottom edge instead
 * (grow or shrink), under the same clamps as a handle.
 */
export function nudgeBox(b: Box, e: NudgeKeys, frame: Size, roiMax: number): Clamped<Box> | null {
  const d = arrowDelta(e);
  if (!d) return null;
  if (!e.altKey) return moveBox(b, d.x, d.y, frame);
  return resizeBox(b, { ...b, x2: b.x2 + d.x, y2: b.y2 + d.y }, frame, roiMax);
}

// ---------------------------------------------------------------- face squares

export interface FaceBounds {
  /** The smallest side this square may take. */
  readonly min: number;
  /** The largest. */
  readonly max: number;
}

/**
 * The bounds of each square: §4.1 60 <= facesize_min <= facesize_max <= 1000,
 * and neither taller than the frame (a square must fit on it).
 */
export function faceBounds(which: 'min' | 'max', other: number, frame: Size): FaceBounds {
  const ceiling = Math.min(FACESIZE_MAX, frame.width, frame.height);
  return which === 'min'
    ? { min: FACESIZE_MIN, max: Math.min(ceiling, Math.max(FACESIZE_MIN, other)) }
    : { min: Math.min(ceiling, Math.max(FACESIZE_MIN, other)), max: ceiling };
}

/** A square of side `size` within `bounds`, its top-left kept so it lies on the frame. */
export function clampSquare(s: Square, bounds: FaceBounds, frame: Size): Clamped<Square> {
  const want = Math.round(s.size);
  const size = clamp(want, bounds.min, bounds.max);
  const limited: Limit | null = size < want ? 'faceMax' : size > want ? 'faceMin' : null;
  const wantX = Math.round(s.x);
  const wantY = Math.round(s.y);
  const x = clamp(wantX, 0, frame.width - size);
  const y = clamp(wantY, 0, frame.height - size);
  return { value: { x, y, size }, limited: limited ?? (x !== wantX || y !== wantY ? 'frame' : null) };
}

/** Arrows move a square; with Alt, Right/Down grow it and Left/Up shrink it. */
export function nudgeSquare(s: Square, e: NudgeKeys, bounds: FaceBounds, frame: Size): Clamped<Square> | null {
  const d = arrowDelta(e);
  if (!d) return null;
  if (!e.altKey) return clampSquare({ ...s, x: s.x + d.x, y: s.y + d.y }, { min: s.size, max: s.size }, frame);
  return clampSquare({ ...s, size: s.size + d.x + d.y }, bounds, frame);
}

/** Where a square first sits: side by side near the frame's centre. */
export function initialSquares(minSize: number, maxSize: number, frame: Size): { min: Square; max: Square } {
  const gap = Math.round(frame.width * 0.04);
  const total = minSize + gap + maxSize;
  const left = Math.max(0, Math.round((frame.width - total) / 2));
  const maxSquare = clampSquare(
    { x: left + minSize + gap, y: Math.round((frame.height - maxSize) / 2), size: maxSize },
    { min: maxSize, max: maxSize },
    frame,
  ).value;
  const minSquare = clampSquare(
    { x: left, y: Math.round((frame.height - minSize) / 2), size: minSize },
    { min: minSize, max: minSize },
    frame,
  ).value;
  return { min: minSquare, max: maxSquare };
}

/**
 * A square resized by a corner handle (`next` is the handle's box, in frame
 * pixels): the side is the larger of the box's two, within `bounds`, and the
 * corner opposite the dragged one stays put; the square never leaves the frame.
 */
export function resizeSquare(prev: Square, next: Box, bounds: FaceBounds, frame: Size): Clamped<Square> {
  const want = Math.round(Math.max(next.x2 - next.x1, next.y2 - next.y1));
  const movedLeft = Math.round(next.x1) !== prev.x;
  const movedTop = Math.round(next.y1) !== prev.y;
  const right = prev.x + prev.size;
  const bottom = prev.y + prev.size;
  const room = Math.min(movedLeft ? right : frame.width - prev.x, movedTop ? bottom : frame.height - prev.y);
  let size = clamp(want, bounds.min, bounds.max);
  let limited: Limit | null = size < want ? 'faceMax' : size > want ? 'faceMin' : null;
  if (size > room && room >= bounds.min) {
    size = room;
    limited = 'frame';
  }
  const placed = clampSquare(
    { x: movedLeft ? right - size : prev.x, y: movedTop ? bottom - size : prev.y, size },
    { min: size, max: size },
    frame,
  );
  return { value: placed.value, limited: limited ?? placed.limited };
}
