// What the fleet's settings and upgrade pages read of each node, in the app's
// cache beside the fleet overview's rows (keys ['fleet', <node>, …]). Read
// when the page opens and after a change; no interval: settings change when
// someone changes them, and the pages refresh what they changed.
import { queryOptions } from '@tanstack/react-query';
import { callOn } from '../../../api/device';
import { getHttpPush } from '../../../api/protocol/push';
import { getNtp, getStorage, getTime, getVersion } from '../../../api/protocol/system';
import type { NodeSettings } from '../model/settings-compare';

/** A slow node must not hold its column: the read fails and says so after this. */
const NODE_TIMEOUT_MS = 10_000;
const signalFor = (signal: AbortSignal) => AbortSignal.any([signal, AbortSignal.timeout(NODE_TIMEOUT_MS)]);

export const fleetOpsQueries = {
  node: (node: string) => ['fleet', node] as const,
  /** 1291, 1283, 1288, 1299: four short answers a node. */
  settings: (node: string) =>
    queryOptions({
      queryKey: [...fleetOpsQueries.node(node), 'settings'] as const,
      queryFn: async ({ signal }): Promise<NodeSettings> => {
        // Not waiting for a re-login: a node whose session ended says so in its column at once.
        const call = callOn(node, { wait: false });
        const s = { signal: signalFor(signal) };
        const [ntp, time, storage, push] = await Promise.all([
          call(getNtp, {}, s),
          call(getTime, {}, s),
          call(getStorage, {}, s),
          call(getHttpPush, {}, s),
        ]);
        return {
          ntp: { enabled: ntp.ntp_disable === '0', url: ntp.url, port: ntp.port, cycle: ntp.ntp_cycle },
          time: { zone: time.time_zone, format: time.time_format },
          storage: storage.storage_strategy === 2 ? 2 : 1,
          push: { url: push.url, key: push.key },
        };
      },
      retry: false,
      meta: { errorHandled: true },
    }),
  version: (node: string) =>
    queryOptions({
      queryKey: [...fleetOpsQueries.node(node), 'version'] as const,
      queryFn: ({ signal }) => callOn(node, { wait: false })(getVersion, {}, { signal: signalFor(signal) }),
      retry: false,
      meta: { errorHandled: true },
    }),
};
