// The time section's rules: the zone list, the time to send, the formats of
// §6.7. Reading, writing and shifting the device's wall clock and its zones
// are the protocol's (src/api/protocol/device-time.ts).
import {
  DEVICE_YEAR_MAX,
  DEVICE_YEAR_MIN,
  formatInZone,
  parseDeviceTime,
  parseInZone,
  shiftDeviceTime,
  zoneMinutes,
} from '../protocol/device-time';
import { TIME_FORMATS } from '../protocol/limits';
import { TIME_ZONE_PATTERN } from '../protocol/system';

export type TimeFormat = (typeof TIME_FORMATS)[number];
export { TIME_FORMATS };

/**
 * The offsets in use around the world, for the zone list. The device takes any
 * GMT±hh:mm up to ±14:00 (§6.7's pattern); a zone it reports outside this list
 * is added to the list as it is.
 */
const OFFSETS = [
  '-12:00',
  '-11:00',
  '-10:00',
  '-09:30',
  '-09:00',
  '-08:00',
  '-07:00',
  '-06:00',
  '-05:00',
  '-04:00',
  '-03:30',
  '-03:00',
  '-02:00',
  '-01:00',
  '+00:00',
  '+01:00',
  '+02:00',
  '+03:00',
  '+03:30',
  '+04:00',
  '+04:30',
  '+05:00',
  '+05:30',
  '+05:45',
  '+06:00',
  '+06:30',
  '+07:00',
  '+08:00',
  '+08:45',
  '+09:00',
  '+09:30',
  '+10:00',
  '+10:30',
  '+11:00',
  '+12:00',
  '+12:45',
  '+13:00',
  '+14:00',
] as const;
export const TIME_ZONES: readonly string[] = OFFSETS.map((o) => `GMT${o}`);

export const isTimeZone = (zone: string): boolean => TIME_ZONE_PATTERN.test(zone);

export function zoneOfMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** This computer's zone now, as the device writes zones. */
export function computerZone(at: Date = new Date()): string {
  return zoneOfMinutes(-at.getTimezoneOffset());
}

export type WallClockProblem = 'required' | 'format' | 'notADate' | 'outOfRange';
export function checkWallClock(text: string): WallClockProblem | null {
  if (text.trim() === '') return 'required';
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return 'format';
  const year = Number(text.slice(0, 4));
  if (year < DEVICE_YEAR_MIN || year > DEVICE_YEAR_MAX) return 'outOfRange';
  return parseDeviceTime(text) === null ? 'notADate' : null;
}

/** The device's time `elapsedMs` after it said `sysTime` (for a clock that ticks between reads). */
export function advanceWallClock(sysTime: string, elapsedMs: number): string {
  return shiftDeviceTime(sysTime, Math.max(0, elapsedMs) / 1000);
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
  if (source === 'computer') return formatInZone(ctx.now, zone);
  if (source === 'manual') return ctx.manual;
  // Keep the device's instant: the same moment, written in the (perhaps new) zone.
  if (!ctx.deviceWire || !ctx.deviceZone) return null;
  if (zoneMinutes(ctx.deviceZone) === null) return null;
  const instant = parseInZone(ctx.deviceWire, ctx.deviceZone);
  return instant === null ? null : formatInZone(instant, zone);
}
