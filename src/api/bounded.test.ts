import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded';

describe('mapBounded', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const resolvers: Array<() => void> = [];
    const done = mapBounded([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => resolvers.push(r));
      running--;
      return n * 10;
    });
    // Answer them out of order, one at a time, as they arrive.
    while (resolvers.length > 0 || running > 0) {
      await Promise.resolve();
      resolvers.pop()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await done).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it('answers an empty list at once', async () => {
    expect(await mapBounded([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
