import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { listCameras } from '../../../api/protocol/cameras';
import { listLibraries } from '../../../api/protocol/libraries';

export const faceSearchQueries = {
  all: () => ['face-search'] as const,
  /** §3.1: the libraries to search (all by default). */
  libraries: () =>
    queryOptions({
      queryKey: [...faceSearchQueries.all(), 'libraries'] as const,
      queryFn: ({ signal }) => call(listLibraries, {}, { signal }),
      staleTime: 60_000,
    }),
  /** §4.1: the cameras' alarm thresholds, to read a 1:1 score against what this device uses. */
  thresholds: () =>
    queryOptions({
      queryKey: [...faceSearchQueries.all(), 'thresholds'] as const,
      queryFn: async ({ signal }) => (await call(listCameras, {}, { signal })).camera.map((c) => c.threshold),
      staleTime: 60_000,
    }),
};
