import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { listCameras, type CameraRecord } from '../../../api/protocol/cameras';
import { createLibrary, deleteLibrary, listLibraries, updateLibrary } from '../../../api/protocol/libraries';

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

export const libraryQueries = {
  /** Every key of the feature starts here, so one invalidation refreshes counts and galleries. */
  all: () => ['libraries'] as const,
  /** §3.1: a node holds a few dozen libraries at most (LIBRARY_COUNT_MAX), so one call lists them. */
  list: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => call(listLibraries, {}, { signal }),
    }),
  /** §4.1 read for which cameras watch which library (the device refuses to delete those: -123). */
  watchers: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'watchers'] as const,
      queryFn: async ({ signal }) => watchersByLibrary((await call(listCameras, {}, { signal })).camera),
      staleTime: 5_000,
    }),
};

export function useCreateLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { lib_name: string; lib_type: 1 | 2 }) => call(createLibrary, req),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}

export function useUpdateLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { lib_id: number; lib_name: string; lib_type: 1 | 2 }) => call(updateLibrary, req),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}

export function useDeleteLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (libId: number) => call(deleteLibrary, { lib_id: libId }),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}
