import { useEffect, useState } from 'react';

/** How many samples a chart keeps: 40 × 3 s, two minutes. */
export const SAMPLES_MAX = 40;

/**
 * The last values a polled query gave, oldest first. The one place the page
 * keeps query data in state: a history is what no single answer holds.
 * `at` is the query's dataUpdatedAt, so a refetch that answers the same value
 * still adds a point.
 */
export function useSamples(value: number | undefined, at: number, max = SAMPLES_MAX): number[] {
  const [samples, setSamples] = useState<number[]>([]);
  useEffect(() => {
    if (value === undefined || at === 0) return;
    setSamples((prev) => [...prev.slice(-(max - 1)), value]);
  }, [value, at, max]);
  return samples;
}
