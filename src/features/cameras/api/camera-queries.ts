// The cameras feature's server state: keys and queryOptions in one factory per
// noun (cameras, relays), generic to specific.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { getSipServerId, listCameras, listRelays } from '../../../api/protocol/cameras';
import { listLibraries } from '../../../api/protocol/libraries';

/**
 * How often the camera and relay lists refresh by themselves, so the online
 * status follows the device without a reload (§4.1 status, §10.1 work_status).
 */
export const STATUS_REFRESH_MS = 10_000;

export const cameraQueries = {
  all: () => ['cameras'] as const,
  /** §4.1 (516): the cameras and the computing power. */
  list: () =>
    queryOptions({
      queryKey: [...cameraQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => call(listCameras, {}, { signal }),
      refetchInterval: STATUS_REFRESH_MS,
      staleTime: 5_000,
      // The pages show this failure themselves.
      meta: { errorHandled: true },
    }),
  /** §4.5 (1310): the node's own SIP server id. Changes only with the node's configuration. */
  sipServerId: () =>
    queryOptions({
      queryKey: [...cameraQueries.all(), 'sip-server-id'] as const,
      queryFn: ({ signal }) => call(getSipServerId, {}, { signal }),
      staleTime: 10 * 60_000,
    }),
  /**
   * §3.1 (1028): the libraries a camera may watch, for names and types. Read
   * here, not from the libraries feature (features do not import each other).
   */
  libraries: () =>
    queryOptions({
      queryKey: [...cameraQueries.all(), 'libraries'] as const,
      queryFn: ({ signal }) => call(listLibraries, {}, { signal }),
      staleTime: 60_000,
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
