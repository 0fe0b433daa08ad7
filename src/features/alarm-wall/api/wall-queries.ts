// The wall's server state: the cameras (for the camera filter and which ones
// watch whitelists only) and the libraries (for the library filter). Alarms
// themselves come from the live store, not from here.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { listCameras } from '../../../api/protocol/cameras';
import { listLibraries } from '../../../api/protocol/libraries';

/** Cameras and libraries change rarely; a wall open all day refreshes them every few minutes. */
const REFRESH_MS = 5 * 60_000;

export const wallQueries = {
  all: () => ['alarm-wall'] as const,
  cameras: () =>
    queryOptions({
      queryKey: [...wallQueries.all(), 'cameras'] as const,
      queryFn: async ({ signal }) => (await call(listCameras, {}, { signal })).camera,
      staleTime: 60_000,
      refetchInterval: REFRESH_MS,
      meta: { errorHandled: true },
    }),
  libraries: () =>
    queryOptions({
      queryKey: [...wallQueries.all(), 'libraries'] as const,
      queryFn: ({ signal }) => call(listLibraries, {}, { signal }),
      staleTime: 60_000,
      refetchInterval: REFRESH_MS,
      meta: { errorHandled: true },
    }),
};
