// The device's time on the wire (§1): "yyyy-MM-dd HH:mm:ss", the device's own
// wall clock, no zone. The one place that parses, formats, validates and
// shifts it, for the console and the emulator alike.
//
// A wall time is handled as "naive" milliseconds: the text read as if it were
// UTC. Comparing and shifting two wall times of the same device needs no zone;
// an instant comes in only where a zone ("GMT+08:00", §6.7) is given.

export const DEVICE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The years the device's clock takes (the reference is silent; a Linux clock with 32-bit time_t ends in 2038, ours in 2099). */
export const DEVICE_YEAR_MIN = 1970;
export const DEVICE_YEAR_MAX = 2099;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Naive ms → "yyyy-MM-dd HH:mm:ss". */
export function formatDeviceTime(naiveMs: number): string {
  const d = new Date(naiveMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * "yyyy-MM-dd HH:mm:ss" → naive ms; null when malformed or not a real date
 * ("2026-02-30", "2026-13-45 99:99:99") or outside the years the device keeps.
 */
export function parseDeviceTime(text: string): number | null {
  const m = DEVICE_TIME_PATTERN.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < DEVICE_YEAR_MIN || y > DEVICE_YEAR_MAX) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 02-30 over into March: not a time the device writes.
  return formatDeviceTime(ms) === text ? ms : null;
}

export const isDeviceTime = (text: string): boolean => parseDeviceTime(text) !== null;

/** A device time moved by `seconds`; a malformed one is returned as it is. */
export function shiftDeviceTime(text: string, seconds: number): string {
  const ms = parseDeviceTime(text);
  return ms === null ? text : formatDeviceTime(ms + seconds * 1000);
}

/** Seconds from `a` to `b` (both device times), or null if either is malformed. */
export function deviceSecondsBetween(a: string, b: string): number | null {
  const x = parseDeviceTime(a);
  const y = parseDeviceTime(b);
  return x === null || y === null ? null : Math.round((y - x) / 1000);
}

/** §6.7: "GMT+08:00" → minutes east of Greenwich; null for anything else. */
export function zoneMinutes(zone: string): number | null {
  const m = /^GMT([+-])(0\d|1[0-4]):([0-5]\d)$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** An instant (epoch ms) as the wall time of `zone`. */
export function formatInZone(epochMs: number, zone: string): string {
  return formatDeviceTime(epochMs + (zoneMinutes(zone) ?? 0) * 60_000);
}

/** A wall time of `zone` → the instant (epoch ms); null when it is no device time. */
export function parseInZone(text: string, zone: string): number | null {
  const ms = parseDeviceTime(text);
  return ms === null ? null : ms - (zoneMinutes(zone) ?? 0) * 60_000;
}
