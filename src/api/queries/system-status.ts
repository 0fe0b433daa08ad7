// The device's state that the system page and the overview both read: storage
// and its policy (§6.4, 1288), CPU (§6.18, 1313) and memory (§6.19, 1314). One
// query, one key each; a screen sets its own refetchInterval on its observer
// (the system page polls the load every 3 s, the overview every 30 s).
import { queryOptions } from '@tanstack/react-query';
import { call } from '../device';
import { getCpu, getMemory, getStorage } from '../protocol/system';

/** CPU and memory refresh by themselves while the system page is open (and visible). */
export const LOAD_REFRESH_MS = 3_000;
/** Storage grows with every capture: a slower refresh is enough. */
const STORAGE_REFRESH_MS = 30_000;

export const systemStatusQueries = {
  // Under the system feature's prefix, so its invalidations (a policy saved, defaults restored) reach them.
  all: () => ['system'] as const,
  cpu: () =>
    queryOptions({
      queryKey: [...systemStatusQueries.all(), 'cpu'] as const,
      queryFn: ({ signal }) => call(getCpu, {}, { signal }),
      refetchInterval: LOAD_REFRESH_MS,
      staleTime: 0,
    }),
  memory: () =>
    queryOptions({
      queryKey: [...systemStatusQueries.all(), 'memory'] as const,
      queryFn: ({ signal }) => call(getMemory, {}, { signal }),
      refetchInterval: LOAD_REFRESH_MS,
      staleTime: 0,
    }),
  storage: () =>
    queryOptions({
      queryKey: [...systemStatusQueries.all(), 'storage'] as const,
      queryFn: ({ signal }) => call(getStorage, {}, { signal }),
      refetchInterval: STORAGE_REFRESH_MS,
    }),
};
