import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { LivePicture } from './live-event';
import { createLiveStore, type LiveAlarm, type LiveStoreOptions } from './live-store';
import * as decode from './push-decode';
import { liveEvent } from './testing';

let decodeSpy: MockInstance<typeof decode.decodeDataUrl>;
let createSpy: MockInstance<typeof URL.createObjectURL>;

beforeEach(() => {
  decodeSpy = vi.spyOn(decode, 'decodeDataUrl');
  // Object URLs are the views' business (picture-url.ts), never the store's.
  createSpy = vi.spyOn(URL, 'createObjectURL');
});
afterEach(() => {
  expect(createSpy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

/** A store whose flush timer only runs when the test says so. */
function manualStore(options: LiveStoreOptions = {}) {
  let due: (() => void) | null = null;
  const store = createLiveStore({
    ...options,
    schedule: (fn) => {
      due = fn;
      return () => {
        due = null;
      };
    },
  });
  return {
    store,
    tick: () => {
      const fn = due;
      due = null;
      fn?.();
    },
    scheduled: () => due !== null,
  };
}

const ids = (alarms: readonly LiveAlarm[]) => alarms.map((a) => a.snapId);
const kindsOf = (a: LiveAlarm): Array<LivePicture['kind'] | null> =>
  [a.snap, a.frame, a.kind === 'face' ? (a.match?.photo ?? null) : null].map((p) => p?.kind ?? null);

describe('live store', () => {
  it('decodes inline scene frames into bytes, only for the newest `capacity`, and lets go of what leaves', () => {
    const { store, tick } = manualStore({ capacity: 3 });
    for (let n = 1; n <= 5; n++) store.getState().enqueue(liveEvent(n));
    expect(store.getState().alarms).toHaveLength(0);
    tick();

    let { alarms } = store.getState();
    expect(ids(alarms)).toEqual(['snap-5', 'snap-4', 'snap-3']);
    // Only survivors' frames were decoded; the crop and the library photo stay as they came.
    expect(decodeSpy).toHaveBeenCalledTimes(3);
    expect(alarms.map(kindsOf)).toEqual(Array(3).fill(['inline', 'bytes', 'inline']));
    const frame = alarms[0]?.frame;
    expect(frame?.kind === 'bytes' && frame.type).toBe('image/jpeg');
    expect(frame?.kind === 'bytes' && new TextDecoder().decode(frame.bytes)).toBe('jpeg:frame-5');

    store.getState().enqueue(liveEvent(6));
    store.getState().enqueue(liveEvent(7));
    tick();
    alarms = store.getState().alarms;
    expect(ids(alarms)).toEqual(['snap-7', 'snap-6', 'snap-5']);
    expect(store.getState().counters).toMatchObject({ received: 7, evicted: 4 });

    store.getState().clear();
    expect(store.getState().alarms).toHaveLength(0);
    expect(store.getState().counters.evicted).toBe(7);
    // Gone from the ids too: the same capture may come again (a backfill after clear()).
    store.getState().enqueue(liveEvent(7, {}, true));
    tick();
    expect(ids(store.getState().alarms)).toEqual(['snap-7']);
  });

  it('takes a frame the push worker already decoded as it is', () => {
    const { store, tick } = manualStore();
    const bytes = new Uint8Array([1, 2, 3]);
    store.getState().enqueue({ ...liveEvent(1), frame: { kind: 'bytes', bytes, type: 'image/jpeg' } });
    tick();
    const a = store.getState().alarms[0]!;
    expect(a.frame?.kind === 'bytes' && a.frame.bytes).toBe(bytes);
    expect(decodeSpy).not.toHaveBeenCalled();
  });

  it('drops duplicates by snap_id and puts backfilled alarms in their place by trigger', () => {
    const { store, tick } = manualStore();
    store.getState().enqueue(liveEvent(1));
    store.getState().enqueue(liveEvent(30));
    tick();
    store.getState().enqueue(liveEvent(40));
    store.getState().enqueue(liveEvent(20, {}, true));
    store.getState().enqueue(liveEvent(1, {}, true));
    store.getState().enqueue(liveEvent(10, {}, true));
    tick();
    expect(ids(store.getState().alarms)).toEqual(['snap-40', 'snap-30', 'snap-20', 'snap-10', 'snap-1']);
    expect(store.getState().counters).toMatchObject({ received: 3, backfilled: 2, duplicates: 1 });
    expect(store.getState().alarms.find((a) => a.snapId === 'snap-20')?.backfilled).toBe(true);
  });

  it('backfilled alarms older than all a full buffer keeps are counted as not shown, with what the backfill left out', () => {
    const { store, tick } = manualStore({ capacity: 3 });
    for (let n = 10; n <= 12; n++) store.getState().enqueue(liveEvent(n));
    tick();
    for (let n = 1; n <= 4; n++) store.getState().enqueue(liveEvent(n, {}, true));
    store.getState().enqueue(liveEvent(11.5, { snap_id: 'between' }, true));
    store
      .getState()
      .setSocketStats({ received: 3, malformed: 0, backfilled: 5, reconnects: 1, duplicates: 0, beyondBackfill: 40, recovered: 0 });
    tick();
    expect(ids(store.getState().alarms)).toEqual(['snap-12', 'between', 'snap-11']);
    expect(store.getState().counters).toMatchObject({ backfilled: 5, notShown: 4 + 40, evicted: 5 });
  });

  it('paused: the list holds still, arrivals are counted and shown on unpause', () => {
    const { store, tick } = manualStore({ capacity: 4 });
    store.getState().enqueue(liveEvent(1));
    tick();
    store.getState().setPaused(true);
    for (let n = 2; n <= 7; n++) store.getState().enqueue(liveEvent(n));
    tick();
    expect(ids(store.getState().alarms)).toEqual(['snap-1']);
    expect(store.getState().pausedCount).toBe(6);
    // Held aside is bounded too: 2 and 3 could never be shown, so their frames were never decoded.
    expect(decodeSpy).toHaveBeenCalledTimes(1 + 4);

    store.getState().setPaused(false);
    expect(store.getState().pausedCount).toBe(0);
    expect(ids(store.getState().alarms)).toEqual(['snap-7', 'snap-6', 'snap-5', 'snap-4']);
    expect(store.getState().counters.evicted).toBe(3);
  });

  it('acknowledges one or all and counts the rest', () => {
    const { store, tick } = manualStore();
    for (let n = 1; n <= 3; n++) store.getState().enqueue(liveEvent(n));
    tick();
    expect(store.getState().unacknowledged).toBe(3);
    store.getState().acknowledge('snap-2');
    expect(store.getState().unacknowledged).toBe(2);
    expect(store.getState().alarms.find((a) => a.snapId === 'snap-2')?.acknowledged).toBe(true);
    store.getState().acknowledgeAll();
    expect(store.getState().unacknowledged).toBe(0);
  });

  it('shrinking the capacity evicts', () => {
    const { store, tick } = manualStore();
    for (let n = 1; n <= 5; n++) store.getState().enqueue(liveEvent(n));
    tick();
    store.getState().setCapacity(2);
    expect(ids(store.getState().alarms)).toEqual(['snap-5', 'snap-4']);
    expect(store.getState().counters.evicted).toBe(3);
  });

  it('batches: many events, one notification per flush', () => {
    const { store, tick, scheduled } = manualStore();
    const listener = vi.fn();
    store.subscribe(listener);
    for (let n = 0; n < 300; n++) store.getState().enqueue(liveEvent(n));
    expect(listener).not.toHaveBeenCalled();
    expect(scheduled()).toBe(true);
    tick();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().alarms).toHaveLength(300);
  });

  it('the first alarm after a quiet spell goes at once, the next wait out the interval, which the wall shortens', () => {
    const waits: number[] = [];
    let due: (() => void) | null = null;
    const store = createLiveStore({
      schedule: (fn, ms) => {
        waits.push(ms);
        due = fn;
        return () => (due = null);
      },
    });
    store.getState().enqueue(liveEvent(1));
    expect(waits).toEqual([0]);
    due!();
    store.getState().enqueue(liveEvent(2));
    expect(waits[1]).toBeGreaterThan(40);
    expect(waits[1]).toBeLessThanOrEqual(50);
    // The wall opens: the pending flush is moved up to the new interval.
    store.getState().setFlushMs(16);
    expect(waits[2]).toBeLessThanOrEqual(16);
    due!();
    expect(store.getState().alarms).toHaveLength(2);
  });

  it('flushes on its own timer (50 ms by default)', async () => {
    const store = createLiveStore({ flushMs: 10 });
    store.getState().enqueue(liveEvent(1));
    expect(store.getState().alarms).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(store.getState().alarms).toHaveLength(1);
  });

  it('keeps up with 10 000 events at 500 a second (batches of 25, one per 50 ms)', () => {
    const { store, tick } = manualStore({ capacity: 500 });
    let renders = 0;
    store.subscribe(() => renders++);
    const events = Array.from({ length: 10_000 }, (_, n) => liveEvent(n));
    const t = performance.now();
    events.forEach((e, n) => {
      store.getState().enqueue(e);
      if (n % 25 === 24) tick();
    });
    tick();
    const ms = performance.now() - t;
    console.log(
      `live store: 10 000 events in ${ms.toFixed(0)} ms (${renders} notifications, ${decodeSpy.mock.calls.length} frames decoded)`,
    );
    expect(store.getState().alarms).toHaveLength(500);
    expect(store.getState().alarms[0]?.snapId).toBe('snap-9999');
    expect(renders).toBe(400);
    expect(store.getState().counters.evicted).toBe(9500);

    // And all at once (a throttled background tab): bounded work, no O(n²).
    const burst = manualStore({ capacity: 500 });
    const t2 = performance.now();
    for (let n = 0; n < 10_000; n++) burst.store.getState().enqueue(liveEvent(20_000 + n));
    burst.tick();
    console.log(`live store: 10 000 events in one burst in ${(performance.now() - t2).toFixed(0)} ms`);
    expect(burst.store.getState().alarms).toHaveLength(500);
  });
});

describe('arrivals', () => {
  it('tells listeners of each new alarm as it is queued, before any flush, and not of duplicates', () => {
    const { store } = manualStore();
    const seen: string[] = [];
    const stop = store.getState().onArrival((a) => seen.push(`#${a.seq}`));
    store.getState().enqueue(liveEvent(1));
    store.getState().enqueue(liveEvent(1));
    expect(seen).toEqual(['#1']);
    expect(store.getState().alarms).toEqual([]);
    stop();
    store.getState().enqueue(liveEvent(2));
    expect(seen).toEqual(['#1']);
  });
});

describe('flush timing', () => {
  it('waits at least `after` even after a quiet spell (the tile layout), at once otherwise', () => {
    const waits: number[] = [];
    const store = createLiveStore({
      schedule: (_fn, ms) => {
        waits.push(ms);
        return () => {};
      },
    });
    store.getState().setFlushMs(16);
    store.getState().enqueue(liveEvent(1));
    store.getState().flush();
    store.getState().setFlushMs(100, 100);
    store.getState().enqueue(liveEvent(2));
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
  });
});
