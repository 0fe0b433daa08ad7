// §9.2: the WebSocket push. A client sends {"key", "msg_id": "776"} with the key
// from 1286; the device acknowledges {code: 0, msg: ""} and then sends one "777"
// message per capture. A slow subscriber must not stall the others or grow our
// memory without bound: past a buffered limit its messages are dropped and counted.
import type { WebSocket } from 'ws';
import type { WsAlarm } from '../../src/api/protocol/push';
import { ErrorCode } from '../../src/api/protocol/error-codes';

/** Per-subscriber bytes queued in the socket before we drop its messages. */
export const SUBSCRIBER_BUFFER_LIMIT = 8 * 1024 * 1024;

/**
 * The reference names no code for a wrong key. We answer -140 ("no permission")
 * and keep the socket open, so a client can resend with the right key.
 */
const { NO_PERMISSION } = ErrorCode;

/** The one message a client sends is `{"key": "…", "msg_id": "776"}`: a few hundred bytes. ws closes a socket (1009) past this. */
export const WS_MAX_PAYLOAD = 4 * 1024;
/**
 * A socket that has not subscribed within this time is closed (1008). The
 * reference says nothing; the console subscribes at once on open, so ten
 * seconds is generous, and idle sockets cannot pile up.
 */
export const SUBSCRIBE_TIMEOUT_MS = 10_000;
/**
 * Sockets open but not (yet) subscribed, at most; past it the one waiting
 * longest is closed (1013), so idle sockets cannot keep a real client out.
 */
export const UNSUBSCRIBED_MAX = 256;

interface Subscriber {
  ws: WebSocket;
  sent: number;
  dropped: number;
}

export interface WsStats {
  subscribers: number;
  /** Open sockets that have not subscribed yet. */
  waiting: number;
  sent: number;
  dropped: number;
}

export class WsHub {
  private readonly subscribers = new Set<Subscriber>();
  private totals = { sent: 0, dropped: 0 };

  /** Sockets not subscribed yet, oldest first, with what ends their wait. */
  private readonly waiting = new Map<WebSocket, () => void>();

  constructor(
    private readonly key: () => string,
    private readonly log: (m: string) => void,
    private readonly subscribeTimeoutMs = SUBSCRIBE_TIMEOUT_MS,
  ) {}

  accept(ws: WebSocket): void {
    let sub: Subscriber | null = null;
    if (this.waiting.size >= UNSUBSCRIBED_MAX) {
      const [oldest, stop] = this.waiting.entries().next().value!;
      stop();
      oldest.close(1013, 'too many sockets waiting to subscribe');
    }
    const stopWaiting = () => {
      if (this.waiting.delete(ws)) clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      stopWaiting();
      ws.close(1008, 'no subscription');
    }, this.subscribeTimeoutMs);
    timer.unref();
    this.waiting.set(ws, stopWaiting);
    ws.on('message', (raw) => {
      // No message may end the process: whatever a handler throws closes this socket only.
      try {
        sub = this.onMessage(ws, raw, sub, stopWaiting);
      } catch (e) {
        this.log(`ws: message handling failed: ${e instanceof Error ? e.message : String(e)}`);
        ws.terminate();
      }
    });
    ws.on('close', () => {
      stopWaiting();
      if (sub) this.subscribers.delete(sub);
    });
    // ws closes the socket itself after an error (1009 for an oversized message, 1002 for a
    // protocol error); listening only keeps the error from being thrown.
    ws.on('error', () => {});
  }

  private onMessage(ws: WebSocket, raw: unknown, sub: Subscriber | null, subscribed: () => void): Subscriber | null {
    let msg: unknown;
    try {
      msg = JSON.parse(String(raw));
    } catch {
      msg = undefined;
    }
    // `null`, `42`, `[…]` are JSON but no request: the same answer as a malformed one.
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      ws.send(JSON.stringify({ code: -3596, msg: 'Parameter input error' }));
      return sub;
    }
    const m = msg as { key?: unknown; msg_id?: unknown };
    if ((typeof m.msg_id !== 'string' && typeof m.msg_id !== 'number') || String(m.msg_id) !== '776') {
      ws.send(JSON.stringify({ code: -3599, msg: "'msg_id' error" }));
      return sub;
    }
    if (m.key !== this.key()) {
      ws.send(JSON.stringify({ code: NO_PERMISSION, msg: 'User does not have permission to operate' }));
      return sub;
    }
    if (!sub) {
      sub = { ws, sent: 0, dropped: 0 };
      this.subscribers.add(sub);
      subscribed();
    }
    ws.send(JSON.stringify({ code: 0, msg: '' }));
    return sub;
  }

  /** Serialised once, sent to every subscriber that keeps up. */
  broadcast(message: WsAlarm): void {
    if (this.subscribers.size === 0) return;
    const text = JSON.stringify(message);
    for (const sub of this.subscribers) {
      if (sub.ws.readyState !== sub.ws.OPEN) continue;
      if (sub.ws.bufferedAmount > SUBSCRIBER_BUFFER_LIMIT) {
        sub.dropped++;
        this.totals.dropped++;
        if (sub.dropped === 1 || sub.dropped % 1000 === 0) this.log(`ws: slow subscriber, ${sub.dropped} messages dropped`);
        continue;
      }
      sub.ws.send(text);
      sub.sent++;
      this.totals.sent++;
    }
  }

  /** Fault injection and restarts: every socket goes. */
  dropAll(): void {
    for (const sub of this.subscribers) sub.ws.terminate();
    this.subscribers.clear();
  }

  stats(): WsStats {
    return { subscribers: this.subscribers.size, waiting: this.waiting.size, ...this.totals };
  }
}
