import { describe, expect, it } from 'vitest';
import { columns, fitWindow, KIOSK, moveIndex, NORMAL, scrollToRow, scrollWindow } from './grid';

describe('the grid', () => {
  it('fits four normal columns at 1440 px (sider and padding off) and three on a tablet', () => {
    expect(columns(1440 - 216 - 48, NORMAL)).toBe(4);
    expect(columns(1024 - 80 - 48, NORMAL)).toBe(3);
    expect(columns(100, NORMAL)).toBe(1);
  });

  it('renders the rows on screen and one either side, whatever the count', () => {
    const w = scrollWindow(500, { width: 1176, height: 700, scrollTop: 0 }, NORMAL);
    expect(w.cols).toBe(4);
    expect(w.first).toBe(0);
    // 700 px show rows 0-2 (3 rows of 274); one more below.
    expect(w.end).toBe(16);
    const down = scrollWindow(500, { width: 1176, height: 700, scrollTop: 2740 }, NORMAL);
    expect(down.first).toBe(9 * 4);
    expect(down.offsetTop).toBe(9 * 274);
    expect(down.end - down.first).toBeLessThanOrEqual(24);
    expect(w.totalHeight).toBe(125 * 274 - 12);
  });

  it('fills the screen in kiosk mode with whole rows, stretched', () => {
    const w = fitWindow(500, { width: 1888, height: 960 }, KIOSK);
    expect(w.cols).toBe(5);
    expect(w.pageRows).toBe(3);
    expect(w.end).toBe(15);
    expect(w.cardHeight).toBe(Math.floor((960 - 2 * KIOSK.gap) / 3));
    expect(fitWindow(3, { width: 1888, height: 960 }, KIOSK).end).toBe(3);
  });

  it('shows six alarms on a 1024×768 kiosk, not two (issue 14)', () => {
    // The grid's box on that screen: the kiosk's padding and its bar taken off.
    const w = fitWindow(500, { width: 992, height: 660 }, KIOSK);
    expect(w.cols * w.pageRows).toBe(6);
  });

  it('moves with the arrows and stays put at the edges', () => {
    expect(moveIndex('ArrowRight', 0, 4, 10, 2)).toBe(1);
    expect(moveIndex('ArrowLeft', 0, 4, 10, 2)).toBe(0);
    expect(moveIndex('ArrowDown', 1, 4, 10, 2)).toBe(5);
    expect(moveIndex('ArrowDown', 7, 4, 10, 2)).toBe(7);
    expect(moveIndex('ArrowUp', 5, 4, 10, 2)).toBe(1);
    expect(moveIndex('ArrowUp', 2, 4, 10, 2)).toBe(2);
    expect(moveIndex('End', 0, 4, 10, 2)).toBe(9);
    expect(moveIndex('PageDown', 0, 4, 10, 2)).toBe(8);
    expect(moveIndex('ArrowRight', -1, 4, 10, 2)).toBe(0);
    expect(moveIndex('ArrowRight', 0, 4, 0, 2)).toBe(-1);
  });

  it('scrolls a row into view only when it is not', () => {
    expect(scrollToRow(0, { height: 700, scrollTop: 0 }, 274, 262)).toBe(0);
    expect(scrollToRow(3, { height: 700, scrollTop: 0 }, 274, 262)).toBe(3 * 274 + 262 - 700);
    expect(scrollToRow(1, { height: 700, scrollTop: 600 }, 274, 262)).toBe(274);
  });
});
