import { describe, expect, it } from 'vitest';
import { faceCrop, leftToRight, parseCoordinate } from './face-box';

describe('face boxes', () => {
  it('reads "x1,y1,x2,y2" whichever way round the corners come', () => {
    expect(parseCoordinate('56,10,432,678')).toEqual({ x1: 56, y1: 10, x2: 432, y2: 678 });
    expect(parseCoordinate('500,90,420,0')).toEqual({ x1: 420, y1: 0, x2: 500, y2: 90 });
    expect(parseCoordinate('1,2,3')).toBeNull();
  });

  it('numbers faces left to right', () => {
    const faces = [{ coordinate: '900,0,1000,100' }, { coordinate: '40,0,150,100' }];
    expect(leftToRight(faces).map((f) => f.coordinate)).toEqual(['40,0,150,100', '900,0,1000,100']);
  });

  it('crops a face with a margin, inside the photo', () => {
    expect(faceCrop({ x1: 100, y1: 100, x2: 200, y2: 200 }, [], { w: 1000, h: 1000 }, 0.5)).toEqual({ x1: 50, y1: 50, x2: 250, y2: 250 });
    expect(faceCrop({ x1: 10, y1: 10, x2: 110, y2: 110 }, [], { w: 150, h: 1000 }, 0.5)).toEqual({ x1: 0, y1: 0, x2: 150, y2: 160 });
  });

  it('stops short of a neighbour, never cutting into the chosen face', () => {
    const chosen = { x1: 300, y1: 100, x2: 400, y2: 200 };
    const left = { x1: 180, y1: 110, x2: 270, y2: 200 };
    const right = { x1: 420, y1: 90, x2: 520, y2: 190 };
    expect(faceCrop(chosen, [left, right], { w: 1000, h: 1000 }, 0.6)).toEqual({ x1: 270, y1: 40, x2: 420, y2: 260 });
  });
});
