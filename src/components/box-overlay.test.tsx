import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BoxOverlay, boxPercent } from './box-overlay';

/** jsdom loads no pictures: give the img a natural size and say it loaded. */
function load(img: HTMLElement, w: number, h: number) {
  Object.defineProperty(img, 'naturalWidth', { value: w });
  Object.defineProperty(img, 'naturalHeight', { value: h });
  fireEvent.load(img);
}

describe('BoxOverlay', () => {
  it('draws the same box whichever way the device orders its corners', () => {
    const topDown = boxPercent({ left: 50, right: 150, top: 20, bottom: 120 }, 200, 400);
    expect(topDown).toEqual({ left: 25, top: 5, width: 50, height: 25 });
    expect(boxPercent({ left: 150, right: 50, top: 120, bottom: 20 }, 200, 400)).toEqual(topDown);
  });

  it('draws a box given bottom-up (top > bottom, as the reference’s example) over the scene', () => {
    render(<BoxOverlay src="/ws/frame.jpg" alt="Scene" box={{ left: 50, right: 150, top: 120, bottom: 20 }} />);
    expect(screen.queryByTestId('face-box')).toBeNull();
    load(screen.getByRole('img', { name: 'Scene' }), 200, 400);
    const box = screen.getByTestId('face-box');
    expect(box.style.left).toBe('25%');
    expect(box.style.top).toBe('5%');
    expect(box.style.width).toBe('50%');
    expect(box.style.height).toBe('25%');
  });

  it('draws nothing without a box', () => {
    render(<BoxOverlay src="/ws/frame.jpg" alt="Scene" box={null} />);
    load(screen.getByRole('img', { name: 'Scene' }), 200, 400);
    expect(screen.queryByTestId('face-box')).toBeNull();
  });
});
