// Wall-clock times as the device speaks them (§1: "yyyy-MM-dd HH:mm:ss") and
// zones as §6.7 writes them ("GMT+08:00"). No date library: the arithmetic is
// done on the wall clock as if it were UTC, which is exact for fixed offsets.
import { TIME_FORMATS } from '../../../api/protocol/limits';
import { TIME_ZONE_PATTERN } from '../../../api/protocol/system';

export type TimeFormat = (typeof TIME_FORMATS)[number];
export { TIME_FORMATS };

/**
 * The offsets in use around the world, for the zone list. The device takes any
 * GMT±hh:mm up to ±14:00 (§6.7's pattern); a zone it reports outside this list
 * is added to the list as it is.
 */
const OFFSETS = [
  '-12:00', '-11:00', '-10:00', '-09:30', '-09:00', '-08:00', '-07:00', '-06:00', '-05:00', '-04:00', '-03:30',
  '-03:00', '-02:00', '-01:00', '+00:00', '+01:00', '+02:00', '+03:00', '+03:30', '+04:00', '+04:30', '+05:00',
  '+05:30', '+05:45', '+06:00', '+06:30', '+07:00', '+08:00', '+08:45', '+09:00', '+09:30', '+10:00', '+10:30',
  '+11:00', '+12:00', '+12:45', '+13:00', '+14:00',
] as const;
export const TIME_ZONES: readonly string[] = OFFSETS.map((o) => `GMT${o}`);

export const isTimeZone = (zone: string): boolean => TIME_ZONE_PATTERN.test(zone);

/** Minutes east of Greenwich for "GMT+05:30", or null. */
export function zoneMinutes(zone: string): number | null {
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m || !isTimeZone(zone)) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function zoneOfMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** This computer's zone now, as the device writes zones. */
export function computerZone(at: Date = new Date()): string {
  return zoneOfMinutes(-at.getTimezoneOffset());
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A UTC-read Date as "yyyy-MM-dd HH:mm:ss". */
function formatUtc(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClockIn(ms: number, zone: string): string {
  return formatUtc(new Date(ms + (zoneMinutes(zone) ?? 0) * 60_000));
}

/** The years the device's clock takes (the reference is silent; a Linux clock with 32-bit time_t ends in 2038, ours in 2099). */
export const YEAR_MIN = 1970;
export const YEAR_MAX = 2099;

/** Milliseconds of a wall-clock text read as UTC, or null when it is no real date ("2023-02-30"). */
export function parseWallClock(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatUtc(new Date(ms)) === text ? ms : null;
}

export type WallClockProblem = 'required' | 'format' | 'notADate' | 'outOfRange';
export function checkWallClock(text: string): WallClockProblem | null {
  if (text.trim() === '') return 'required';
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return 'format';
  if (parseWallClock(text) === null) return 'notADate';
  const year = Number(text.slice(0, 4));
  return year < YEAR_MIN || year > YEAR_MAX ? 'outOfRange' : null;
}

/** The device's time `elapsedMs` after it said `sysTime` (for a clock that ticks between reads). */
export function advanceWallClock(sysTime: string, elapsedMs: number): string {
  const ms = parseWallClock(sysTime);
  return ms === null ? sysTime : formatUtc(new Date(ms + Math.max(0, elapsedMs)));
}

/** A wire time shown in one of §6.7's three formats (how the device's own pages show it). */
export function inFormat(wire: string, format: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (.+)$/.exec(wire);
  if (!m) return wire;
  const [, y, mo, d, rest] = m;
  if (format === 'dd-MM-yyyy HH:mm:ss') return `${d}-${mo}-${y} ${rest}`;
  if (format === 'MM-dd-yyyy HH:mm:ss') return `${mo}-${d}-${y} ${rest}`;
  return wire;
}

/** Where the time to set comes from: kept (only the zone or format change), this computer, or typed. */
export type TimeSource = 'device' | 'computer' | 'manual';

/** The wall clock to send, in the zone chosen, for each source of time. */
export function timeToSend(
  source: TimeSource,
  zone: string,
  ctx: { deviceWire: string | null; deviceZone: string | null; manual: string | null; now: number },
): string | null {
  if (source === 'computer') return wallClockIn(ctx.now, zone);
  if (source === 'manual') return ctx.manual;
  // Keep the device's instant: the same moment, written in the (perhaps new) zone.
  if (!ctx.deviceWire || !ctx.deviceZone) return null;
  const wall = parseWallClock(ctx.deviceWire);
  const offset = zoneMinutes(ctx.deviceZone);
  if (wall === null || offset === null) return null;
  return wallClockIn(wall - offset * 60_000, zone);
}
