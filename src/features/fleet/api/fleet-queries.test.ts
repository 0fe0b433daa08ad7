// @vitest-environment jsdom
// (react-query schedules no interval where there is no window.)
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleetQueries, LIVE_REFRESH_MS, RETRY_MS } from './fleet-queries';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the overview's reads of a node", () => {
  it('are tried again soon after a failure (a node restarting), and at their interval once it answers', async () => {
    const client = new QueryClient();
    const answers = [new Error('down'), new Error('down'), 'back', 'back'];
    const queryFn = vi.fn(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    });
    const clock = { sysTime: '2026-12-06 10:00:00', readAt: Date.now() };
    const observer = new QueryObserver(client, { ...fleetQueries.live('n1', clock), queryFn } as never);
    const stop = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(observer.getCurrentResult().status).toBe('error');
    // Down: asked again after RETRY_MS, not after the 30 s interval.
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(queryFn).toHaveBeenCalledTimes(3);
    expect(observer.getCurrentResult().status).toBe('success');
    // Back: its interval again.
    await vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS - 1);
    expect(queryFn).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(4);
    stop();
    client.clear();
  });
});
