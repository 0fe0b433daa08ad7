// The console's one WebSocket to the device's alarm push (§9.1-9.2), put
// together from its parts: the connection with its backoff (connection.ts),
// what a gap or a dropped push missed, read from the alarm history (1036,
// §3.16; recovery.ts), the device's clock, which may step (device-clock.ts),
// and the browser's life cycle (lifecycle.ts). No React here.
import type { Call } from '../api/client';
import { createConnection, DEFAULT_BACKOFF } from './connection';
import { DeviceClock } from './device-clock';
import { fromPush, type LiveEvent } from './live-event';
import { browserLifecycle, watchLifecycle } from './lifecycle';
import { webSocketTransport, type OpenTransport } from './push-transport';
import { createRecovery } from './recovery';

export { backoffDelay, browserWsUrl } from './connection';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'offline' | 'stopped';

/** Why the socket is in its state, for the UI to say in words. */
export type LiveReason =
  /** The WebSocket closed; `code` is the close code (1006 abnormal, 1001 going away, …). */
  | { readonly type: 'close'; readonly code: number }
  /** The device said no: the ack's code (-140 wrong key) or 1286's (-141 no session), Appendix A. */
  | { readonly type: 'device'; readonly code: number }
  /** 1286 could not reach the device. */
  | { readonly type: 'network' }
  /** The socket opened but no ack came. */
  | { readonly type: 'ack-timeout' }
  /** The browser says it is offline. */
  | { readonly type: 'browser-offline' }
  /** Our timers stopped for a while: the computer slept. */
  | { readonly type: 'sleep' }
  | { readonly type: 'stop' };

export interface LiveStatus {
  readonly state: LiveState;
  readonly reason: LiveReason | null;
  /** now() when this state began. */
  readonly since: number;
  /** now() of the next attempt, when one is scheduled. */
  readonly retryAt: number | null;
  /** Failed attempts since the last good ack. */
  readonly attempt: number;
}

export interface LiveSocketStats {
  /** Live captures passed on. */
  readonly received: number;
  /** Frames that were not a valid capture or answer: counted and skipped. */
  readonly malformed: number;
  /** History alarms passed on after a gap. */
  readonly backfilled: number;
  /** Times the socket came back live after having been live. */
  readonly reconnects: number;
  /** Captures already passed on (by snap_id), skipped. */
  readonly duplicates: number;
  /** Alarms of a gap beyond the backfill's budget (the oldest of it): in the alarm search only. */
  readonly beyondBackfill: number;
  /** Alarms the history holds that the push never delivered with the socket up (the check, auditMs), passed on from history. */
  readonly recovered: number;
}

/** Lifecycle signals from the browser (or a test). */
export type LiveSignal = 'online' | 'offline' | 'visible' | 'hidden';
/** Subscribes to signals; returns the unsubscribe. */
export type LiveLifecycle = (signal: (s: LiveSignal) => void) => () => void;

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export interface LiveSocketDeps {
  call: Call;
  wsUrl: () => string;
  /** How /ws/ is opened; the browser's runs it in a worker (push-browser.ts). Defaults to a WebSocket on this thread. */
  transport?: OpenTransport;
  /** For the default transport: Node has no global WebSocket, tests pass the `ws` package's. */
  WebSocketImpl?: typeof WebSocket;
  onEvent: (event: LiveEvent) => void;
  onStatus: (status: LiveStatus) => void;
  /** Told whenever the counters change (cheap: the same object shape each time). */
  onStats?: (stats: LiveSocketStats) => void;
  now?: () => number;
  random?: () => number;
  /** Defaults to window online/offline and document visibilitychange, when there is a window. */
  lifecycle?: LiveLifecycle;
  backoff?: Partial<BackoffOptions>;
  /** How often the sleep detector ticks. */
  driftCheckMs?: number;
  /** A tick this much later than due means the computer slept. */
  sleepGapMs?: number;
  /** Socket open but no ack after this: retry. */
  ackTimeoutMs?: number;
  /**
   * A backfill reads at most this many pages of QUERY_MAX, the newest of the
   * gap: 100 pages is 5 000 alarms, a 45 s outage at 110 alarms a second.
   */
  maxBackfillPages?: number;
  /** A failed backfill while live is retried after this. */
  backfillRetryMs?: number;
  /**
   * How often, while live, the alarms the push delivered are counted against
   * the history's (1036): a device may drop pushes to a slow subscriber
   * without closing the socket. 0 turns the check off.
   */
  auditMs?: number;
  log?: (message: string) => void;
}

export interface LiveSocket {
  start(): void;
  stop(): void;
  /** After a login (or anything the app knows was a gap): reconnect now if down, and backfill. Starts if stopped. */
  resume(): void;
  readonly status: LiveStatus;
  readonly stats: LiveSocketStats;
}

export function createLiveSocket(deps: LiveSocketDeps): LiveSocket {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});
  const auditMs = deps.auditMs ?? 15_000;

  let running = false;
  let everLive = false;
  let auditTimer: ReturnType<typeof setInterval> | null = null;
  let stopLifecycle: (() => void) | null = null;
  let abort = new AbortController();

  const stats = { received: 0, malformed: 0, backfilled: 0, reconnects: 0, duplicates: 0, beyondBackfill: 0, recovered: 0 };
  let status: LiveStatus = { state: 'stopped', reason: null, since: now(), retryAt: null, attempt: 0 };

  function setStatus(state: LiveState, reason: LiveReason | null, retryAt: number | null = null): void {
    const since = state === status.state ? status.since : now();
    status = { state, reason, since, retryAt, attempt: connection.attempt };
    deps.onStatus(status);
  }
  function statsChanged(): void {
    deps.onStats?.({ ...stats });
  }

  const clock = new DeviceClock(now);
  const recovery = createRecovery({
    call: deps.call,
    clock,
    now,
    signal: () => abort.signal,
    running: () => running,
    live: () => connection.live,
    emit: (event) => {
      try {
        deps.onEvent(event);
      } catch (e) {
        log(`live: onEvent threw: ${String(e)}`);
      }
    },
    stats,
    statsChanged,
    log,
    maxPages: deps.maxBackfillPages ?? 100,
    backfillRetryMs: deps.backfillRetryMs ?? 30_000,
    auditMs,
  });

  const connection = createConnection({
    call: deps.call,
    wsUrl: deps.wsUrl,
    openTransport: deps.transport ?? webSocketTransport(deps.WebSocketImpl),
    backoff: { ...DEFAULT_BACKOFF, ...deps.backoff },
    random: deps.random ?? Math.random,
    ackTimeoutMs: deps.ackTimeoutMs ?? 10_000,
    running: () => running,
    signal: () => abort.signal,
    now,
    log,
    setStatus,
    onMessage: (m) => {
      if (m.type === 'malformed') {
        stats.malformed++;
        log(`live: skipped a message: ${m.detail}`);
      } else {
        const receivedAt = now();
        recovery.onPush(fromPush(m.data, receivedAt, m.pictures, recovery.observe(m.data.trigger, receivedAt)));
      }
      statsChanged();
    },
    onStray: (code) => {
      stats.malformed++;
      log(`live: skipped a message: code ${code}`);
      statsChanged();
    },
    onLive: () => {
      if (everLive) stats.reconnects++;
      everLive = true;
      statsChanged();
      setStatus('live', null);
      recovery.onLive();
    },
    onLost: () => recovery.markGap(),
  });

  function start(): void {
    if (running) return;
    running = true;
    abort = new AbortController();
    connection.resetAttempts();
    if (auditMs > 0) auditTimer = setInterval(() => void recovery.audit(), auditMs);
    stopLifecycle = watchLifecycle(
      {
        lifecycle: deps.lifecycle ?? browserLifecycle,
        now,
        driftCheckMs: deps.driftCheckMs ?? 5000,
        sleepGapMs: deps.sleepGapMs ?? 15_000,
      },
      {
        live: () => connection.live,
        reconnectNow: () => connection.reconnectNow(),
        offline: () => setStatus('offline', { type: 'browser-offline' }, status.retryAt),
        missedWhileHidden: () => {
          recovery.markGap();
          void recovery.backfill();
        },
        slept: (late) => {
          log(`live: timers were ${late} ms late, the computer probably slept`);
          recovery.markGap();
          // After sleep a socket can look open and be dead: start again.
          connection.resetAttempts();
          connection.drop();
          setStatus('reconnecting', { type: 'sleep' });
          void connection.connect();
        },
      },
    );
    setStatus('connecting', null);
    void connection.connect();
  }

  function stop(): void {
    if (!running) return;
    running = false;
    connection.stop();
    abort.abort();
    if (auditTimer) clearInterval(auditTimer);
    auditTimer = null;
    stopLifecycle?.();
    stopLifecycle = null;
    recovery.stop();
    connection.drop(1000);
    connection.resetAttempts();
    setStatus('stopped', { type: 'stop' });
  }

  function resume(): void {
    if (!running) return start();
    recovery.markGap();
    if (connection.live) void recovery.backfill();
    else connection.reconnectNow();
  }

  return {
    start,
    stop,
    resume,
    get status() {
      return status;
    },
    get stats() {
      return { ...stats };
    },
  };
}
