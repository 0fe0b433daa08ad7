// The overview's time buckets, on the device's clock (§1: "yyyy-MM-dd
// HH:mm:ss", the device's own wall time). Times are "naive" ms (the wall time
// read as UTC, src/api/protocol/device-time.ts), so a day is 86 400 000 ms
// from the device's midnight whatever zone the browser is in.
import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/**
 * A bucket read this long after its end is final: a capture is written a
 * moment after its trigger, so an hour read at 13:00:05 may still lack a face
 * of 12:59:58. Final buckets are cached for good.
 */
export const SETTLE_MS = 60_000;

export interface Bucket {
  /** Naive ms of the first second. */
  start: number;
  /** Naive ms of the last second (§3.13's stop_time is inclusive). */
  stop: number;
  /** Device times for the request. */
  startTime: string;
  stopTime: string;
}

export function bucket(start: number, length: number): Bucket {
  const stop = start + length - 1000;
  return { start, stop, startTime: formatDeviceTime(start), stopTime: formatDeviceTime(stop) };
}

/** The device's "now": 1283's answer moved on by the time elapsed since (only the elapsed time is the browser's). */
export function deviceNow(sysTime: string, readAt: number, now: number): number | null {
  const at = parseDeviceTime(sysTime);
  return at === null ? null : at + Math.max(0, now - readAt);
}

export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** The 24 hours of the day that starts at `day` (naive ms of midnight). */
export function hoursOf(day: number): Bucket[] {
  return Array.from({ length: 24 }, (_, h) => bucket(day + h * HOUR_MS, HOUR_MS));
}

/** `n` whole days ending with the one that holds `now`, oldest first. */
export function lastDays(now: number, n: number): Bucket[] {
  const today = dayStart(now);
  return Array.from({ length: n }, (_, i) => bucket(today - (n - 1 - i) * DAY_MS, DAY_MS));
}

export const dayBucket = (day: number): Bucket => bucket(day, DAY_MS);

/** Not begun yet on the device's clock: nothing to ask, its count is 0. */
export const isFuture = (b: Bucket, now: number): boolean => b.start > now;

/** Whether a count read at device time `readAt` can never change again. */
export const isFinal = (b: Bucket, readAt: number): boolean => readAt >= b.stop + 1000 + SETTLE_MS;

/** "yyyy-MM-dd" of a naive day; and back (null when malformed). */
export const dayLabel = (day: number): string => formatDeviceTime(day).slice(0, 10);
export function parseDay(text: string | null | undefined): number | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return parseDeviceTime(`${text} 00:00:00`);
}
