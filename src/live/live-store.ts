// The live alarm buffer: what the socket saw, bounded, newest first. Events are
// batched (at most one flush per `flushMs`, 50 ms by default; the wall asks for
// 16 while it is open) so React renders at most that often however fast the
// device pushes. The first event after a quiet spell is flushed at once, the
// rest wait for the interval to run out. A flush costs
// O(capacity + batch log batch), never O(n) per event. Scene frames are held
// as bytes, outside the JS heap (their base64 is 1.33x as big, and in it): the
// push worker decodes them, and one that reaches the store still inline (no
// worker) is decoded here. Views make object URLs only for what they show
// (picture-url.ts); an alarm leaving the buffer lets go of its pictures.
import { useRef } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveEvent } from './live-event';
import type { LiveSocketStats, LiveStatus } from './live-socket';
import { decodeDataUrl } from './push-decode';

export type LiveAlarm = LiveEvent & {
  /** Its identity in the store: the snap_id, `<node>:<snap_id>` on the merged wall (snap ids are per device). */
  readonly key: string;
  /** Arrival order in this store: a tie-break for same-second triggers. */
  readonly seq: number;
  readonly acknowledged: boolean;
};

export interface LiveCounters {
  /** Live captures accepted. */
  readonly received: number;
  /** History alarms accepted after a gap. */
  readonly backfilled: number;
  /** Dropped because their snap_id was already held. */
  readonly duplicates: number;
  /** Left the buffer (or never fitted in it). */
  readonly evicted: number;
  /**
   * Alarms of a gap the wall does not show: fetched but older than all it
   * keeps, or past the backfill's budget. The alarm search has them.
   */
  readonly notShown: number;
  /** From the socket. */
  readonly malformed: number;
  readonly reconnects: number;
}

export interface LiveStoreState {
  readonly status: LiveStatus;
  /** Newest first (by `at`, then arrival), at most `capacity`. */
  readonly alarms: readonly LiveAlarm[];
  readonly capacity: number;
  readonly paused: boolean;
  /** Alarms that arrived while paused (shown when unpaused). */
  readonly pausedCount: number;
  readonly unacknowledged: number;
  readonly counters: LiveCounters;

  /** From the socket: queued, shown at the next flush. */
  enqueue(event: LiveEvent): void;
  /**
   * Told of each new alarm as it is queued, before the flush (the tile
   * layout shows it at once); paused or not. Returns the unsubscribe.
   */
  onArrival(listener: (alarm: LiveAlarm) => void): () => void;
  /** Apply what is queued now (tests; otherwise the timer does it). */
  flush(): void;
  setStatus(status: LiveStatus): void;
  setSocketStats(stats: LiveSocketStats): void;
  /** By the alarm's key (its snap_id on one node's wall). */
  acknowledge(key: string): void;
  acknowledgeAll(): void;
  /** Paused: the list holds still; arrivals are kept aside (bounded too) and counted. */
  setPaused(paused: boolean): void;
  setCapacity(capacity: number): void;
  /**
   * At most one flush per `ms` from now on (the wall: 16, a frame); null: the
   * default. `after`: an event waits at least this long even after a quiet
   * spell (the tile layout: its tiles are filled on arrival, the list can follow).
   */
  setFlushMs(ms: number | null, after?: number): void;
  clear(): void;
}

/** An alarm's identity: snap ids are unique per device only. */
export function alarmKey(e: Pick<LiveEvent, 'snapId' | 'node'>): string {
  return e.node === undefined ? e.snapId : `${e.node}:${e.snapId}`;
}

/** Runs `fn` after about `ms`; returns a cancel. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export type LiveStore = StoreApi<LiveStoreState>;

export interface LiveStoreOptions {
  /** A setting: how many recent alarms stay in memory. */
  capacity?: number;
  flushMs?: number;
  /** Defaults to setTimeout; returns a cancel. */
  schedule?: Schedule;
}

export const DEFAULT_CAPACITY = 500;
export const DEFAULT_FLUSH_MS = 50;

const INITIAL_STATUS: LiveStatus = { state: 'stopped', reason: null, since: 0, retryAt: null, attempt: 0 };
const ZERO: LiveCounters = { received: 0, backfilled: 0, duplicates: 0, evicted: 0, notShown: 0, malformed: 0, reconnects: 0 };

/**
 * Newer first: later in our time (`at`: the trigger on a timeline that only
 * moves forward, however the device's clock stepped), then later arrival.
 */
function newerFirst(a: LiveAlarm, b: LiveAlarm): number {
  if (a.at !== b.at) return b.at - a.at;
  return b.seq - a.seq;
}

/**
 * Two newest-first lists into one of at most `cap`: O(cap). `admit` runs only
 * on incoming alarms that make it in, so pictures that would be evicted at
 * once are never decoded.
 */
function merge(
  old: readonly LiveAlarm[],
  incoming: readonly LiveAlarm[],
  cap: number,
  admit: (a: LiveAlarm) => LiveAlarm,
): { kept: LiveAlarm[]; evicted: LiveAlarm[]; dropped: LiveAlarm[] } {
  const kept: LiveAlarm[] = [];
  let i = 0;
  let j = 0;
  while (kept.length < cap && (i < old.length || j < incoming.length)) {
    const a = old[i];
    const b = incoming[j];
    if (b && (!a || newerFirst(b, a) <= 0)) {
      kept.push(admit(b));
      j++;
    } else if (a) {
      kept.push(a);
      i++;
    }
  }
  return { kept, evicted: old.slice(i), dropped: incoming.slice(j) };
}

export function createLiveStore(options: LiveStoreOptions = {}): LiveStore {
  const defaultFlushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
  let flushMs = defaultFlushMs;
  let flushAfterMs = 0;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const schedule: Schedule =
    options.schedule ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    });

  // Outside React state on purpose: touched per event, published per flush.
  let pending: LiveAlarm[] = [];
  let held: LiveAlarm[] = [];
  const ids = new Set<string>();
  let seq = 0;
  let cancelFlush: (() => void) | null = null;
  let dirty = false;
  const counts = { received: 0, backfilled: 0, duplicates: 0, evicted: 0, tooOld: 0 };
  let socketStats: LiveSocketStats | null = null;
  const arrivalListeners = new Set<(alarm: LiveAlarm) => void>();

  /** Only the frame: the crop and the library photo are small and shown as they came. */
  function admit(a: LiveAlarm): LiveAlarm {
    if (a.frame?.kind !== 'inline') return a;
    const decoded = decodeDataUrl(a.frame.dataUrl);
    return decoded ? { ...a, frame: { kind: 'bytes', ...decoded } } : a;
  }
  /** Their pictures go with the last reference; a view still showing one keeps its URL until it unmounts. */
  function release(list: readonly LiveAlarm[]): void {
    for (const a of list) ids.delete(a.key);
    counts.evicted += list.length;
  }
  /** Incoming alarms that did not make it into a full buffer. */
  function neverFitted(list: readonly LiveAlarm[]): void {
    for (const a of list) if (a.backfilled) counts.tooOld++;
    release(list);
  }
  function counters(): LiveCounters {
    const { tooOld, ...rest } = counts;
    return {
      ...rest,
      notShown: tooOld + (socketStats?.beyondBackfill ?? 0),
      malformed: socketStats?.malformed ?? 0,
      reconnects: socketStats?.reconnects ?? 0,
    };
  }
  function unacked(list: readonly LiveAlarm[]): number {
    let n = 0;
    for (const a of list) if (!a.acknowledged) n++;
    return n;
  }
  function scheduleFlush(): void {
    if (cancelFlush) return;
    const wait = Math.max(flushAfterMs, lastFlush + flushMs - performance.now());
    cancelFlush = schedule(() => store.getState().flush(), wait);
  }

  const store = createStore<LiveStoreState>()((set, get) => ({
    status: INITIAL_STATUS,
    alarms: [],
    capacity: Math.max(1, options.capacity ?? DEFAULT_CAPACITY),
    paused: false,
    pausedCount: 0,
    unacknowledged: 0,
    counters: ZERO,

    enqueue(event) {
      const key = alarmKey(event);
      if (ids.has(key)) {
        counts.duplicates++;
        dirty = true;
        scheduleFlush();
        return;
      }
      ids.add(key);
      const alarm: LiveAlarm = { ...event, key, seq: ++seq, acknowledged: false };
      pending.push(alarm);
      for (const listener of arrivalListeners) listener(alarm);
      if (event.backfilled) counts.backfilled++;
      else counts.received++;
      // Hidden tabs throttle timers hard: do not let the queue grow without bound meanwhile.
      if (pending.length >= get().capacity * 4) get().flush();
      else scheduleFlush();
    },

    onArrival(listener) {
      arrivalListeners.add(listener);
      return () => arrivalListeners.delete(listener);
    },

    flush() {
      cancelFlush?.();
      cancelFlush = null;
      if (pending.length === 0 && !dirty) return;
      dirty = false;
      lastFlush = performance.now();
      const batch = pending.sort(newerFirst);
      pending = [];
      const s = get();
      if (s.paused) {
        const r = merge(held, batch, s.capacity, admit);
        held = r.kept;
        release(r.evicted);
        neverFitted(r.dropped);
        set({ pausedCount: s.pausedCount + batch.length, counters: counters() });
        return;
      }
      if (batch.length === 0) {
        set({ counters: counters() });
        return;
      }
      const r = merge(s.alarms, batch, s.capacity, admit);
      release(r.evicted);
      neverFitted(r.dropped);
      set({ alarms: r.kept, unacknowledged: unacked(r.kept), counters: counters() });
    },

    setStatus(status) {
      set({ status });
    },

    setSocketStats(stats) {
      socketStats = stats;
      dirty = true;
      scheduleFlush();
    },

    acknowledge(key) {
      const { alarms } = get();
      const i = alarms.findIndex((a) => a.key === key);
      const a = alarms[i];
      if (!a || a.acknowledged) return;
      const next = alarms.slice();
      next[i] = { ...a, acknowledged: true };
      set({ alarms: next, unacknowledged: unacked(next) });
    },

    acknowledgeAll() {
      const { alarms, unacknowledged } = get();
      if (unacknowledged === 0) return;
      set({ alarms: alarms.map((a) => (a.acknowledged ? a : { ...a, acknowledged: true })), unacknowledged: 0 });
    },

    setPaused(paused) {
      const s = get();
      if (paused === s.paused) return;
      // What is queued belongs to the side it arrived on.
      s.flush();
      if (paused) {
        set({ paused: true, pausedCount: 0 });
        return;
      }
      const r = merge(get().alarms, held, s.capacity, (a) => a);
      held = [];
      release(r.evicted);
      neverFitted(r.dropped);
      set({ paused: false, pausedCount: 0, alarms: r.kept, unacknowledged: unacked(r.kept), counters: counters() });
    },

    setCapacity(capacity) {
      const cap = Math.max(1, Math.floor(capacity));
      get().flush();
      const { alarms } = get();
      release(alarms.slice(cap));
      release(held.slice(cap));
      held = held.slice(0, cap);
      const kept = alarms.slice(0, cap);
      set({ capacity: cap, alarms: kept, unacknowledged: unacked(kept), counters: counters() });
    },

    setFlushMs(ms, after = 0) {
      flushMs = ms ?? defaultFlushMs;
      flushAfterMs = after;
      if (!cancelFlush) return;
      cancelFlush();
      cancelFlush = null;
      scheduleFlush();
    },

    clear() {
      cancelFlush?.();
      cancelFlush = null;
      release(get().alarms);
      release(held);
      for (const a of pending) ids.delete(a.key);
      pending = [];
      held = [];
      set({ alarms: [], unacknowledged: 0, pausedCount: 0, counters: counters() });
    },
  }));
  return store;
}

/** The console's one live buffer. */
export const liveStore: LiveStore = createLiveStore();

export function useLiveStore<T>(selector: (state: LiveStoreState) => T): T {
  return useStore(liveStore, selector);
}

/**
 * The alarms, or something derived from them. The result is cached per
 * alarms array (and selector), so a selector that filters or maps does not
 * make a new value on every read (React would loop).
 */
export function useLiveAlarms(): readonly LiveAlarm[];
export function useLiveAlarms<T>(selector: (alarms: readonly LiveAlarm[]) => T): T;
export function useLiveAlarms<T>(selector?: (alarms: readonly LiveAlarm[]) => T): T | readonly LiveAlarm[] {
  const cache = useRef<{ alarms: readonly LiveAlarm[]; selector: unknown; value: unknown } | null>(null);
  return useStore(liveStore, (s) => {
    if (!selector) return s.alarms;
    const c = cache.current;
    if (c && c.alarms === s.alarms && c.selector === selector) return c.value as T;
    const value = selector(s.alarms);
    cache.current = { alarms: s.alarms, selector, value };
    return value;
  });
}

export function useLiveStatus(): LiveStatus {
  return useStore(liveStore, (s) => s.status);
}
