// The range and the layout of "where was this person seen". Times are the
// device's naive wall time in ms (read as UTC), like model/device-time.ts.
import type { AlarmRecord } from '../../../api/protocol/records';
import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';

const DAY_MS = 86_400_000;
/** The longest range one timeline reads: the scan's cap bites long before on a busy node anyway. */
export const SEEN_MAX_DAYS = 92;

export interface SeenRange {
  /** Device days, yyyy-MM-dd, both inclusive (what the URL holds). */
  from: string;
  to: string;
  /** What 1036 is asked for. */
  start: string;
  stop: string;
}

const dayOf = (ms: number) => formatDeviceTime(ms).slice(0, 10);
const parseDay = (day: string | null): number | null =>
  day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? parseDeviceTime(`${day} 00:00:00`) : null;

/**
 * The URL's days on the device's clock: without them (or with a broken or
 * reversed pair) the last 7 days, today and the six before, as the records
 * page's "last 7 days". The stop never passes the device's now: it is fixed
 * when the scan starts, so alarms arriving meanwhile do not shift its pages.
 * A range longer than SEEN_MAX_DAYS keeps its end and is cut at the start.
 */
export function seenRange(from: string | null, to: string | null, now: number): SeenRange {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  let a = parseDay(from);
  let b = parseDay(to);
  if (a === null || b === null || a > b) {
    a = today - 6 * DAY_MS;
    b = today;
  }
  if (b - a >= SEEN_MAX_DAYS * DAY_MS) a = b - (SEEN_MAX_DAYS - 1) * DAY_MS;
  const stop = Math.min(b + DAY_MS - 1000, now);
  return { from: dayOf(a), to: dayOf(b), start: formatDeviceTime(a), stop: formatDeviceTime(Math.max(stop, a)) };
}

export interface TimelineDot {
  record: AlarmRecord;
  /** Position on the axis, 0 (start) to 1 (stop). */
  x: number;
  /** Which line of its row: dots closer than LANE_GAP go on the next line, so one does not hide another. */
  lane: number;
}
export interface TimelineRow {
  channel: number;
  camera: string;
  dots: TimelineDot[];
  lanes: number;
}

/** A capture is about 40 px on a track of at least ~470 px (the axis scrolls below that): ~8 % apart they do not overlap. */
const LANE_GAP = 0.085;
/** Past this many lines, dots overlap again (still each reachable by Tab). */
const LANES_MAX = 3;
export interface TimelineTick {
  x: number;
  /** yyyy-MM-dd of the day that starts there. */
  day: string;
}

/** One row per camera that saw the person (by channel), dots oldest first; a tick at each device midnight. */
export function timelineLayout(
  found: readonly AlarmRecord[],
  range: Pick<SeenRange, 'start' | 'stop'>,
  cameraName: (channel: number) => string | undefined,
): { rows: TimelineRow[]; ticks: TimelineTick[] } {
  const a = parseDeviceTime(range.start) ?? 0;
  const b = Math.max(a + 1000, parseDeviceTime(range.stop) ?? a + 1000);
  const pos = (ms: number) => Math.min(1, Math.max(0, (ms - a) / (b - a)));
  const byChannel = new Map<number, TimelineRow>();
  for (const r of found) {
    const at = parseDeviceTime(r.trigger);
    if (at === null) continue;
    let row = byChannel.get(r.channel);
    if (!row) {
      row = { channel: r.channel, camera: cameraName(r.channel) ?? r.camera_name, dots: [], lanes: 1 };
      byChannel.set(r.channel, row);
    }
    row.dots.push({ record: r, x: pos(at), lane: 0 });
  }
  const rows = [...byChannel.values()].sort((x, y) => x.channel - y.channel);
  for (const row of rows) {
    row.dots.sort((x, y) => x.x - y.x || x.record.snap_id.localeCompare(y.record.snap_id));
    const lastX: number[] = [];
    for (const d of row.dots) {
      let lane = lastX.findIndex((x) => d.x - x >= LANE_GAP);
      if (lane < 0) lane = lastX.length < LANES_MAX ? lastX.length : lastX.indexOf(Math.min(...lastX));
      lastX[lane] = d.x;
      d.lane = lane;
    }
    row.lanes = Math.max(1, lastX.length);
  }
  const ticks: TimelineTick[] = [];
  const days = Math.ceil((b - a) / DAY_MS);
  // A label a day up to a fortnight, then every 7th: the axis stays legible on a phone.
  const every = days <= 14 ? 1 : 7;
  for (let d = Math.ceil(a / DAY_MS) * DAY_MS, i = 0; d <= b; d += DAY_MS, i++) {
    if (i % every === 0) ticks.push({ x: pos(d), day: dayOf(d) });
  }
  return { rows, ticks };
}
