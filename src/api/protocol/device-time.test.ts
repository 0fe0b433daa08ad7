import { describe, expect, it } from 'vitest';
import { deviceSecondsBetween, formatInZone, parseDeviceTime, parseInZone, shiftDeviceTime, zoneMinutes } from './device-time';

describe('device time', () => {
  it('reads real dates and refuses impossible ones', () => {
    expect(parseDeviceTime('2026-12-06 08:30:00')).toBe(Date.UTC(2026, 11, 6, 8, 30, 0));
    for (const bad of [
      '2026-13-45 99:99:99',
      '2026-02-30 00:00:00',
      '2026-12-06 24:00:00',
      '2026-12-06T08:30:00',
      '',
      '1969-12-31 23:59:59',
      '2100-01-01 00:00:00',
    ])
      expect(parseDeviceTime(bad), bad).toBeNull();
  });
  it('shifts across days and measures seconds between', () => {
    expect(shiftDeviceTime('2026-12-31 23:59:30', 45)).toBe('2027-01-01 00:00:15');
    expect(shiftDeviceTime('nonsense', 5)).toBe('nonsense');
    expect(deviceSecondsBetween('2026-12-06 08:00:00', '2026-12-06 07:59:00')).toBe(-60);
  });
  it("converts between an instant and a zone's wall time", () => {
    expect(zoneMinutes('GMT-05:30')).toBe(-330);
    expect(zoneMinutes('UTC')).toBeNull();
    const at = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(formatInZone(at, 'GMT+08:00')).toBe('2026-01-01 08:00:00');
    expect(parseInZone('2026-01-01 08:00:00', 'GMT+08:00')).toBe(at);
  });
});
