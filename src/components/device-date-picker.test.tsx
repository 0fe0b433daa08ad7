// Issue 14 (19): the date pickers marked "today" by the browser's clock.
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceDatePicker, useDevicePickerClock } from './device-date-picker';

// The device's clock reads two days and a few hours ahead of the browser's.
const DEVICE_WALL = Date.UTC(2026, 11, 8, 9, 30, 0);

function Picker({ wall }: { wall: number | null }) {
  useDevicePickerClock(wall, wall === null ? null : Date.now());
  return <DeviceDatePicker open />;
}

const today = () => document.querySelector('.ant-picker-cell-today')?.getAttribute('title');

describe("the pickers' today", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 6, 5, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  it("is the device's day, not the browser's", () => {
    render(<Picker wall={DEVICE_WALL} />);
    expect(today()).toBe('2026-12-08');
  });

  it("is the browser's until the device's clock has been read", () => {
    render(<Picker wall={null} />);
    expect(today()).toBe('2026-12-06');
  });
});
