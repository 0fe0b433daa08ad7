// The wall's view of the shared camera and library lists (src/api/queries):
// the cameras for the camera filter and which ones watch whitelists only, the
// libraries for the library filter. Alarms come from the live store, not here.
import { queryOptions } from '@tanstack/react-query';
import { cameraQueries, selectCameras } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';

/** Cameras and libraries change rarely; a wall open all day refreshes them every few minutes. */
const REFRESH_MS = 5 * 60_000;

export const wallQueries = {
  cameras: () => queryOptions({ ...cameraQueries.list(), select: selectCameras, staleTime: 60_000, refetchInterval: REFRESH_MS }),
  libraries: () => queryOptions({ ...libraryQueries.list(), staleTime: 60_000, refetchInterval: REFRESH_MS, meta: { errorHandled: true } }),
};
