// The system page's server state (§6, §7.1, §8): keys and queryOptions in one
// factory. The header's 1281 stays in the session feature's deviceQueries.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { getProtocol, getHttpsFiles } from '../../../api/protocol/https';
import { getHttpPush } from '../../../api/protocol/push';
import { getCpu, getDeviceId, getMemory, getNetwork, getNtp, getStorage, getTime } from '../../../api/protocol/system';

/** CPU and memory refresh by themselves while the page is open (and visible). */
export const LOAD_REFRESH_MS = 3_000;
/** Storage grows with every capture: a slower refresh is enough. */
export const STORAGE_REFRESH_MS = 30_000;

export const systemQueries = {
  all: () => ['system'] as const,
  deviceId: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'deviceId'] as const,
      queryFn: ({ signal }) => call(getDeviceId, {}, { signal }),
    }),
  cpu: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'cpu'] as const,
      queryFn: ({ signal }) => call(getCpu, {}, { signal }),
      refetchInterval: LOAD_REFRESH_MS,
      staleTime: 0,
    }),
  memory: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'memory'] as const,
      queryFn: ({ signal }) => call(getMemory, {}, { signal }),
      refetchInterval: LOAD_REFRESH_MS,
      staleTime: 0,
    }),
  storage: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'storage'] as const,
      queryFn: ({ signal }) => call(getStorage, {}, { signal }),
      refetchInterval: STORAGE_REFRESH_MS,
    }),
  /** Read once; the page ticks the clock on from the moment of the answer. */
  time: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'time'] as const,
      queryFn: ({ signal }) => call(getTime, {}, { signal }),
      staleTime: 60_000,
    }),
  ntp: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'ntp'] as const,
      queryFn: ({ signal }) => call(getNtp, {}, { signal }),
    }),
  network: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'network'] as const,
      queryFn: ({ signal }) => call(getNetwork, {}, { signal }),
    }),
  push: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'push'] as const,
      queryFn: ({ signal }) => call(getHttpPush, {}, { signal }),
    }),
  httpsFiles: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'httpsFiles'] as const,
      queryFn: ({ signal }) => call(getHttpsFiles, {}, { signal }),
    }),
  protocol: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'protocol'] as const,
      queryFn: ({ signal }) => call(getProtocol, {}, { signal }),
    }),
};
