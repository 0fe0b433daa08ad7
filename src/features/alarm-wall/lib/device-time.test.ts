import { describe, expect, it } from 'vitest';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { ageText, DeviceClock, shortTime } from './device-time';

describe('the device clock', () => {
  it('reads the naive device time and refuses anything else', () => {
    expect(parseDeviceTime('2024-05-01 10:00:00')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0));
    expect(parseDeviceTime('2024-05-01T10:00:00')).toBeNull();
  });

  it('learns the offset from live pushes: a device 8 h ahead of UTC, 3 s fast', () => {
    const clock = new DeviceClock(0);
    const trigger = '2024-05-01 18:00:03';
    // Our clock when it arrived: 10:00:00.400 UTC (the device says 18:00:03).
    const received = Date.UTC(2024, 4, 1, 10, 0, 0, 400);
    clock.observe(trigger, received);
    expect(clock.ageSeconds(trigger, received)).toBe(0);
    expect(clock.ageSeconds(trigger, received + 12_000)).toBe(12);
    // A later push that took longer to come does not move the estimate the wrong way.
    clock.observe('2024-05-01 18:00:04', received + 1900);
    expect(clock.ageSeconds(trigger, received + 12_000)).toBe(12);
    expect(clock.today(received)).toBe('2024-05-01');
  });

  it('assumes our own zone until a push arrives', () => {
    const clock = new DeviceClock(-8 * 3600_000);
    // 18:00:00 in a UTC+8 zone is 10:00:00 UTC.
    expect(clock.ageSeconds('2024-05-01 18:00:00', Date.UTC(2024, 4, 1, 10, 0, 30))).toBe(30);
    // Never negative for a device slightly ahead.
    expect(clock.ageSeconds('2024-05-01 18:00:05', Date.UTC(2024, 4, 1, 10, 0, 0))).toBe(0);
  });
});

describe('words', () => {
  it('counts seconds for a minute, then minutes, hours, days', () => {
    expect(ageText(0, 'en-US', 'just now')).toBe('just now');
    expect(ageText(1, 'en-US', 'just now')).toBe('just now');
    expect(ageText(2, 'en-US', 'just now')).toBe('2 seconds ago');
    expect(ageText(12, 'en-US', 'just now')).toBe('12 seconds ago');
    expect(ageText(59, 'en-US', 'just now')).toBe('59 seconds ago');
    expect(ageText(61, 'en-US', 'just now')).toBe('1 minute ago');
    expect(ageText(7300, 'en-US', 'just now')).toBe('2 hours ago');
    expect(ageText(200_000, 'en-US', 'just now')).toBe('2 days ago');
    expect(ageText(12, 'zh-CN', '刚刚')).toBe('12秒钟前');
  });

  it('shows the date only when it is not today', () => {
    expect(shortTime('2024-05-01 10:00:00', '2024-05-01')).toBe('10:00:00');
    expect(shortTime('2024-04-30 23:59:59', '2024-05-01')).toBe('04-30 23:59:59');
  });
});

describe("the device's wall clock now", () => {
  it("is the device time of the pushes, moved on by the time since, whatever this PC's zone", () => {
    const clock = new DeviceClock(-8 * 3_600_000);
    const received = Date.UTC(2026, 11, 6, 1, 0, 0);
    // The device writes its own wall time, here 3 h behind UTC.
    clock.observe('2026-12-05 22:00:00', received);
    expect(new Date(clock.wallNow(received + 90_000)).toISOString()).toBe('2026-12-05T22:01:30.000Z');
    expect(clock.today(received)).toBe('2026-12-05');
  });
});
