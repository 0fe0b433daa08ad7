// The overview's hooks: the device's "now" and the counts of a plan's series.
import { useCallback, useEffect, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { deviceQueries } from '../../../api/queries/device';
import { deviceNow, isFuture } from '../model/buckets';
import type { Count } from '../model/plan';
import { overviewQueries } from './overview-queries';

/** How often the device's "now" is moved on (hour turnovers, "current" buckets). */
const TICK_MS = 15_000;

export interface DeviceNow {
  /** Device naive ms, or null before 1283 answered. */
  now: number | null;
  /** The same, read at call time (for a count's answer). */
  read: () => number | null;
  zone: string | null;
  error: unknown;
}

export function useDeviceNow(): DeviceNow {
  const clock = useQuery({ ...deviceQueries.clock(), meta: { errorHandled: true } });
  const reading = clock.data;
  const read = useCallback(() => (reading ? deviceNow(reading.sysTime, reading.readAt, Date.now()) : null), [reading]);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(read());
    const id = setInterval(() => setNow(read()), TICK_MS);
    return () => clearInterval(id);
  }, [read]);
  return { now: reading ? (now ?? read()) : null, read, zone: reading?.timeZone ?? null, error: clock.error };
}

export interface Counts {
  /** One per count; 0 for a bucket that has not begun, null while unknown. */
  values: (number | null)[];
  pending: boolean;
  error: unknown;
}

export function useCounts(counts: readonly Count[], clock: Pick<DeviceNow, 'now' | 'read'>): Counts {
  const { now, read } = clock;
  return useQueries({
    queries: counts.map((c) => ({
      ...overviewQueries.count(c.filter, c.bucket, read),
      enabled: now !== null && !isFuture(c.bucket, now),
    })),
    combine: (results) => ({
      values: results.map((r, i) => (now !== null && isFuture(counts[i]!.bucket, now) ? 0 : (r.data?.count ?? null))),
      pending: now === null || results.some((r, i) => r.isPending && !isFuture(counts[i]!.bucket, now)),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}
