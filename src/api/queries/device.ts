import { queryOptions } from '@tanstack/react-query';
import { call } from '../device';
import { cameraQueries, type CameraList } from './cameras';
import { MODEL_SPEC, type DeviceModel } from '../protocol/limits';
import { getTime, getVersion } from '../protocol/system';

/**
 * 1281 does not name the model. §1 / §4.1 give the M4s a computing-power
 * capacity of 8 and the M8s 16, and 516 answers that capacity: so the model is
 * read from computing_power_capacity (8 → M4s, 16 → M8s); anything else is
 * shown as the generic product name.
 */
export function modelFromCapacity(capacity: number): DeviceModel | null {
  const found = (Object.keys(MODEL_SPEC) as DeviceModel[]).find((m) => MODEL_SPEC[m].capacity === capacity);
  return found ?? null;
}

/** §6.6 (1283) as read at a moment of ours: the device's "now" moves on from `readAt`. */
export interface DeviceClockReading {
  sysTime: string;
  timeZone: string;
  /** Browser ms when the answer came: the device's "now" moves on from here. */
  readAt: number;
}

export interface DevicePower {
  model: DeviceModel | null;
  modelName: string | null;
  cameraCount: number;
  capacity: number;
  used: number;
}

/** The device's identity and versions (1281); its power is a view of the camera list. */
export const deviceQueries = {
  all: () => ['device'] as const,
  /** §6.3: device_id, serial_id, version, web_version. Changes only with an upgrade. */
  version: () =>
    queryOptions({
      queryKey: [...deviceQueries.all(), 'version'] as const,
      queryFn: ({ signal }) => call(getVersion, {}, { signal }),
      staleTime: 5 * 60_000,
    }),
  /**
   * §4.1 (516) read for the model and the camera count: a view of the one
   * camera list (cameraQueries), so adding or deleting a camera refreshes it.
   */
  power: () => queryOptions({ ...cameraQueries.list(), select: toDevicePower }),
  /**
   * §6.6 (1283): the device's clock, for "today" and the time presets (the
   * records' filter, the overview's buckets). Read again every five minutes
   * so "today" turns over at the device's midnight.
   */
  clock: () =>
    queryOptions({
      queryKey: [...deviceQueries.all(), 'clock'] as const,
      queryFn: async ({ signal }): Promise<DeviceClockReading> => {
        const t = await call(getTime, {}, { signal });
        return { sysTime: t.sys_time, timeZone: t.time_zone, readAt: Date.now() };
      },
      staleTime: 5 * 60_000,
      refetchInterval: 5 * 60_000,
    }),
};

export function toDevicePower(answer: CameraList): DevicePower {
  const model = modelFromCapacity(answer.computing_power_capacity);
  return {
    model,
    modelName: model ? MODEL_SPEC[model].name : null,
    cameraCount: answer.camera.length,
    capacity: answer.computing_power_capacity,
    used: answer.used_computing_power,
  };
}
