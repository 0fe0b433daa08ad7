// The records search across nodes (docs/fleet-console.md): each node's part of
// a merged page is its own query, in the app's cache under ['fleet', <node>,
// 'records', …] beside the fleet overview's reads, so a node that is down or
// slow fails or waits alone while the others' rows show.
import { queryOptions } from '@tanstack/react-query';
import { callOn } from '../../../api/device';
import { NetworkError } from '../../../api/errors';
import type { DeviceClockReading } from '../../../api/queries/device';
import { getTime } from '../../../api/protocol/system';
import type { NodeAsk } from '../model/fleet-merge';
import type { FilterRequest } from '../model/record-view';
import { fetchRecordPage, type RecordPage } from './record-queries';

/** A node that has not answered by then is "could not reach" and the page goes on without it. */
export const NODE_TIMEOUT_MS = 10_000;

/**
 * Runs one node's read with the bound. Timing out is the node's fault, so it
 * reads as unreachable (describeError's network words); the page leaving
 * (react-query's signal) stays an abort.
 */
export async function bounded<T>(
  node: string,
  operation: string,
  signal: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(NODE_TIMEOUT_MS);
  try {
    return await run(AbortSignal.any([signal, timeout]));
  } catch (e) {
    if (timeout.aborted && !signal.aborted) throw new NetworkError(operation, undefined, { cause: e, node });
    throw e;
  }
}

/** One node's part of a merged page: its rows from 0-based `offset`, its total. */
export type NodePart = RecordPage & { offset: number };

export const fleetRecordQueries = {
  /** Every node's records reads (Refresh). */
  node: (node: string) => ['fleet', node, 'records'] as const,
  /** §6.6 (1283): the node's clock, for its own "today" and "last hour". */
  clock: (node: string) =>
    queryOptions({
      queryKey: [...fleetRecordQueries.node(node), 'clock'] as const,
      queryFn: ({ signal }): Promise<DeviceClockReading> =>
        bounded(node, 'system.time', signal, async (s) => {
          const t = await callOn(node, { wait: false })(getTime, {}, { signal: s });
          return { sysTime: t.sys_time, timeZone: t.time_zone, readAt: Date.now() };
        }),
      staleTime: 5 * 60_000,
      refetchInterval: 5 * 60_000,
      retry: false,
      meta: { errorHandled: true },
    }),
  /**
   * What one node answers for a merged page (model/fleet-merge.ts asksFor).
   * `wait: false`: a node whose session ended says so in its cell at once
   * instead of holding the search for a sign-in.
   */
  part: (node: string, req: FilterRequest, ask: NodeAsk) =>
    queryOptions({
      queryKey: [...fleetRecordQueries.node(node), req.tab, req.filter, ask.start_no, ask.qry_len] as const,
      queryFn: ({ signal }): Promise<NodePart> =>
        bounded(node, `${req.tab}.query`, signal, async (s) => {
          const page = await fetchRecordPage(req, { start_no: ask.start_no, qry_len: ask.qry_len }, s, callOn(node, { wait: false }));
          return { ...page, rows: ask.totalOnly ? [] : page.rows, offset: ask.start_no - 1 } as NodePart;
        }),
      retry: false,
      meta: { errorHandled: true },
    }),
};
