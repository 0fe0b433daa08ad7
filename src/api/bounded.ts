/**
 * Runs `fn` on every item with at most `limit` running at once, and answers
 * every result in the items' order. `fn` must not throw (each caller turns its
 * own failures into an outcome), so one item's failure never stops the rest.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
