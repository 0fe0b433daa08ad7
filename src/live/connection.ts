// The socket itself (§9.1-9.2): fetch the key (1286), open /ws/, subscribe
// ("776"), read the ack, hand on each "777" capture, and on any failure retry
// with backoff. It knows nothing of gaps or history: it says when it is live
// and when a live socket went away.
import type { Call } from '../api/client';
import { DeviceError } from '../api/errors';
import { getWsKey, type wsSubscribe } from '../api/protocol/push';
import type { z } from 'zod';
import type { PushMessage } from './live-event';
import type { BackoffOptions, LiveReason, LiveState } from './live-socket';
import type { OpenTransport, PushTransport } from './push-transport';

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };

/** 1 s doubling to 30 s, ±25 % jitter so many consoles do not hit a restarted device in step. */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(Math.min(opts.maxMs, base * (0.75 + random() * 0.5)));
}

/** The browser's address of /ws/, through the dev/preview proxy (a node's: under its /node/<id>). */
export function browserWsUrl(base = ''): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${base}/ws/`;
}

type Subscribe = z.infer<ReturnType<typeof wsSubscribe>>;

function deviceCode(e: unknown): number | null {
  if (e instanceof DeviceError) return e.code;
  if (typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'device') {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

export interface ConnectionDeps {
  call: Call;
  wsUrl: () => string;
  openTransport: OpenTransport;
  backoff: BackoffOptions;
  random: () => number;
  ackTimeoutMs: number;
  running: () => boolean;
  signal: () => AbortSignal;
  /** Each capture (and malformed frame) of the live socket. */
  onMessage: (m: PushMessage & { type: 'alarm' | 'malformed' }) => void;
  /** A stray answer after the ack. */
  onStray: (code: number) => void;
  onLive: () => void;
  /** A socket that had been live went away. */
  onLost: () => void;
  setStatus: (state: LiveState, reason: LiveReason | null, retryAt?: number | null) => void;
  now: () => number;
  log: (message: string) => void;
}

export interface Connection {
  readonly live: boolean;
  readonly attempt: number;
  /** Drop any socket and connect again at once. */
  connect(): Promise<void>;
  /** Backoff reset, then connect: the app or the browser says things changed. */
  reconnectNow(): void;
  /** Detach first, so our own close is not taken for a drop. */
  drop(code?: number): void;
  /** Stop: older attempts' callbacks do nothing, no retry is pending. */
  stop(): void;
  resetAttempts(): void;
}

export function createConnection(deps: ConnectionDeps): Connection {
  /** Bumped per connection attempt and on stop: callbacks of an older attempt do nothing. */
  let conn = 0;
  let ws: PushTransport | null = null;
  let live = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let ackTimer: ReturnType<typeof setTimeout> | null = null;

  function clearTimer(t: ReturnType<typeof setTimeout> | null): null {
    if (t) clearTimeout(t);
    return null;
  }

  function drop(code = 1000): void {
    ackTimer = clearTimer(ackTimer);
    const s = ws;
    ws = null;
    live = false;
    s?.close(code);
  }

  function scheduleRetry(state: 'reconnecting' | 'refused' | 'offline', reason: LiveReason): void {
    retryTimer = clearTimer(retryTimer);
    if (!deps.running()) return;
    const delay = backoffDelay(attempt, deps.backoff, deps.random);
    attempt++;
    deps.setStatus(state, reason, deps.now() + delay);
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
    return (await deps.call(getWsKey, {}, { signal: deps.signal() })).key;
  }

  async function connect(): Promise<void> {
    retryTimer = clearTimer(retryTimer);
    drop();
    const id = ++conn;
    let key: string;
    try {
      key = await fetchKey();
    } catch (e) {
      if (id === conn && deps.running()) failKey(e);
      return;
    }
    if (id !== conn || !deps.running()) return;
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
      if (m.type === 'alarm' || m.type === 'malformed') {
        deps.onMessage(m);
        return;
      }
      if (acked) {
        // After the ack the device has nothing else to answer: a stray {code,msg} counts as junk too.
        deps.onStray(m.code);
        return;
      }
      if (m.code === 0) {
        acked = true;
        ackTimer = clearTimer(ackTimer);
        live = true;
        attempt = 0;
        deps.onLive();
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
            drop();
            failKey(e);
          },
        );
        return;
      }
      drop();
      scheduleRetry('refused', { type: 'device', code: m.code });
    }

    try {
      socket = deps.openTransport(deps.wsUrl(), {
        onOpen: () => {
          if (id !== conn) return;
          opened = true;
          subscribe(firstKey);
          ackTimer = setTimeout(() => {
            if (id !== conn || acked) return;
            drop();
            scheduleRetry('reconnecting', { type: 'ack-timeout' });
          }, deps.ackTimeoutMs);
        },
        onMessage,
        onClose: (code) => {
          if (id !== conn) return;
          const wasLive = acked;
          ws = null;
          live = false;
          ackTimer = clearTimer(ackTimer);
          if (!deps.running()) return;
          if (wasLive) deps.onLost();
          if (!wasLive && refusedCode !== null) scheduleRetry('refused', { type: 'device', code: refusedCode });
          else scheduleRetry(opened ? 'reconnecting' : 'offline', { type: 'close', code });
        },
      });
    } catch (e) {
      deps.log(`live: cannot open socket: ${String(e)}`);
      scheduleRetry('offline', { type: 'network' });
      return;
    }
    ws = socket;
  }

  return {
    get live() {
      return live;
    },
    get attempt() {
      return attempt;
    },
    connect,
    reconnectNow() {
      attempt = 0;
      void connect();
    },
    drop,
    stop() {
      conn++;
      retryTimer = clearTimer(retryTimer);
    },
    resetAttempts() {
      attempt = 0;
    },
  };
}
