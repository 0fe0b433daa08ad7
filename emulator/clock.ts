// The device's clock: the host's clock plus the offset set by 1282, shown in the
// device's zone ("GMT+08:00"). Every time on the wire is "yyyy-MM-dd HH:mm:ss".
import type { ConfigStore } from './store/db';

export interface TimeConfig {
  offsetMs: number;
  time_zone: string;
  time_format: string;
}

export const DEFAULT_TIME: TimeConfig = { offsetMs: 0, time_zone: 'GMT+08:00', time_format: 'yyyy-MM-dd HH:mm:ss' };

/** "GMT+08:00" → 480 minutes east of UTC. */
export function zoneMinutes(zone: string): number {
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as the wall time of a zone, "yyyy-MM-dd HH:mm:ss". */
export function formatInZone(ms: number, zone: string): string {
  const d = new Date(ms + zoneMinutes(zone) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The inverse: a wall time in a zone → UTC instant (NaN if malformed). */
export function parseInZone(text: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return Number.NaN;
  const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return utc - zoneMinutes(zone) * 60_000;
}

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
  parse(text: string): number {
    return parseInZone(text, this.settings.time_zone);
  }
  /** "2019-01-23-12-04-27", as export file names have it (§3.11). */
  stamp(ms = this.now()): string {
    return this.format(ms).replace(' ', '-').replace(/:/g, '-');
  }
}
