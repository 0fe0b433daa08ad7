// Each setting as it reaches a node: the device's own answers, read back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noEngine, startTestDevice, type TestDevice } from '../../../../emulator/testing';
import { DeviceError } from '../../../api/errors';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { getHttpPush } from '../../../api/protocol/push';
import { getNtp, getStorage, getTime } from '../../../api/protocol/system';
import { applyOn, eachLimited } from './apply-settings';

let dev: TestDevice;
vi.mock('../../../api/device', () => ({ callOn: () => dev.call }));

beforeAll(async () => {
  dev = await startTestDevice({}, { engine: noEngine });
});
afterAll(async () => {
  await dev?.close();
});

describe('applying a setting to a node', () => {
  it('a time zone keeps the node’s instant, written in the new zone', async () => {
    const before = await dev.call(getTime, {});
    expect(before.time_zone).toBe('GMT+08:00');
    await applyOn('a', { setting: 'time', zone: 'GMT+00:00', format: 'yyyy-MM-dd HH:mm:ss' });
    const after = await dev.call(getTime, {});
    expect(after.time_zone).toBe('GMT+00:00');
    // Eight hours back on the wall clock, the same moment (a few seconds pass between the reads).
    const shift = parseDeviceTime(before.sys_time)! - parseDeviceTime(after.sys_time)!;
    expect(Math.abs(shift - 8 * 3_600_000)).toBeLessThan(10_000);
  });

  it('NTP, storage, push and the web switch are what the node reads back', async () => {
    await applyOn('a', { setting: 'ntp', enabled: true, url: ' time.example.org ', port: 124, cycle: 30 });
    expect(await dev.call(getNtp, {})).toEqual({ url: 'time.example.org', port: '124', ntp_cycle: '30', ntp_disable: '0' });
    await applyOn('a', { setting: 'storage', strategy: 2 });
    expect((await dev.call(getStorage, {})).storage_strategy).toBe(2);
    await applyOn('a', { setting: 'push', url: 'http://10.0.0.9:8080/in', key: 'k' });
    expect(await dev.call(getHttpPush, {})).toEqual({ url: 'http://10.0.0.9:8080/in', key: 'k' });
    await expect(applyOn('a', { setting: 'web', enabled: false })).resolves.toBeUndefined();
  });

  it("the device's refusal is the node's outcome", async () => {
    const refused = applyOn('a', { setting: 'ntp', enabled: true, url: 'ntp.invalid', port: 123, cycle: 10 });
    await expect(refused).rejects.toBeInstanceOf(DeviceError);
    await expect(refused).rejects.toMatchObject({ code: -3614 });
  });
});

describe('eachLimited', () => {
  it('never runs more than the limit at once, and runs every item', async () => {
    let now = 0;
    let most = 0;
    const seen: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      now++;
      most = Math.max(most, now);
      await Promise.resolve();
      await Promise.resolve();
      seen.push(n);
      now--;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
