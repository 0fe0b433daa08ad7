import { describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../../api/protocol/records';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { seenRange, timelineLayout } from './seen-timeline';

const now = parseDeviceTime('2026-01-10 15:30:00')!;

describe('seenRange', () => {
  it("defaults to the last 7 days by the device's clock, stopping at its now", () => {
    expect(seenRange(null, null, now)).toEqual({
      from: '2026-01-04',
      to: '2026-01-10',
      start: '2026-01-04 00:00:00',
      stop: '2026-01-10 15:30:00',
    });
  });
  it('takes whole days from the URL, and falls back on a broken or reversed pair', () => {
    expect(seenRange('2026-01-01', '2026-01-02', now)).toMatchObject({ start: '2026-01-01 00:00:00', stop: '2026-01-02 23:59:59' });
    expect(seenRange('2026-01-05', '2026-01-02', now).from).toBe('2026-01-04');
    expect(seenRange('yesterday', '2026-01-02', now).from).toBe('2026-01-04');
  });
  it('cuts a range longer than 92 days at its start', () => {
    expect(seenRange('2025-01-01', '2026-01-10', now).from).toBe('2025-10-11');
  });
});

describe('timelineLayout', () => {
  const alarm = (snap: string, channel: number, trigger: string) =>
    ({ snap_id: snap, channel, trigger, camera_name: `cam${channel}` }) as AlarmRecord;
  it('puts each alarm on its camera row at its time, with a tick at each device midnight', () => {
    const range = { start: '2026-01-08 00:00:00', stop: '2026-01-09 23:59:59' };
    const { rows, ticks } = timelineLayout(
      [alarm('b', 2, '2026-01-09 12:00:00'), alarm('a', 1, '2026-01-08 00:00:00'), alarm('c', 2, '2026-01-08 12:00:00')],
      range,
      (ch) => (ch === 1 ? 'Gate' : undefined),
    );
    expect(rows.map((r) => [r.channel, r.camera, r.dots.map((d) => d.record.snap_id)])).toEqual([
      [1, 'Gate', ['a']],
      [2, 'cam2', ['c', 'b']],
    ]);
    expect(rows[0]!.dots[0]!.x).toBe(0);
    expect(rows[1]!.dots[1]!.x).toBeCloseTo(0.75, 3);
    expect(ticks.map((t) => t.day)).toEqual(['2026-01-08', '2026-01-09']);
    expect(rows.map((r) => r.lanes)).toEqual([1, 1]);
  });

  it('puts captures too close to tell apart on further lines, at most three', () => {
    const range = { start: '2026-01-08 00:00:00', stop: '2026-01-08 23:59:59' };
    const close = ['01', '02', '03', '04', '09'].map((m, i) => alarm(`s${i}`, 1, `2026-01-08 12:${m}:00`));
    close.push(alarm('far', 1, '2026-01-08 20:00:00'));
    const [row] = timelineLayout(close, range, () => undefined).rows;
    expect(row!.dots.map((d) => d.lane)).toEqual([0, 1, 2, 0, 1, 0]);
    expect(row!.lanes).toBe(3);
  });
});
