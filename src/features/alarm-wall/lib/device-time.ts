// "12 s ago" for a capture whose time is the device's local "yyyy-MM-dd HH:mm:ss"
// (no zone, whole seconds). The device's clock and zone may differ from ours,
// so the offset is learnt from live pushes: received-at (our clock) minus the
// trigger read as UTC. A push arrives within the second it was made, so the
// smallest recent sample is the best estimate; backfilled alarms use it too.

import { parseDeviceTime } from '../../../api/protocol/device-time';
import { formatAgo, type Lang } from '../../../i18n';

const SAMPLES = 32;

export class DeviceClock {
  private samples: number[] = [];
  private offset: number;

  /** Until a push says otherwise, the device is taken to be in our zone, on time. */
  constructor(localZoneOffsetMs = new Date().getTimezoneOffset() * 60_000) {
    this.offset = localZoneOffsetMs;
  }

  /** A live push (not a backfilled one: its receivedAt says nothing of its trigger). */
  observe(trigger: string, receivedAt: number): void {
    const t = parseDeviceTime(trigger);
    if (t === null) return;
    this.samples.push(receivedAt - t);
    if (this.samples.length > SAMPLES) this.samples.shift();
    this.offset = Math.min(...this.samples);
  }

  /** Our epoch ms of a device time. */
  toLocal(trigger: string): number | null {
    const t = parseDeviceTime(trigger);
    return t === null ? null : t + this.offset;
  }

  /** The device's date now, "yyyy-MM-dd". */
  today(now: number): string {
    return new Date(now - this.offset).toISOString().slice(0, 10);
  }

  /** Whole seconds since the capture, never negative. */
  ageSeconds(trigger: string, now: number): number | null {
    const local = this.toLocal(trigger);
    return local === null ? null : Math.max(0, Math.floor((now - local) / 1000));
  }
}

/** The console's one estimate (the wall feeds it as pushes arrive). */
export const deviceClock = new DeviceClock();

/**
 * "12 seconds ago", then minutes, hours, days, in the browser's own words for
 * the language (Intl.RelativeTimeFormat); under 2 s `justNow` (Intl's "now"
 * would flicker to "1 second ago" at once on a wall that counts).
 */
export function ageText(seconds: number, lang: Lang, justNow: string): string {
  return seconds < 2 ? justNow : formatAgo(lang, seconds);
}

/** "14:09:21", or "01-24 14:09:21" when not of today (device date). */
export function shortTime(trigger: string, today: string): string {
  const [date, time] = trigger.split(' ');
  if (!date || !time) return trigger;
  return date === today ? time : `${date.slice(5)} ${time}`;
}
