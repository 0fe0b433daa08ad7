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

interface Subscriber {
  ws: WebSocket;
  sent: number;
  dropped: number;
}

export interface WsStats {
  subscribers: number;
  sent: number;
  dropped: number;
}

export class WsHub {
  private readonly subscribers = new Set<Subscriber>();
  private totals = { sent: 0, dropped: 0 };

  constructor(
    private readonly key: () => string,
    private readonly log: (m: string) => void,
  ) {}

  accept(ws: WebSocket): void {
    let sub: Subscriber | null = null;
    ws.on('message', (raw) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.send(JSON.stringify({ code: -3596, msg: 'Parameter input error' }));
        return;
      }
      const m = msg as { key?: unknown; msg_id?: unknown };
      if (String(m.msg_id) !== '776') {
        ws.send(JSON.stringify({ code: -3599, msg: "'msg_id' error" }));
        return;
      }
      if (m.key !== this.key()) {
        ws.send(JSON.stringify({ code: NO_PERMISSION, msg: 'User does not have permission to operate' }));
        return;
      }
      if (!sub) {
        sub = { ws, sent: 0, dropped: 0 };
        this.subscribers.add(sub);
      }
      ws.send(JSON.stringify({ code: 0, msg: '' }));
    });
    ws.on('close', () => {
      if (sub) this.subscribers.delete(sub);
    });
    ws.on('error', () => ws.terminate());
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
    return { subscribers: this.subscribers.size, ...this.totals };
  }
}
