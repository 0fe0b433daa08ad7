import { queryOptions } from '@tanstack/react-query';
import { call } from '../device';
import { listCameras } from '../protocol/cameras';
import { MODEL_SPEC, type DeviceModel } from '../protocol/limits';
import { getVersion } from '../protocol/system';

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

export interface DevicePower {
  model: DeviceModel | null;
  modelName: string | null;
  cameraCount: number;
  capacity: number;
  used: number;
}

export const versionQueries = {
  all: () => ['device'] as const,
  /** §6.3: device_id, serial_id, version, web_version. Changes only with an upgrade. */
  version: () =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'version'] as const,
      queryFn: ({ signal }) => call(getVersion, {}, { signal }),
      staleTime: 5 * 60_000,
    }),
  /**
   * §4.1 (516) read for the model and the camera count. The cameras feature has
   * its own list; it should invalidate versionQueries.all() after adding or
   * deleting a camera so the overview's count follows.
   */
  power: () =>
    queryOptions({
      queryKey: [...versionQueries.all(), 'power'] as const,
      queryFn: async ({ signal }): Promise<DevicePower> => {
        const answer = await call(listCameras, {}, { signal });
        const model = modelFromCapacity(answer.computing_power_capacity);
        return {
          model,
          modelName: model ? MODEL_SPEC[model].name : null,
          cameraCount: answer.camera.length,
          capacity: answer.computing_power_capacity,
          used: answer.used_computing_power,
        };
      },
    }),
};
