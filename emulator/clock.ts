// The device's clock: the host's clock plus the offset set by 1282, shown in the
// device's zone ("GMT+08:00"). Every time on the wire is "yyyy-MM-dd HH:mm:ss".
// Parsing and formatting are the protocol's (src/api/protocol/device-time.ts).
import { formatInZone, parseInZone, zoneMinutes as zoneMinutesOrNull } from '../src/api/protocol/device-time';
import type { ConfigStore } from './store/db';

export interface TimeConfig {
  offsetMs: number;
  time_zone: string;
  time_format: string;
}

export const DEFAULT_TIME: TimeConfig = { offsetMs: 0, time_zone: 'GMT+08:00', time_format: 'yyyy-MM-dd HH:mm:ss' };

/**
 * "GMT+08:00" → 480 minutes east of UTC; 0 for a zone the device would not
 * take (1282's schema refuses those, so a stored zone always parses).
 */
export const zoneMinutes = (zone: string): number => zoneMinutesOrNull(zone) ?? 0;
export { formatInZone };

export class DeviceClock {
  constructor(private readonly config: ConfigStore) {}
  get settings(): TimeConfig {
    return this.config.get('time', DEFAULT_TIME);
  }
  /** The device's notion of now, as a UTC instant. */
  now(): number {
    return Date.now() + this.settings.offsetMs;
  }
  format(ms = this.now()): string {
    return formatInZone(ms, this.settings.time_zone);
  }
  /** A device time → the instant; null when it is no device time. */
  parse(text: string): number | null {
    return parseInZone(text, this.settings.time_zone);
  }
  /** "2019-01-23-12-04-27", as export file names have it (§3.11). */
  stamp(ms = this.now()): string {
    return this.format(ms).replace(' ', '-').replace(/:/g, '-');
  }
}
