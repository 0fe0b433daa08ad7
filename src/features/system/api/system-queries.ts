// The system page's server state (§6, §7.1, §8): keys and queryOptions in one
// factory. The header's 1281 stays in the session feature's deviceQueries.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { getProtocol, getHttpsFiles } from '../../../api/protocol/https';
import { getHttpPush } from '../../../api/protocol/push';
import { getDeviceId, getNetwork, getNtp, getTime } from '../../../api/protocol/system';
import { systemStatusQueries } from '../../../api/queries/system-status';

export { LOAD_REFRESH_MS } from '../../../api/queries/system-status';

export const systemQueries = {
  all: () => ['system'] as const,
  deviceId: () =>
    queryOptions({
      queryKey: [...systemQueries.all(), 'deviceId'] as const,
      queryFn: ({ signal }) => call(getDeviceId, {}, { signal }),
    }),
  // Shared with the overview: one query per device noun (src/api/queries).
  cpu: systemStatusQueries.cpu,
  memory: systemStatusQueries.memory,
  storage: systemStatusQueries.storage,
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
