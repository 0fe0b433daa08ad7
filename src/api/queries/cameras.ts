// The camera list (§4.1, 516) is read by most screens: the cameras page, the
// ROI editor, the libraries' watchers, the wall's and the records' filters,
// the 1:1 thresholds, the device's power in the header. One query, one key;
// each screen takes its view with `select`, and each camera write invalidates
// cameraQueries.all() once, so no screen keeps an old list of its own.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../device';
import { listCameras, type CameraRecord } from '../protocol/cameras';
import type { AnswerOf } from '../protocol/operation';

export type CameraList = AnswerOf<typeof listCameras>;

export const cameraQueries = {
  all: () => ['cameras'] as const,
  list: () =>
    queryOptions({
      queryKey: [...cameraQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => call(listCameras, {}, { signal }),
      staleTime: 5_000,
      // Every screen that reads it says so itself (an error line, names shown
      // as channel numbers); the cameras page polls it, and a toast every 10 s
      // while the device is away would say nothing more.
      meta: { errorHandled: true },
    }),
};

// Projections: module-level functions, so react-query keeps their results
// between renders while the list is unchanged.

export const selectCameras = (a: CameraList): CameraRecord[] => a.camera;

/** The cameras' alarm thresholds (for reading a 1:1 score). */
export const selectThresholds = (a: CameraList): number[] => a.camera.map((c) => c.threshold);

/** Channel → camera name. */
export const selectNamesByChannel = (a: CameraList): Map<number, string> => new Map(a.camera.map((c) => [c.channel, c.camera_name]));

/** A camera that watches a library (§4.1: its lib_ids "1,2"). */
export interface Watcher {
  channel: number;
  name: string;
}

/** Library id → the cameras whose lib_ids name it. */
export function watchersByLibrary(cameras: readonly CameraRecord[]): Map<number, Watcher[]> {
  const out = new Map<number, Watcher[]>();
  for (const c of cameras) {
    for (const part of c.lib_ids.split(',')) {
      const id = Number(part.trim());
      if (!part.trim() || !Number.isInteger(id)) continue;
      const list = out.get(id) ?? [];
      list.push({ channel: c.channel, name: c.camera_name });
      out.set(id, list);
    }
  }
  return out;
}

export const selectWatchers = (a: CameraList): Map<number, Watcher[]> => watchersByLibrary(a.camera);
