// The cameras feature's own server state (its SIP server id, the relays); the
// camera and library lists are the shared ones in src/api/queries.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { getSipServerId, listRelays } from '../../../api/protocol/cameras';

/**
 * How often the camera and relay lists refresh by themselves, so the online
 * status follows the device without a reload (§4.1 status, §10.1 work_status).
 */
export const STATUS_REFRESH_MS = 10_000;

/** The camera list and the library list are shared: src/api/queries. */
export const sipQueries = {
  all: () => ['sip'] as const,
  /** §4.5 (1310): the node's own SIP server id. Changes only with the node's configuration. */
  serverId: () =>
    queryOptions({
      queryKey: [...sipQueries.all(), 'server-id'] as const,
      queryFn: ({ signal }) => call(getSipServerId, {}, { signal }),
      staleTime: 10 * 60_000,
    }),
};

export const relayQueries = {
  all: () => ['relays'] as const,
  /** §10.1 (1537): the camera-to-relay bindings with their online status. */
  list: () =>
    queryOptions({
      queryKey: [...relayQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => call(listRelays, {}, { signal }),
      refetchInterval: STATUS_REFRESH_MS,
      staleTime: 5_000,
      meta: { errorHandled: true },
    }),
};
