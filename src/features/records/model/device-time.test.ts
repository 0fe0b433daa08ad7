import { describe, expect, it } from 'vitest';
import { formatDeviceTime, parseDeviceTime } from '../../../api/protocol/device-time';
import { deviceNow, presetRange } from './device-time';

const at = (s: string) => parseDeviceTime(s)!;

describe('device time', () => {
  it('reads and writes the wire format, refusing dates that do not exist', () => {
    expect(formatDeviceTime(at('2024-02-29 23:59:59'))).toBe('2024-02-29 23:59:59');
    expect(parseDeviceTime('2023-02-29 00:00:00')).toBeNull();
    expect(parseDeviceTime('2024-01-01T00:00:00')).toBeNull();
    expect(parseDeviceTime('2024-01-01 24:00:00')).toBeNull();
  });

  it("moves the device's clock on by the time elapsed since it was read, whatever the browser's zone", () => {
    expect(formatDeviceTime(deviceNow('2024-05-01 23:59:30', 1_000, 61_000)!)).toBe('2024-05-02 00:00:30');
    expect(deviceNow('garbage', 0)).toBeNull();
  });

  it('computes the presets on the device day, inclusive at both ends', () => {
    const now = at('2024-03-01 00:30:00');
    expect(presetRange('hour', now)).toEqual({ start_time: '2024-02-29 23:30:00' });
    expect(presetRange('today', now)).toEqual({ start_time: '2024-03-01 00:00:00' });
    expect(presetRange('yesterday', now)).toEqual({ start_time: '2024-02-29 00:00:00', stop_time: '2024-02-29 23:59:59' });
    expect(presetRange('week', now)).toEqual({ start_time: '2024-02-24 00:00:00' });
  });
});
