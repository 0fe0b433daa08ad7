import { describe, expect, it } from 'vitest';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { dayLabel, dayStart, deviceNow, hoursOf, isFinal, isFuture, lastDays, parseDay, SETTLE_MS } from './buckets';
import { askable, overviewPlan } from './plan';
import { reportRows } from './report-rows';

const at = (s: string) => parseDeviceTime(s)!;

describe('buckets on the device clock', () => {
  it('cuts the device day into 24 inclusive hours, whatever the browser zone', () => {
    const h = hoursOf(dayStart(at('2026-12-06 14:25:00')));
    expect(h).toHaveLength(24);
    expect(h[0]).toMatchObject({ startTime: '2026-12-06 00:00:00', stopTime: '2026-12-06 00:59:59' });
    expect(h[23]).toMatchObject({ startTime: '2026-12-06 23:00:00', stopTime: '2026-12-06 23:59:59' });
  });

  it('gives the last n days oldest first, across a month end', () => {
    const d = lastDays(at('2026-12-02 08:00:00'), 7);
    expect(d.map((b) => b.startTime.slice(0, 10))).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(d[6]!.stopTime).toBe('2026-12-02 23:59:59');
  });

  it('moves the device time on by elapsed browser time only', () => {
    expect(deviceNow('2026-12-06 23:59:30', 1_000, 61_000)).toBe(at('2026-12-07 00:00:30'));
    expect(deviceNow('garbage', 0, 0)).toBeNull();
  });

  it('calls a bucket final only once it ended and settled', () => {
    const [h] = hoursOf(dayStart(at('2026-12-06 00:00:00')));
    expect(isFinal(h!, at('2026-12-06 00:59:59'))).toBe(false);
    expect(isFinal(h!, at('2026-12-06 01:00:00'))).toBe(false);
    expect(isFinal(h!, at('2026-12-06 01:00:00') + SETTLE_MS)).toBe(true);
    expect(isFuture(h!, at('2026-12-05 23:59:59'))).toBe(true);
  });

  it('reads and writes a report day', () => {
    expect(dayLabel(parseDay('2026-02-28')!)).toBe('2026-02-28');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('26-1-1')).toBeNull();
  });
});

describe('the overview plan', () => {
  const now = at('2026-12-06 14:25:00');
  const plan = overviewPlan(dayStart(now), { channels: [1, 2, 4], libraryIds: [7, 9], days: 7 });

  it('asks only for hours that began: at 14:25, 15 of today and all 24 of yesterday', () => {
    expect(askable(plan.alarmsByHour, now)).toHaveLength(15);
    expect(askable(plan.alarmsYesterday, now)).toHaveLength(24);
    expect(askable(plan.snapshotsByHour, now)).toHaveLength(15);
  });

  it('counts today per camera and per library with the day as range', () => {
    expect(plan.perCamera.map((c) => c.filter)).toEqual([
      { set: 'alarms', channel: 1 },
      { set: 'alarms', channel: 2 },
      { set: 'alarms', channel: 4 },
    ]);
    expect(plan.perLibrary[1]).toMatchObject({
      filter: { set: 'alarms', libId: 9 },
      bucket: { startTime: '2026-12-06 00:00:00', stopTime: '2026-12-06 23:59:59' },
    });
    expect(plan.alarmsByDay).toHaveLength(7);
    expect(overviewPlan(dayStart(now), { channels: [], libraryIds: [], days: 30 }).alarmsByDay).toHaveLength(30);
  });

  it('leaves out yesterday and the days for the report', () => {
    const r = overviewPlan(dayStart(now), { channels: [], libraryIds: [], days: 0, yesterday: false });
    expect(r.alarmsYesterday).toEqual([]);
    expect(r.alarmsByDay).toEqual([]);
  });
});

describe('report rows', () => {
  it('totals the hours and keeps unknown numbers empty', () => {
    const hours = hoursOf(dayStart(at('2026-12-06 00:00:00'))).slice(0, 2);
    const rows = reportRows(
      {
        hours,
        alarmsByHour: [2, 3],
        snapshotsByHour: [10, null],
        strangersByHour: [8, null],
        cameras: [{ label: '=cmd', value: 4 }],
        libraries: [],
        persons: [],
      },
      { alarms: 'A', snapshots: 'S', strangers: 'X', camera: 'C', library: 'L', person: 'P', totals: 'T' },
    );
    expect(rows.slice(0, 3)).toEqual([
      ['T', 'A', 5],
      ['T', 'S', 10],
      ['T', 'X', 8],
    ]);
    expect(rows).toContainEqual(['S', '2026-12-06 01:00', '']);
    expect(rows).toContainEqual(['C', '=cmd', 4]);
  });
});
