// What the overview counts, as one plan the page and bench/overview.ts share:
// every number on the page is the total_num of a one-row query (1036 alarms,
// 1037 face snapshots) over one bucket with one filter.
//
// Requests per page view (first view at device hour h, 0-23; C cameras, L
// libraries, P = ceil(min(today's alarms, 1000) / 50) pages for the top persons):
//   first view: 3 shared (1283 clock, 516 cameras, 1028 libraries)
//             + 3 status (1288 storage, 1313 CPU, 1314 memory)
//             + (h+1) alarms today by hour + 24 yesterday + 7 days (30 when the
//               30-day view is chosen: 23 more)
//             + (h+1) snapshots today by hour (strangers are derived: no request)
//             + C + L (today per camera / per library) + P (top persons)
//     e.g. at 14:xx with 4 cameras, 3 libraries and 700 alarms today:
//          3 + 3 + 15 + 24 + 7 + 15 + 4 + 3 + 14 = 88, at most 4 in flight.
//   refresh (every minute): 3 (current hour's alarms and snapshots, today's day
//     total) + C + L; the top persons every 5 minutes (P); CPU and memory every
//     30 s, storage every 30 s, the clock every 5 minutes. Finished hours and
//     days are never asked again while the console stays open (a reload asks once more).
import type { Bucket } from './buckets';
import { DAY_MS, dayBucket, hoursOf, isFuture, lastDays } from './buckets';

export type RecordSet = 'alarms' | 'snapshots';

export interface CountFilter {
  set: RecordSet;
  channel?: number;
  /** 1036's lib_ids: one library id here. */
  libId?: number;
}

export interface Count {
  filter: CountFilter;
  bucket: Bucket;
}

export interface OverviewPlan {
  day: number;
  alarmsByHour: Count[];
  alarmsYesterday: Count[];
  snapshotsByHour: Count[];
  alarmsByDay: Count[];
  perCamera: Count[];
  perLibrary: Count[];
  /** Today's alarms, paged for the top persons. */
  today: Bucket;
}

export const DAY_CHOICES = [7, 30] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

const counts = (filter: CountFilter, buckets: Bucket[]): Count[] => buckets.map((bucket) => ({ filter, bucket }));

/** The plan for the device's day `day` (naive ms of its midnight; today or a day of the report). */
export function overviewPlan(
  day: number,
  o: { channels: readonly number[]; libraryIds: readonly number[]; days: number; yesterday?: boolean },
): OverviewPlan {
  const today = dayBucket(day);
  return {
    day,
    alarmsByHour: counts({ set: 'alarms' }, hoursOf(day)),
    alarmsYesterday: o.yesterday === false ? [] : counts({ set: 'alarms' }, hoursOf(day - DAY_MS)),
    snapshotsByHour: counts({ set: 'snapshots' }, hoursOf(day)),
    alarmsByDay: o.days > 0 ? counts({ set: 'alarms' }, lastDays(day, o.days)) : [],
    perCamera: o.channels.map((channel) => ({ filter: { set: 'alarms', channel }, bucket: today })),
    perLibrary: o.libraryIds.map((libId) => ({ filter: { set: 'alarms', libId }, bucket: today })),
    today,
  };
}

/** The counts worth a request at device time `now`: a bucket that has not begun is 0. */
export const askable = (cs: readonly Count[], now: number): Count[] => cs.filter((c) => !isFuture(c.bucket, now));
