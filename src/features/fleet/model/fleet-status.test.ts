import { describe, expect, it } from 'vitest';
import { DeviceError, NetworkError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import type { CameraList } from '../../../api/queries/cameras';
import { deviceMidnight, groupBySite, toRow, type LiveAnswer, type RowInput, type SlowAnswer } from './fleet-status';

const camera = (channel: number, status: number) =>
  ({
    camera_name: `cam ${channel}`,
    channel,
    camera_mode: 'VIDEO',
    description: '',
    lib_ids: '',
    position: '',
    status,
    threshold: 80,
  }) as CameraList['camera'][number];

const slow: SlowAnswer = { version: { device_id: 'dev-1', version: 'V2.1' }, storage: { cur_storage: 950, max_storage: 1000 } };
const live = (statuses: number[], cpu = 20): LiveAnswer => ({
  cameras: { camera: statuses.map((s, i) => camera(i + 1, s)), computing_power_capacity: 16, used_computing_power: statuses.length * 2 },
  cpu: { cpu_usage: cpu },
  memory: { memory_usage: 40 },
  alarmsToday: 7,
  lastAlarm: null,
});
const signedIn = { sessionId: 's', expired: false };
const input = (id: string, site: string, over: Partial<RowInput> = {}): RowInput => ({
  node: { id, name: id, site },
  session: signedIn,
  slow: { data: { ...slow, storage: { cur_storage: 10, max_storage: 1000 } }, error: null },
  live: { data: live([1, 1]), error: null },
  ...over,
});

describe("a node's row", () => {
  it('reads the figures: model from the capacity, cameras online of configured, storage fill', () => {
    const row = toRow(input('a', 'North', { slow: { data: slow, error: null }, live: { data: live([1, 0, 1]), error: null } }));
    expect(row).toMatchObject({
      model: 'SenseNebula-M8s',
      deviceId: 'dev-1',
      camerasOnline: 2,
      camerasConfigured: 3,
      powerUsed: 6,
      powerCapacity: 16,
      storagePercent: 95,
      alarmsToday: 7,
      health: 'warning',
      warnings: ['camerasOffline', 'storageFull'],
    });
  });

  it('says why a node is not there: unreachable, session ended, not signed in', () => {
    expect(toRow(input('a', '', { live: { data: undefined, error: new NetworkError('camera.list') } })).health).toBe('unreachable');
    expect(toRow(input('a', '', { slow: { data: undefined, error: new DeviceError(ErrorCode.NOT_LOGGED_IN, '', 'x') } })).health).toBe(
      'expired',
    );
    expect(toRow(input('a', '', { session: undefined })).health).toBe('signedOut');
    expect(toRow(input('a', '', { session: { sessionId: null, expired: true } })).health).toBe('expired');
  });
});

describe('grouped by site, problems first', () => {
  it('puts the site with the worst node first, and inside a site the worst node first', () => {
    const groups = groupBySite([
      toRow(input('ok-south', 'South')),
      toRow(input('ok-north', 'North')),
      toRow(input('down-north', 'North', { live: { data: undefined, error: new NetworkError('x') } })),
      toRow(input('busy-east', 'East', { live: { data: live([1], 95), error: null } })),
    ]);
    expect(groups.map((g) => g.site)).toEqual(['North', 'East', 'South']);
    expect(groups[0]!.rows.map((r) => r.node.id)).toEqual(['down-north', 'ok-north']);
  });
});

describe("the device's midnight", () => {
  it("comes from the device's clock moved on by the time since it was read, not the browser's date", () => {
    const readAt = 1_000_000;
    // Read at 23:59:30 on the device; 45 s later it is the next day there.
    expect(deviceMidnight('2026-12-05 23:59:30', readAt, readAt + 10_000)).toBe(Date.UTC(2026, 11, 5));
    expect(deviceMidnight('2026-12-05 23:59:30', readAt, readAt + 45_000)).toBe(Date.UTC(2026, 11, 6));
    expect(deviceMidnight('nonsense', readAt, readAt)).toBeNull();
  });
});
