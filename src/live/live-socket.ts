// The console's one WebSocket to the device's alarm push (§9.1-9.2): fetch the
// key (1286), open /ws/, subscribe ("776"), read the ack, parse each "777"
// capture into a LiveEvent. It reconnects by itself with backoff and, after
// any gap (drop, device restart, session expiry, sleep), fetches what was
// missed from the alarm history (1036, §3.16). No React here.
import type { Call } from '../api/client';
import { DeviceError } from '../api/errors';
import { QUERY_MAX } from '../api/protocol/limits';
import { getWsKey, type wsSubscribe } from '../api/protocol/push';
import { queryAlarms, type AlarmRecord } from '../api/protocol/records';
import type { z } from 'zod';
import { fromAlarmRecord, fromPush, shiftDeviceTime, type LiveEvent, type PushMessage } from './live-event';
import { webSocketTransport, type OpenTransport, type PushTransport } from './push-transport';

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

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };

/** 1 s doubling to 30 s, ±25 % jitter so many consoles do not hit a restarted device in step. */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(Math.min(opts.maxMs, base * (0.75 + random() * 0.5)));
}

/** The browser's address of /ws/, through the dev/preview proxy. */
export function browserWsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/`;
}

export const browserLifecycle: LiveLifecycle = (signal) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const online = () => signal('online');
  const offline = () => signal('offline');
  const visibility = () => signal(document.visibilityState === 'hidden' ? 'hidden' : 'visible');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visibility);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('visibilitychange', visibility);
  };
};

/** Snap ids remembered for dedupe: well above what a backfill can return. */
const SEEN_MAX = 10_000;
/**
 * The check leaves out the device's last seconds: the push sends in capture
 * order, so older alarms that have not come by then never will.
 */
const AUDIT_SETTLE_S = 5;

type Subscribe = z.infer<ReturnType<typeof wsSubscribe>>;

function deviceCode(e: unknown): number | null {
  if (e instanceof DeviceError) return e.code;
  if (typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'device') {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

export function createLiveSocket(deps: LiveSocketDeps): LiveSocket {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...deps.backoff };
  const lifecycle = deps.lifecycle ?? browserLifecycle;
  const driftCheckMs = deps.driftCheckMs ?? 5000;
  const sleepGapMs = deps.sleepGapMs ?? 15_000;
  const ackTimeoutMs = deps.ackTimeoutMs ?? 10_000;
  const maxPages = deps.maxBackfillPages ?? 100;
  const backfillRetryMs = deps.backfillRetryMs ?? 30_000;
  const auditMs = deps.auditMs ?? 15_000;
  const log = deps.log ?? (() => {});
  const openTransport = deps.transport ?? webSocketTransport(deps.WebSocketImpl);

  let running = false;
  /** Bumped per connection attempt and on stop: callbacks of an older attempt do nothing. */
  let conn = 0;
  let ws: PushTransport | null = null;
  let live = false;
  let everLive = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let ackTimer: ReturnType<typeof setTimeout> | null = null;
  let backfillTimer: ReturnType<typeof setTimeout> | null = null;
  let driftTimer: ReturnType<typeof setInterval> | null = null;
  let auditTimer: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;
  let hidden = false;
  let hiddenAt = 0;
  let unlisten: (() => void) | null = null;
  let abort = new AbortController();

  /**
   * The newest trigger seen (device-local). null means "history was empty when
   * we looked", so after a gap everything in it is new; `cursorKnown` false
   * means we have no position yet (a baseline query at the first ack finds one).
   */
  let cursor: string | null = null;
  let cursorKnown = false;
  /** Where the pending gap starts; undefined when there is none. */
  let gapFrom: string | null | undefined;
  let gapSerial = 0;
  /** Where a gap that opened during a backfill starts; undefined when none did. */
  let nextGapFrom: string | null | undefined;
  let backfilling = false;
  let backfillAgain = false;
  const seen = new Map<string, true>();
  /**
   * The check's window starts here (null: at the next check); the alarms passed
   * on since, by trigger. Only a face with a match: what 1036 holds.
   */
  let auditFrom: string | null = null;
  const alarmsAt = new Map<string, number>();
  let auditing = false;
  /** Our clock when the newest alarm seen last changed. */
  let cursorMovedAt = 0;

  const stats = { received: 0, malformed: 0, backfilled: 0, reconnects: 0, duplicates: 0, beyondBackfill: 0, recovered: 0 };
  let status: LiveStatus = { state: 'stopped', reason: null, since: now(), retryAt: null, attempt: 0 };

  function setStatus(state: LiveState, reason: LiveReason | null, retryAt: number | null = null): void {
    const since = state === status.state ? status.since : now();
    status = { state, reason, since, retryAt, attempt };
    deps.onStatus(status);
  }
  function statsChanged(): void {
    deps.onStats?.({ ...stats });
  }

  function remember(snapId: string): boolean {
    if (seen.has(snapId)) return false;
    seen.set(snapId, true);
    if (seen.size > SEEN_MAX) {
      const oldest = seen.keys().next();
      if (!oldest.done) seen.delete(oldest.value);
    }
    return true;
  }
  function advance(trigger: string): void {
    if (!cursorKnown || cursor === null || trigger > cursor) {
      cursor = trigger;
      cursorMovedAt = now();
    }
    cursorKnown = true;
  }
  function emit(event: LiveEvent): void {
    if (auditFrom !== null && event.kind === 'face' && event.match !== null && event.trigger >= auditFrom) {
      alarmsAt.set(event.trigger, (alarmsAt.get(event.trigger) ?? 0) + 1);
    }
    try {
      deps.onEvent(event);
    } catch (e) {
      log(`live: onEvent threw: ${String(e)}`);
    }
  }

  function markGap(): void {
    gapSerial++;
    if (gapFrom === undefined) {
      if (cursorKnown) gapFrom = cursor;
    } else if (backfilling && nextGapFrom === undefined && cursorKnown) {
      // A new gap while a backfill pages: once that backfill is done, only
      // what came after this point is missing (read again from the first gap,
      // every backfill of a flapping socket would re-read, and re-count, the lot).
      nextGapFrom = cursor;
    }
  }

  function clearTimer(t: ReturnType<typeof setTimeout> | null): null {
    if (t) clearTimeout(t);
    return null;
  }

  /** Detach first, so our own close is not taken for a drop. */
  function dropSocket(code = 1000): void {
    ackTimer = clearTimer(ackTimer);
    const s = ws;
    ws = null;
    live = false;
    s?.close(code);
  }

  function scheduleRetry(state: 'reconnecting' | 'refused' | 'offline', reason: LiveReason): void {
    retryTimer = clearTimer(retryTimer);
    if (!running) return;
    const delay = backoffDelay(attempt, backoff, random);
    attempt++;
    setStatus(state, reason, now() + delay);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  }

  function failKey(e: unknown): void {
    const code = deviceCode(e);
    if (code !== null) scheduleRetry('refused', { type: 'device', code });
    else scheduleRetry('offline', { type: 'network' });
  }

  async function fetchKey(): Promise<string> {
    return (await deps.call(getWsKey, {}, { signal: abort.signal })).key;
  }

  async function connect(): Promise<void> {
    retryTimer = clearTimer(retryTimer);
    dropSocket();
    const id = ++conn;
    let key: string;
    try {
      key = await fetchKey();
    } catch (e) {
      if (id === conn && running) failKey(e);
      return;
    }
    if (id !== conn || !running) return;
    open(id, key);
  }

  function open(id: number, firstKey: string): void {
    let opened = false;
    let acked = false;
    let keyRefetched = false;
    /** The last refusal, in case the device closes the socket after it. */
    let refusedCode: number | null = null;
    let socket: PushTransport;
    const subscribe = (key: string) => {
      const msg: Subscribe = { key, msg_id: '776' };
      socket.send(JSON.stringify(msg));
    };

    function onMessage(m: PushMessage): void {
      if (id !== conn) return;
      if (m.type === 'alarm') {
        const event = fromPush(m.data, now(), m.pictures);
        advance(event.trigger);
        if (remember(event.snapId)) {
          stats.received++;
          emit(event);
        } else {
          stats.duplicates++;
        }
        statsChanged();
        return;
      }
      if (m.type === 'malformed' || acked) {
        // After the ack the device has nothing else to answer: a stray {code,msg} counts as junk too.
        stats.malformed++;
        log(`live: skipped a message: ${m.type === 'malformed' ? m.detail : `code ${m.code}`}`);
        statsChanged();
        return;
      }
      if (m.code === 0) {
        acked = true;
        ackTimer = clearTimer(ackTimer);
        onLive();
        return;
      }
      // A refusal. A wrong key (the device may have made a new one since 1286) is worth one fresh key.
      refusedCode = m.code;
      if (!keyRefetched) {
        keyRefetched = true;
        fetchKey().then(
          (key) => {
            if (id === conn && ws === socket) subscribe(key);
          },
          (e: unknown) => {
            if (id !== conn) return;
            dropSocket();
            failKey(e);
          },
        );
        return;
      }
      dropSocket();
      scheduleRetry('refused', { type: 'device', code: m.code });
    }

    try {
      socket = openTransport(deps.wsUrl(), {
        onOpen: () => {
          if (id !== conn) return;
          opened = true;
          subscribe(firstKey);
          ackTimer = setTimeout(() => {
            if (id !== conn || acked) return;
            dropSocket();
            scheduleRetry('reconnecting', { type: 'ack-timeout' });
          }, ackTimeoutMs);
        },
        onMessage,
        onClose: (code) => {
          if (id !== conn) return;
          const wasLive = acked;
          ws = null;
          live = false;
          ackTimer = clearTimer(ackTimer);
          if (!running) return;
          if (wasLive) markGap();
          if (!wasLive && refusedCode !== null) scheduleRetry('refused', { type: 'device', code: refusedCode });
          else scheduleRetry(opened ? 'reconnecting' : 'offline', { type: 'close', code });
        },
      });
    } catch (e) {
      log(`live: cannot open socket: ${String(e)}`);
      scheduleRetry('offline', { type: 'network' });
      return;
    }
    ws = socket;
  }

  function onLive(): void {
    live = true;
    attempt = 0;
    if (everLive) stats.reconnects++;
    everLive = true;
    statsChanged();
    setStatus('live', null);
    if (gapFrom !== undefined) void backfill();
    else if (!cursorKnown) void baseline();
  }

  /**
   * The first time live with no alarm seen: where does history end now? The
   * reference does not say which way 1036 sorts (§3.16: "by capture time"),
   * so we read both ends and take the later trigger.
   */
  async function baseline(): Promise<void> {
    const serial = gapSerial;
    try {
      const first = await deps.call(queryAlarms, { start_no: 1, qry_len: 1 }, { signal: abort.signal });
      const ends = [...first.record];
      if (first.total_num > 1) {
        const last = await deps.call(queryAlarms, { start_no: first.total_num, qry_len: 1 }, { signal: abort.signal });
        ends.push(...last.record);
      }
      let latest: string | null = null;
      for (const r of ends) {
        if (latest === null || r.trigger > latest) latest = r.trigger;
        // Old news: the backfill's one-second overlap must not bring them back.
        remember(r.snap_id);
      }
      if (!running || cursorKnown) return;
      cursor = latest;
      cursorKnown = true;
      // A gap while we were asking: what came after the baseline was missed.
      if (serial !== gapSerial) {
        gapFrom = cursor;
        if (live) void backfill();
      }
    } catch (e) {
      log(`live: no history baseline: ${String(e)}`);
    }
  }

  /**
   * The alarm history from `from` (inclusive, one second early), oldest first,
   * and how many of it there were. Past the budget, the newest are read:
   * §3.16 says 1036 sorts "by capture time" but not which way, so the first
   * page tells, and an oldest-first device is read from its end.
   */
  async function fetchSince(from: string | null, to?: string): Promise<{ records: AlarmRecord[]; total: number }> {
    // One second early: the reference does not say whether start_time is inclusive; duplicates are dropped by snap_id.
    const startTime = from === null ? undefined : shiftDeviceTime(from, -1);
    const page = (startNo: number) =>
      deps.call(
        queryAlarms,
        { ...(startTime ? { start_time: startTime } : {}), ...(to ? { stop_time: to } : {}), start_no: startNo, qry_len: QUERY_MAX },
        { signal: abort.signal },
      );
    const budget = maxPages * QUERY_MAX;
    const first = await page(1);
    let total = first.total_num;
    // Newest first (as the emulator answers) unless the first page says otherwise.
    const oldestFirst = first.record.length > 1 && first.record[0]!.trigger < first.record[first.record.length - 1]!.trigger;
    const from1 = !(oldestFirst && total > budget);
    const out: AlarmRecord[] = from1 ? [...first.record] : [];
    let startNo = from1 ? 1 + QUERY_MAX : total - budget + 1;
    let pages = from1 ? 1 : 0;
    let more = !from1 || first.record.length === QUERY_MAX;
    // While we page, the device keeps storing alarms: newest first, they push
    // the gap's oldest down the list, so read on to the end as it is now.
    while (more && pages < maxPages && startNo <= total) {
      const answer = await page(startNo);
      out.push(...answer.record);
      pages++;
      startNo += QUERY_MAX;
      total = Math.max(total, answer.total_num);
      more = answer.record.length === QUERY_MAX;
    }
    const kept = startTime ? out.filter((r) => r.trigger >= startTime) : out;
    // Stable: same-second alarms keep the device's order.
    const records = kept.sort((a, b) => (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0));
    return { records, total };
  }

  async function backfill(): Promise<void> {
    if (gapFrom === undefined) return;
    if (backfilling) {
      backfillAgain = true;
      return;
    }
    backfilling = true;
    nextGapFrom = undefined;
    backfillTimer = clearTimer(backfillTimer);
    const from = gapFrom;
    const serial = gapSerial;
    try {
      const { records, total } = await fetchSince(from);
      if (!running) return;
      // What the budget left out: the oldest of a long gap, in the alarm search only.
      if (total > maxPages * QUERY_MAX) {
        stats.beyondBackfill += total - maxPages * QUERY_MAX;
        log(`live: ${total} alarms since the gap; the oldest ${total - maxPages * QUERY_MAX} are left to the alarm search`);
      }
      // A new gap opened while we paged: keep it pending for the next ack.
      if (serial === gapSerial) gapFrom = undefined;
      else if (nextGapFrom !== undefined) gapFrom = nextGapFrom;
      const changed = passOnHistory(records) > 0;
      // The check starts again after the newest alarm seen: what the budget left out is not "missing".
      auditFrom = null;
      alarmsAt.clear();
      if (changed || total > maxPages * QUERY_MAX) statsChanged();
    } catch (e) {
      if (!running) return;
      log(`live: backfill failed: ${String(e)}`);
      // The next ack or resume() retries; while live, a timer does.
      if (live) {
        backfillTimer = setTimeout(() => {
          backfillTimer = null;
          void backfill();
        }, backfillRetryMs);
      }
    } finally {
      backfilling = false;
      nextGapFrom = undefined;
      if (backfillAgain && running) {
        backfillAgain = false;
        void backfill();
      }
    }
  }

  /** History alarms not seen yet, passed on as backfilled; how many. */
  function passOnHistory(records: readonly AlarmRecord[]): number {
    const at = now();
    let n = 0;
    for (const r of records) {
      if (!remember(r.snap_id)) {
        stats.duplicates++;
        continue;
      }
      const event = fromAlarmRecord(r, at);
      advance(event.trigger);
      stats.backfilled++;
      n++;
      emit(event);
    }
    return n;
  }

  /**
   * While live: does the history hold more alarms in the window than the push
   * gave us? Then read the window and pass on the missing ones. One 1036 of a
   * single row per check when nothing is missing.
   */
  async function audit(): Promise<void> {
    if (!live || auditing || backfilling || gapFrom !== undefined || !cursorKnown || cursor === null) return;
    if (auditFrom === null) {
      // Nothing after the newest alarm seen has been passed on yet: count from there.
      auditFrom = shiftDeviceTime(cursor, 1);
      alarmsAt.clear();
      return;
    }
    const from = auditFrom;
    // The device's clock is about the newest alarm's trigger plus the time since
    // it came. Some seconds after the stream stops, one more window covers its
    // tail (drops happen under load, so at the end of a busy spell); then a
    // quiet node is asked nothing.
    const sinceMoved = now() - cursorMovedAt;
    if (sinceMoved > auditMs + 2 * AUDIT_SETTLE_S * 1000) return;
    const to = shiftDeviceTime(cursor, Math.floor(sinceMoved / 1000) - AUDIT_SETTLE_S);
    if (to < from) return;
    const serial = gapSerial;
    // A gap, a backfill or a stop meanwhile: that window is theirs now.
    const stale = () => !running || serial !== gapSerial || auditFrom !== from;
    auditing = true;
    try {
      const answer = await deps.call(queryAlarms, { start_time: from, stop_time: to, start_no: 1, qry_len: 1 }, { signal: abort.signal });
      if (stale()) return;
      let ours = 0;
      for (const [trigger, n] of alarmsAt) if (trigger >= from && trigger <= to) ours += n;
      if (answer.total_num > ours) {
        log(`live: the history holds ${answer.total_num} alarms from ${from} to ${to}, the push gave ${ours}: reading them`);
        const { records } = await fetchSince(from, to);
        if (stale()) return;
        const found = passOnHistory(records.filter((r) => r.trigger >= from));
        stats.recovered += found;
        if (found > 0) statsChanged();
      }
      auditFrom = shiftDeviceTime(to, 1);
      for (const trigger of alarmsAt.keys()) if (trigger < auditFrom) alarmsAt.delete(trigger);
    } catch (e) {
      // The next check tries the same window again.
      if (running) log(`live: the check against the history failed: ${String(e)}`);
    } finally {
      auditing = false;
    }
  }

  /** Reconnect at once, backoff reset: the app or the browser says things changed. */
  function reconnectNow(): void {
    attempt = 0;
    void connect();
  }

  function onSignal(s: LiveSignal): void {
    if (!running) return;
    switch (s) {
      case 'online':
        if (!live) reconnectNow();
        break;
      case 'offline':
        if (!live) setStatus('offline', { type: 'browser-offline' }, status.retryAt);
        break;
      case 'hidden':
        hidden = true;
        hiddenAt = now();
        break;
      case 'visible':
        hidden = false;
        lastTick = now();
        if (!live) reconnectNow();
        else if (now() - hiddenAt > sleepGapMs) {
          // A long while hidden: the tab may have been frozen; ask history.
          markGap();
          void backfill();
        }
        break;
    }
  }

  function driftCheck(): void {
    const t = now();
    const late = t - lastTick - driftCheckMs;
    lastTick = t;
    // Hidden tabs get their timers throttled (to once a minute in Chrome): that is not sleep.
    if (!running || hidden || late <= sleepGapMs) return;
    log(`live: timers were ${late} ms late, the computer probably slept`);
    markGap();
    // After sleep a socket can look open and be dead: start again.
    attempt = 0;
    dropSocket();
    setStatus('reconnecting', { type: 'sleep' });
    void connect();
  }

  function start(): void {
    if (running) return;
    running = true;
    abort = new AbortController();
    attempt = 0;
    hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    lastTick = now();
    driftTimer = setInterval(driftCheck, driftCheckMs);
    if (auditMs > 0) auditTimer = setInterval(() => void audit(), auditMs);
    unlisten = lifecycle(onSignal);
    setStatus('connecting', null);
    void connect();
  }

  function stop(): void {
    if (!running) return;
    running = false;
    conn++;
    abort.abort();
    retryTimer = clearTimer(retryTimer);
    backfillTimer = clearTimer(backfillTimer);
    if (driftTimer) clearInterval(driftTimer);
    driftTimer = null;
    if (auditTimer) clearInterval(auditTimer);
    auditTimer = null;
    auditFrom = null;
    alarmsAt.clear();
    unlisten?.();
    unlisten = null;
    // Whatever comes while stopped is a gap for the next start().
    markGap();
    dropSocket(1000);
    attempt = 0;
    setStatus('stopped', { type: 'stop' });
  }

  function resume(): void {
    if (!running) return start();
    markGap();
    if (live) void backfill();
    else reconnectNow();
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
