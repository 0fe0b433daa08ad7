// antd's pickers mark "today" (and open on it) by the browser's clock, but
// records are filtered by, and the device's time is set in, the device's own
// wall time (1283), which may be another day in another zone (issue 14). These
// pickers take "now" from the device's clock as the page showing them last
// read it (useDevicePickerClock); only the time elapsed since comes from the
// browser. With no reading yet they fall back to the browser's clock.
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';

interface Reading {
  /** The device's wall time, as naive milliseconds (its fields read as UTC). */
  wall: number;
  /** Browser ms when it was read. */
  readAt: number;
}

// One device per console tab: the page that shows a picker sets the reading.
let reading: Reading | null = null;

/** The device's wall time now, as a dayjs whose local fields are the device's. */
export function devicePickerNow(now: number = Date.now()): Dayjs {
  if (!reading) return dayjs(now);
  const d = new Date(reading.wall + Math.max(0, now - reading.readAt));
  return dayjs(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
}

export const DeviceDatePicker = DatePicker.generatePicker<Dayjs>({ ...dayjsGenerateConfig, getNow: () => devicePickerNow() });

/** While mounted, the pickers' "now" is the device's clock: `wall` (naive ms) read at `readAt` (browser ms). */
export function useDevicePickerClock(wall: number | null, readAt: number | null): void {
  useEffect(() => {
    if (wall === null || readAt === null) return;
    reading = { wall, readAt };
    return () => {
      reading = null;
    };
  }, [wall, readAt]);
}
