// Records are filtered by the device's own wall time ("yyyy-MM-dd HH:mm:ss",
// device-local, §1). The presets (last hour, today…) are computed from the
// device's clock (1283), not the browser's: an operator's laptop may sit in
// another zone or drift, and "today" must mean the device's day, the day the
// trigger strings are written in. Times are handled as naive wall-clock
// milliseconds (read as if UTC): no zone arithmetic is needed because both
// ends of every comparison are the device's own wall time. Parsing and
// formatting are the protocol's (src/api/protocol/device-time.ts).

import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';

const DAY_MS = 86_400_000;

export type TimePreset = 'hour' | 'today' | 'yesterday' | 'week';
export const TIME_PRESETS: readonly TimePreset[] = ['hour', 'today', 'yesterday', 'week'];

export interface TimeRange {
  start_time?: string;
  stop_time?: string;
}

/**
 * The device's "now": its clock as read by 1283 at `readAt` (browser ms),
 * moved on by the time elapsed since. Only the elapsed time comes from the
 * browser, so a wrong browser clock or zone does not shift the presets.
 */
export function deviceNow(sysTime: string, readAt: number, now: number = Date.now()): number | null {
  const at = parseDeviceTime(sysTime);
  return at === null ? null : at + Math.max(0, now - readAt);
}

/**
 * A preset as a range on the device's clock. Both ends are inclusive (§3.13's
 * start/stop). "Last hour", "today" and "last 7 days" leave the stop open, so
 * captures that arrive while the page is open still count; "yesterday" ends at
 * 23:59:59. "Last 7 days" is today and the six days before, from midnight (the
 * calendar reading an operator expects from a history that is kept per day).
 */
export function presetRange(preset: TimePreset, now: number): TimeRange {
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  switch (preset) {
    case 'hour':
      return { start_time: formatDeviceTime(now - 3_600_000) };
    case 'today':
      return { start_time: formatDeviceTime(midnight) };
    case 'yesterday':
      return { start_time: formatDeviceTime(midnight - DAY_MS), stop_time: formatDeviceTime(midnight - 1000) };
    case 'week':
      return { start_time: formatDeviceTime(midnight - 6 * DAY_MS) };
  }
}
