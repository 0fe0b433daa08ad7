// Records are filtered by the device's own wall time ("yyyy-MM-dd HH:mm:ss",
// device-local, §1). The presets (last hour, today…) are computed from the
// device's clock (1283), not the browser's: an operator's laptop may sit in
// another zone or drift, and "today" must mean the device's day, the day the
// trigger strings are written in. Times are handled as naive wall-clock
// milliseconds (read as if UTC): no zone arithmetic is needed because both
// ends of every comparison are the device's own wall time.

const TIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

export type TimePreset = 'hour' | 'today' | 'yesterday' | 'week';
export const TIME_PRESETS: readonly TimePreset[] = ['hour', 'today', 'yesterday', 'week'];

export interface TimeRange {
  start_time?: string;
  stop_time?: string;
}

/** "yyyy-MM-dd HH:mm:ss" → naive wall-clock ms; null when malformed or not a real date. */
export function parseDeviceTime(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // 2024-02-30 would roll over to March: not a date the device wrote.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDeviceTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
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
