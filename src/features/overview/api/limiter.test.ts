import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('never runs more than its slots at once, and runs the rest in order', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, deferred);
    const all = gates.map((g, i) =>
      limit(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await g.promise;
        running--;
        return i;
      }),
    );
    for (const g of gates) g.resolve();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limit = createLimiter(1);
    const gate = deferred();
    const first = limit(() => gate.promise);
    const ctl = new AbortController();
    let ran = false;
    const second = limit(async () => {
      ran = true;
    }, ctl.signal);
    ctl.abort();
    await expect(second).rejects.toBeDefined();
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    // The slot is free again.
    expect(await limit(async () => 7)).toBe(7);
  });
});
