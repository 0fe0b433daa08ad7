// The overview's day as rows (section, item, value): the CSV and the printed
// report say the same thing. Labels come translated from the caller.
import { formatDeviceTime } from '../../../api/protocol/device-time';
import type { Bucket } from './buckets';

export interface ReportInput {
  hours: readonly Bucket[];
  alarmsByHour: readonly (number | null)[];
  snapshotsByHour: readonly (number | null)[];
  strangersByHour: readonly (number | null)[];
  cameras: readonly { label: string; value: number | null }[];
  libraries: readonly { label: string; value: number | null }[];
  persons: readonly { label: string; value: number }[];
}

export interface ReportLabels {
  alarms: string;
  snapshots: string;
  strangers: string;
  camera: string;
  library: string;
  person: string;
  totals: string;
}

export type ReportRow = readonly [section: string, item: string, value: number | string];

const n = (x: number | null | undefined): number | string => (x === null || x === undefined ? '' : x);
const total = (xs: readonly (number | null)[]) => xs.reduce<number>((t, x) => t + (x ?? 0), 0);

export function reportRows(r: ReportInput, l: ReportLabels): ReportRow[] {
  const rows: ReportRow[] = [
    [l.totals, l.alarms, total(r.alarmsByHour)],
    [l.totals, l.snapshots, total(r.snapshotsByHour)],
    [l.totals, l.strangers, total(r.strangersByHour)],
  ];
  r.hours.forEach((b, i) => {
    const hour = `${formatDeviceTime(b.start).slice(0, 16)}–${formatDeviceTime(b.stop).slice(11, 16)}`;
    rows.push([l.alarms, hour, n(r.alarmsByHour[i])]);
  });
  r.hours.forEach((b, i) => rows.push([l.snapshots, `${formatDeviceTime(b.start).slice(0, 16)}`, n(r.snapshotsByHour[i])]));
  r.hours.forEach((b, i) => rows.push([l.strangers, `${formatDeviceTime(b.start).slice(0, 16)}`, n(r.strangersByHour[i])]));
  for (const c of r.cameras) rows.push([l.camera, c.label, n(c.value)]);
  for (const c of r.libraries) rows.push([l.library, c.label, n(c.value)]);
  for (const p of r.persons) rows.push([l.person, p.label, p.value]);
  return rows;
}
