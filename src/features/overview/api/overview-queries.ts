// The overview's server state. Every count is keyed by its bucket and filter
// under ['records', …], so the records' "delete all" (which invalidates
// ['records']) refreshes them too. The request budget of a page view is in
// model/plan.ts.
import { queryOptions, type Query } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { isFinal, type Bucket } from '../model/buckets';
import type { CountFilter } from '../model/plan';
import { createLimiter } from './limiter';
import { fetchCount, fetchTopPersons, type TopPersons } from './overview-fetch';

/** At most this many of the overview's requests in flight (the device answers one at a time anyway). */
export const IN_FLIGHT = 4;
const limit = createLimiter(IN_FLIGHT);

/** The current hour and day are asked again this often. */
export const REFRESH_MS = 60_000;
const TOP_REFRESH_MS = 5 * 60_000;

/** A number and whether it can still change (read before its bucket settled). */
export interface CountResult {
  count: number;
  final: boolean;
}
interface TopResult extends TopPersons {
  final: boolean;
}

/** Finished buckets stay fresh for good; the rest go stale after a while. */
const staleUnlessFinal =
  (ms: number) =>
  (q: Query<CountResult, Error, CountResult, readonly unknown[]> | Query<TopResult, Error, TopResult, readonly unknown[]>) =>
    q.state.data?.final ? Infinity : ms;

const filterKey = (f: CountFilter) => ({ channel: f.channel, libId: f.libId });

export const overviewQueries = {
  all: () => ['records'] as const,
  /**
   * One count. `now` gives the device's time when the answer comes, to tell
   * whether the bucket had settled (then it is final and never asked again).
   */
  count: (f: CountFilter, b: Bucket, now: () => number | null) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), 'count', f.set, filterKey(f), b.startTime, b.stopTime] as const,
      queryFn: async ({ signal }): Promise<CountResult> => {
        const count = await limit(() => fetchCount(call, f, b, signal), signal);
        const at = now();
        return { count, final: at !== null && isFinal(b, at) };
      },
      staleTime: staleUnlessFinal(REFRESH_MS / 2),
      gcTime: Infinity,
      refetchInterval: (q) => (q.state.data?.final ? false : REFRESH_MS),
      meta: { errorHandled: true },
    }),
  topPersons: (b: Bucket, now: () => number | null) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), 'topPersons', b.startTime, b.stopTime] as const,
      queryFn: async ({ signal }): Promise<TopResult> => {
        const top = await fetchTopPersons(call, b, signal, limit);
        const at = now();
        return { ...top, final: at !== null && isFinal(b, at) };
      },
      staleTime: staleUnlessFinal(TOP_REFRESH_MS),
      gcTime: Infinity,
      refetchInterval: (q) => (q.state.data?.final ? false : TOP_REFRESH_MS),
      meta: { errorHandled: true },
    }),
};
