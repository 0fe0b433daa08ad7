// What the fleet overview reads of each node, keyed by node id (the app's
// cache holds every node's row side by side; docs/fleet-console.md).
//
// The request budget, per node and minute, while the overview is open and
// visible (react-query stops interval refetches in a hidden tab):
//   live   every 30 s: 516 cameras, 1313 CPU, 1314 memory, 1036 alarms today
//          (+ one more 1036 for the last alarm only when today has none)  → 8–10
//   slow   every 5 min: 1281 version, 1288 storage, 1283 device clock      → 0.6
// so at most ~11 requests per node per minute, ~0.2 per second; a node not
// signed in gets none. Each read is a short JSON answer (1036 asks for one row).
// A read that failed (the node down, restarting, or slower than 10 s) is tried
// again after 10 s rather than at its interval, so a node back from a restart
// shows within seconds: at most 6 tries a minute of each read, which a node
// down never receives and a slow one answers one at a time (its timeout).
import { queryOptions } from '@tanstack/react-query';
import { callOn } from '../../../api/device';
import { listCameras } from '../../../api/protocol/cameras';
import { formatDeviceTime } from '../../../api/protocol/device-time';
import { queryAlarms } from '../../../api/protocol/records';
import { getCpu, getMemory, getStorage, getTime, getVersion } from '../../../api/protocol/system';
import { deviceMidnight } from '../model/fleet-status';

export const LIVE_REFRESH_MS = 30_000;
export const SLOW_REFRESH_MS = 5 * 60_000;
/** After a failed read. */
export const RETRY_MS = 10_000;
/** A slow node must not hold its row: the read fails and says so after this. */
const NODE_TIMEOUT_MS = 10_000;

/** The read's interval, or RETRY_MS while its last try failed. */
const every =
  (ms: number) =>
  (query: { state: { status: string } }): number =>
    query.state.status === 'error' ? RETRY_MS : ms;

function signalFor(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(NODE_TIMEOUT_MS)]);
}

export const fleetQueries = {
  all: () => ['fleet'] as const,
  node: (node: string) => [...fleetQueries.all(), node] as const,
  /** 1281, 1288, 1283: change rarely. The device clock is read here and moved on by elapsed time (deviceMidnight). */
  slow: (node: string) =>
    queryOptions({
      queryKey: [...fleetQueries.node(node), 'slow'] as const,
      queryFn: async ({ signal }) => {
        // Not waiting for a re-login: a node whose session ended shows "sign in" at once.
        const call = callOn(node, { wait: false });
        const s = { signal: signalFor(signal) };
        const [version, storage, time] = await Promise.all([call(getVersion, {}, s), call(getStorage, {}, s), call(getTime, {}, s)]);
        return { version, storage, clock: { sysTime: time.sys_time, readAt: Date.now() } };
      },
      refetchInterval: every(SLOW_REFRESH_MS),
      staleTime: SLOW_REFRESH_MS,
      retry: false,
      meta: { errorHandled: true },
    }),
  live: (node: string, clock: { sysTime: string; readAt: number } | undefined) =>
    queryOptions({
      queryKey: [...fleetQueries.node(node), 'live'] as const,
      queryFn: async ({ signal }) => {
        const call = callOn(node, { wait: false });
        const s = { signal: signalFor(signal) };
        const midnight = clock ? deviceMidnight(clock.sysTime, clock.readAt, Date.now()) : null;
        const [cameras, cpu, memory, today] = await Promise.all([
          call(listCameras, {}, s),
          call(getCpu, {}, s),
          call(getMemory, {}, s),
          midnight === null ? null : call(queryAlarms, { start_time: formatDeviceTime(midnight), start_no: 1, qry_len: 1 }, s),
        ]);
        // The newest alarm of today is the last one; a quiet day needs the history's newest.
        const last = today?.record[0] ?? (await call(queryAlarms, { start_no: 1, qry_len: 1 }, s)).record[0] ?? null;
        return { cameras, cpu, memory, alarmsToday: today?.total_num ?? null, lastAlarm: last };
      },
      enabled: clock !== undefined,
      refetchInterval: every(LIVE_REFRESH_MS),
      staleTime: LIVE_REFRESH_MS,
      retry: false,
      meta: { errorHandled: true },
    }),
};
