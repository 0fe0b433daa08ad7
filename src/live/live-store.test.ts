import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { LivePicture } from './live-event';
import { createLiveStore, dataUrlToBlob, type LiveAlarm, type LiveStoreOptions } from './live-store';
import { liveEvent } from './testing';

let made = 0;
let createSpy: MockInstance<typeof URL.createObjectURL>;
let revokeSpy: MockInstance<typeof URL.revokeObjectURL>;

beforeEach(() => {
  made = 0;
  createSpy = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++made}`);
  revokeSpy = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

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
const urlsOf = (a: LiveAlarm): string[] =>
  [a.snap, a.frame, a.kind === 'face' ? (a.match?.photo ?? null) : null]
    .filter((p): p is Extract<LivePicture, { kind: 'object' }> => p?.kind === 'object')
    .map((p) => p.url);

describe('live store', () => {
  it('turns inline pictures into object URLs, keeps the newest `capacity` and revokes what leaves', () => {
    const { store, tick } = manualStore({ capacity: 3 });
    for (let n = 1; n <= 5; n++) store.getState().enqueue(liveEvent(n));
    expect(store.getState().alarms).toHaveLength(0);
    tick();

    let { alarms } = store.getState();
    expect(ids(alarms)).toEqual(['snap-5', 'snap-4', 'snap-3']);
    // Only survivors became Blobs: 3 alarms x (snap, frame, library photo).
    expect(createSpy).toHaveBeenCalledTimes(9);
    expect(revokeSpy).not.toHaveBeenCalled();
    expect(alarms[0]?.snap).toEqual({ kind: 'object', url: expect.stringMatching(/^blob:/) });
    const blob = createSpy.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('image/jpeg');

    const leaving = alarms.slice(1).flatMap(urlsOf);
    store.getState().enqueue(liveEvent(6));
    store.getState().enqueue(liveEvent(7));
    tick();
    alarms = store.getState().alarms;
    expect(ids(alarms)).toEqual(['snap-7', 'snap-6', 'snap-5']);
    expect(revokeSpy.mock.calls.map((c) => c[0]).sort()).toEqual(leaving.sort());
    expect(store.getState().counters).toMatchObject({ received: 7, evicted: 4 });

    store.getState().clear();
    expect(revokeSpy).toHaveBeenCalledTimes(15);
    expect(store.getState().alarms).toHaveLength(0);
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

  it('paused: the list holds still, arrivals are counted and shown on unpause', () => {
    const { store, tick } = manualStore({ capacity: 4 });
    store.getState().enqueue(liveEvent(1));
    tick();
    store.getState().setPaused(true);
    for (let n = 2; n <= 7; n++) store.getState().enqueue(liveEvent(n));
    tick();
    expect(ids(store.getState().alarms)).toEqual(['snap-1']);
    expect(store.getState().pausedCount).toBe(6);
    // Held aside is bounded too: 2 and 3 could never be shown, so they never became Blobs.
    expect(createSpy).toHaveBeenCalledTimes(3 + 4 * 3);

    store.getState().setPaused(false);
    expect(store.getState().pausedCount).toBe(0);
    expect(ids(store.getState().alarms)).toEqual(['snap-7', 'snap-6', 'snap-5', 'snap-4']);
    expect(revokeSpy).toHaveBeenCalledTimes(3);
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

  it('shrinking the capacity evicts and revokes', () => {
    const { store, tick } = manualStore();
    for (let n = 1; n <= 5; n++) store.getState().enqueue(liveEvent(n));
    tick();
    store.getState().setCapacity(2);
    expect(ids(store.getState().alarms)).toEqual(['snap-5', 'snap-4']);
    expect(revokeSpy).toHaveBeenCalledTimes(9);
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

  it('flushes on its own timer (50 ms by default)', async () => {
    const store = createLiveStore({ flushMs: 10 });
    store.getState().enqueue(liveEvent(1));
    expect(store.getState().alarms).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(store.getState().alarms).toHaveLength(1);
  });

  it('data URLs decode to Blobs of the right bytes', async () => {
    const blob = dataUrlToBlob(`data:image/jpeg;base64,${btoa('hello')}`);
    expect(blob?.type).toBe('image/jpeg');
    expect(await blob?.text()).toBe('hello');
    expect(dataUrlToBlob('nonsense')).toBeNull();
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
    console.log(`live store: 10 000 events in ${ms.toFixed(0)} ms (${renders} notifications, ${createSpy.mock.calls.length} object URLs)`);
    expect(store.getState().alarms).toHaveLength(500);
    expect(store.getState().alarms[0]?.snapId).toBe('snap-9999');
    expect(renders).toBe(400);
    expect(revokeSpy).toHaveBeenCalledTimes(9500 * 3);
    void ms; // printed above; speed is bench/wall.ts's business

    // And all at once (a throttled background tab): bounded work, no O(n²).
    const burst = manualStore({ capacity: 500 });
    const t2 = performance.now();
    for (let n = 0; n < 10_000; n++) burst.store.getState().enqueue(liveEvent(20_000 + n));
    burst.tick();
    console.log(`live store: 10 000 events in one burst in ${(performance.now() - t2).toFixed(0)} ms`);
    expect(burst.store.getState().alarms).toHaveLength(500);
  });
});
