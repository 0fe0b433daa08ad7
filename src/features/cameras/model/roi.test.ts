import { describe, expect, it } from 'vitest';
import { FACESIZE_MAX, FACESIZE_MIN, ROI_MAX_DEFAULT } from '../../../api/protocol/limits';
import {
  areaStatus,
  arrowDelta,
  boxArea,
  checkBox,
  clampSquare,
  dragBox,
  drawBox,
  faceBounds,
  fitScale,
  formatRoi,
  frameSizeFor,
  fromScreen,
  fullFrame,
  initialSquares,
  MIN_ROI_SIDE,
  moveBox,
  nudgeBox,
  nudgeSquare,
  parseRoi,
  resetBox,
  resizeBox,
  resizeSquare,
  screenToFrame,
  squareToScreen,
  toScreen,
  type Box,
} from './roi';

const FRAME = { width: 1920, height: 1080 };
const HALF = ROI_MAX_DEFAULT / 2; // 1 036 800

describe('frame size from roi_max', () => {
  it("reads §4.1's 2 073 600 as 1920 × 1080", () => {
    expect(frameSizeFor(2_073_600)).toEqual({ width: 1920, height: 1080 });
  });
  it('knows the other 16:9 stream sizes', () => {
    expect(frameSizeFor(1280 * 720)).toEqual({ width: 1280, height: 720 });
    expect(frameSizeFor(3840 * 2160)).toEqual({ width: 3840, height: 2160 });
  });
  it("takes a cap that is no frame's area as a cap on the default frame", () => {
    expect(frameSizeFor(1_000_000)).toEqual(FRAME);
    expect(frameSizeFor(undefined)).toEqual(FRAME);
  });
});

describe('the ROI string', () => {
  it('parses "x1,y1,x2,y2" and reads "" as the full frame', () => {
    expect(parseRoi('0,180,1920,900', FRAME)).toEqual({ x1: 0, y1: 180, x2: 1920, y2: 900 });
    expect(parseRoi(' 10, 20 ,30,40 ', FRAME)).toEqual({ x1: 10, y1: 20, x2: 30, y2: 40 });
    expect(parseRoi('', FRAME)).toEqual(fullFrame(FRAME));
    expect(parseRoi(undefined, FRAME)).toEqual(fullFrame(FRAME));
  });
  it('refuses what is not four whole numbers', () => {
    expect(parseRoi('1,2,3', FRAME)).toBeNull();
    expect(parseRoi('1,2,3,x', FRAME)).toBeNull();
    expect(parseRoi('-1,2,3,4', FRAME)).toBeNull();
    expect(parseRoi('1.5,2,3,4', FRAME)).toBeNull();
  });
  it('formats the full frame as "" and anything else as four numbers', () => {
    expect(formatRoi(fullFrame(FRAME), FRAME)).toBe('');
    expect(formatRoi({ x1: 0, y1: 180, x2: 1920, y2: 900 }, FRAME)).toBe('0,180,1920,900');
  });
});

describe('checking typed numbers', () => {
  it('accepts a box inside the frame and within roi_max', () => {
    expect(checkBox({ x1: 0, y1: 180, x2: 1920, y2: 900 }, FRAME, ROI_MAX_DEFAULT)).toBeNull();
  });
  it('says what is wrong', () => {
    expect(checkBox({ x1: 100, y1: 0, x2: 50, y2: 100 }, FRAME, ROI_MAX_DEFAULT)).toBe('order');
    expect(checkBox({ x1: 0, y1: 0, x2: 1921, y2: 100 }, FRAME, ROI_MAX_DEFAULT)).toBe('frame');
    expect(checkBox({ x1: 0, y1: 0, x2: 10, y2: 1000 }, FRAME, ROI_MAX_DEFAULT)).toBe('small');
    expect(checkBox({ x1: 0, y1: 0, x2: 1920, y2: 1080 }, FRAME, HALF)).toBe('area');
    expect(checkBox({ x1: 0.5, y1: 0, x2: 100, y2: 100 }, FRAME, ROI_MAX_DEFAULT)).toBe('frame');
  });
});

describe('frame ↔ screen scaling', () => {
  it('fits the frame in the space given, never enlarged', () => {
    expect(fitScale(FRAME, { width: 960, height: 2000 })).toBe(0.5);
    expect(fitScale(FRAME, { width: 4000, height: 540 })).toBe(0.5);
    expect(fitScale(FRAME, { width: 4000, height: 4000 })).toBe(1);
    expect(fitScale(FRAME, { width: 0, height: 100 })).toBe(0);
  });
  it('maps a box to the screen and back without drift', () => {
    const box: Box = { x1: 333, y1: 177, x2: 1501, y2: 1003 };
    for (const scale of [0.3, 0.37, 0.5, 0.7321, 1]) {
      const screen = toScreen(box, scale);
      expect(screen.x).toBeCloseTo(333 * scale);
      expect(screen.width).toBeCloseTo((1501 - 333) * scale);
      expect(fromScreen(screen, scale)).toEqual(box);
    }
  });
  it('reads a rectangle drawn backwards (negative size) as the same box', () => {
    expect(fromScreen({ x: 100, y: 100, width: -50, height: -20 }, 0.5)).toEqual({ x1: 100, y1: 160, x2: 200, y2: 200 });
  });
  it('rounds screen positions to whole frame pixels', () => {
    expect(fromScreen({ x: 10.5, y: 0, width: 100.4, height: 50 }, 0.4)).toEqual({ x1: 26, y1: 0, x2: 277, y2: 125 });
  });
  it('maps the pointer to a frame pixel inside the frame', () => {
    expect(screenToFrame({ x: 480, y: 270 }, 0.5, FRAME)).toEqual({ x: 960, y: 540 });
    expect(screenToFrame({ x: -20, y: 9999 }, 0.5, FRAME)).toEqual({ x: 0, y: 1080 });
  });
  it('scales face squares the same way', () => {
    expect(squareToScreen({ x: 100, y: 200, size: 300 }, 0.5)).toEqual({ x: 50, y: 100, width: 150, height: 150 });
  });
});

describe('drawing a box', () => {
  it('draws from the start point in either direction', () => {
    expect(drawBox({ x: 100, y: 100 }, { x: 500, y: 400 }, FRAME, ROI_MAX_DEFAULT)).toEqual({
      value: { x1: 100, y1: 100, x2: 500, y2: 400 },
      limited: null,
    });
    expect(drawBox({ x: 500, y: 400 }, { x: 100, y: 100 }, FRAME, ROI_MAX_DEFAULT).value).toEqual({ x1: 100, y1: 100, x2: 500, y2: 400 });
  });
  it("stops at the frame's edge", () => {
    const r = drawBox({ x: 1800, y: 1000 }, { x: 2500, y: 1300 }, FRAME, ROI_MAX_DEFAULT);
    expect(r.value).toEqual({ x1: 1800, y1: 1000, x2: 1920, y2: 1080 });
    expect(r.limited).toBe('frame');
  });
  it('shrinks towards the start, keeping proportions, past roi_max', () => {
    const r = drawBox({ x: 0, y: 0 }, { x: 1920, y: 1080 }, FRAME, HALF);
    expect(r.limited).toBe('area');
    expect(boxArea(r.value)).toBeLessThanOrEqual(HALF);
    expect(boxArea(r.value)).toBeGreaterThan(HALF * 0.99);
    expect(r.value.x1).toBe(0);
    expect(r.value.y1).toBe(0);
    expect(r.value.x2 / r.value.y2).toBeCloseTo(1920 / 1080, 2);
    const back = drawBox({ x: 1920, y: 1080 }, { x: 0, y: 0 }, FRAME, HALF);
    expect(back.value.x2).toBe(1920);
    expect(back.value.y2).toBe(1080);
  });
});

describe('resizing by a handle', () => {
  const prev: Box = { x1: 200, y1: 200, x2: 800, y2: 600 };
  it('takes a resize inside every limit as is', () => {
    expect(resizeBox(prev, { ...prev, x2: 900 }, FRAME, ROI_MAX_DEFAULT)).toEqual({ value: { ...prev, x2: 900 }, limited: null });
  });
  it('keeps edges inside the frame', () => {
    const r = resizeBox(prev, { ...prev, x1: -50, y2: 1200 }, FRAME, ROI_MAX_DEFAULT);
    expect(r.value).toEqual({ x1: 0, y1: 200, x2: 800, y2: 1080 });
    expect(r.limited).toBe('frame');
  });
  it('keeps each side at least MIN_ROI_SIDE, moving only the dragged edge', () => {
    const r = resizeBox(prev, { ...prev, x2: 210 }, FRAME, ROI_MAX_DEFAULT);
    expect(r.value).toEqual({ ...prev, x2: 200 + MIN_ROI_SIDE });
    expect(r.limited).toBe('small');
    const left = resizeBox(prev, { ...prev, x1: 790 }, FRAME, ROI_MAX_DEFAULT);
    expect(left.value).toEqual({ ...prev, x1: 800 - MIN_ROI_SIDE });
  });
  it('stops a side handle at roi_max by that side alone', () => {
    const r = resizeBox(prev, { ...prev, x2: 1920 }, FRAME, 600 * 400);
    expect(r.value).toEqual(prev);
    expect(r.limited).toBe('area');
    const grow = resizeBox(prev, { ...prev, y1: 0 }, FRAME, 600 * 500);
    expect(grow.value).toEqual({ ...prev, y1: 100 });
  });
  it('stops a corner at roi_max with the opposite corner fixed', () => {
    const r = resizeBox(prev, { x1: 0, y1: 0, x2: 800, y2: 600 }, FRAME, 700 * 500);
    expect(r.limited).toBe('area');
    expect(r.value.x2).toBe(800);
    expect(r.value.y2).toBe(600);
    expect(boxArea(r.value)).toBeLessThanOrEqual(700 * 500);
  });
});

describe('moving', () => {
  const box: Box = { x1: 100, y1: 100, x2: 500, y2: 400 };
  it('moves and keeps the size', () => {
    expect(moveBox(box, 50, -20, FRAME)).toEqual({ value: { x1: 150, y1: 80, x2: 550, y2: 380 }, limited: null });
  });
  it('stops at the frame', () => {
    expect(moveBox(box, -500, 5000, FRAME)).toEqual({ value: { x1: 0, y1: 780, x2: 400, y2: 1080 }, limited: 'frame' });
    expect(dragBox(box, { x: 1700, y: 50 }, FRAME).value).toEqual({ x1: 1520, y1: 50, x2: 1920, y2: 350 });
  });
  it('resets to the full frame, or the largest centred box roi_max allows', () => {
    expect(resetBox(FRAME, ROI_MAX_DEFAULT)).toEqual(fullFrame(FRAME));
    const capped = resetBox(FRAME, HALF);
    expect(boxArea(capped)).toBeLessThanOrEqual(HALF);
    expect(capped.x1 + capped.x2).toBeCloseTo(1920, -1);
    expect(capped.y1 + capped.y2).toBeCloseTo(1080, -1);
  });
});

describe('keyboard nudges', () => {
  const box: Box = { x1: 100, y1: 100, x2: 500, y2: 400 };
  it('reads arrows as 1 px, 10 px with Shift, and ignores other keys', () => {
    expect(arrowDelta({ key: 'ArrowLeft' })).toEqual({ x: -1, y: 0 });
    expect(arrowDelta({ key: 'ArrowDown', shiftKey: true })).toEqual({ x: 0, y: 10 });
    expect(arrowDelta({ key: 'a' })).toBeNull();
    expect(nudgeBox(box, { key: 'Enter' }, FRAME, ROI_MAX_DEFAULT)).toBeNull();
  });
  it('moves the box with arrows, within the frame', () => {
    expect(nudgeBox(box, { key: 'ArrowRight' }, FRAME, ROI_MAX_DEFAULT)?.value).toEqual({ x1: 101, y1: 100, x2: 501, y2: 400 });
    const edge = { x1: 0, y1: 0, x2: 100, y2: 100 };
    expect(nudgeBox(edge, { key: 'ArrowUp', shiftKey: true }, FRAME, ROI_MAX_DEFAULT)).toEqual({ value: edge, limited: 'frame' });
  });
  it('grows and shrinks the right / bottom edge with Alt, under roi_max', () => {
    expect(nudgeBox(box, { key: 'ArrowRight', altKey: true, shiftKey: true }, FRAME, ROI_MAX_DEFAULT)?.value).toEqual({ ...box, x2: 510 });
    expect(nudgeBox(box, { key: 'ArrowUp', altKey: true }, FRAME, ROI_MAX_DEFAULT)?.value).toEqual({ ...box, y2: 399 });
    const full = nudgeBox(box, { key: 'ArrowRight', altKey: true }, FRAME, 400 * 300);
    expect(full).toEqual({ value: box, limited: 'area' });
  });
});

describe('face squares', () => {
  it('bounds min by 60 and max, and max by min and 1000', () => {
    expect(faceBounds('min', 600, FRAME)).toEqual({ min: FACESIZE_MIN, max: 600 });
    expect(faceBounds('max', 80, FRAME)).toEqual({ min: 80, max: FACESIZE_MAX });
    expect(faceBounds('max', 80, { width: 1280, height: 720 })).toEqual({ min: 80, max: 720 });
  });
  it('clamps the side and keeps the square on the frame', () => {
    const b = faceBounds('min', 600, FRAME);
    expect(clampSquare({ x: 10, y: 10, size: 40 }, b, FRAME)).toEqual({ value: { x: 10, y: 10, size: 60 }, limited: 'faceMin' });
    expect(clampSquare({ x: 10, y: 10, size: 700 }, b, FRAME)).toEqual({ value: { x: 10, y: 10, size: 600 }, limited: 'faceMax' });
    expect(clampSquare({ x: 1900, y: 1000, size: 100 }, b, FRAME)).toEqual({ value: { x: 1820, y: 980, size: 100 }, limited: 'frame' });
  });
  it('nudges a square: arrows move it, Alt+arrows resize it', () => {
    const s = { x: 100, y: 100, size: 200 };
    const b = faceBounds('max', 80, FRAME);
    expect(nudgeSquare(s, { key: 'ArrowLeft', shiftKey: true }, b, FRAME)?.value).toEqual({ x: 90, y: 100, size: 200 });
    expect(nudgeSquare(s, { key: 'ArrowRight', altKey: true }, b, FRAME)?.value).toEqual({ x: 100, y: 100, size: 201 });
    expect(nudgeSquare({ ...s, size: 80 }, { key: 'ArrowLeft', altKey: true }, b, FRAME)?.limited).toBe('faceMin');
  });
  it('places both squares on the frame, side by side', () => {
    const { min, max } = initialSquares(80, 600, FRAME);
    expect(min.size).toBe(80);
    expect(max.size).toBe(600);
    expect(min.x + min.size).toBeLessThan(max.x);
    expect(max.x + max.size).toBeLessThanOrEqual(1920);
    const big = initialSquares(1000, 1000, FRAME);
    expect(big.max.y + 1000).toBeLessThanOrEqual(1080);
  });
});

describe('resizing a face square by a corner', () => {
  const prev = { x: 400, y: 300, size: 200 };
  const b = { min: 100, max: 1000 };
  it('grows from the bottom-right corner with the top-left fixed', () => {
    expect(resizeSquare(prev, { x1: 400, y1: 300, x2: 700, y2: 650 }, b, FRAME)).toEqual({
      value: { x: 400, y: 300, size: 350 },
      limited: null,
    });
  });
  it('grows from the top-left corner with the bottom-right fixed', () => {
    expect(resizeSquare(prev, { x1: 300, y1: 200, x2: 600, y2: 500 }, b, FRAME).value).toEqual({ x: 300, y: 200, size: 300 });
  });
  it('stops at the bounds', () => {
    expect(resizeSquare(prev, { x1: 400, y1: 300, x2: 420, y2: 320 }, b, FRAME)).toEqual({
      value: { x: 400, y: 300, size: 100 },
      limited: 'faceMin',
    });
    expect(resizeSquare(prev, { x1: 400, y1: 300, x2: 420, y2: 320 }, { min: 60, max: 150 }, FRAME).value.size).toBe(60);
  });
  it('stops at the frame edge', () => {
    const r = resizeSquare({ x: 1700, y: 100, size: 100 }, { x1: 1700, y1: 100, x2: 2100, y2: 500 }, b, FRAME);
    expect(r.value).toEqual({ x: 1700, y: 100, size: 220 });
    expect(r.limited).toBe('frame');
  });
});

describe('the area bar', () => {
  it('is not red at the default full frame (exactly roi_max), only past it', () => {
    const frame = frameSizeFor(ROI_MAX_DEFAULT);
    expect(areaStatus(boxArea(resetBox(frame, ROI_MAX_DEFAULT)), ROI_MAX_DEFAULT)).toBe('normal');
    expect(areaStatus(boxArea(fullFrame(frame)), ROI_MAX_DEFAULT)).toBe('normal');
    expect(areaStatus(ROI_MAX_DEFAULT + 1, ROI_MAX_DEFAULT)).toBe('exception');
  });
});
