// §7.3-7.4: the HTTP push to the target set with 1298. Both the heartbeat (775)
// and the alarms (774) are multipart posts with a `json` field, since Appendix
// D's receiver reads body_arguments["json"] for every message; alarms add the
// files snap, img (when a library photo matched) and snap_frame, and the key.
// A target that is down or slow never blocks captures: a bounded queue, a few
// posts in flight, a timeout, failures counted and logged.
import type { HttpAlarm } from '../../src/api/protocol/push';

export interface PushTarget {
  url: string;
  key: string;
}

export interface AlarmPictures {
  snap: Buffer;
  img?: Buffer;
  snap_frame: Buffer;
}

export interface HttpPushStats {
  sent: number;
  failed: number;
  dropped: number;
  queued: number;
  heartbeats: number;
}

const QUEUE_LIMIT = 1000;
const IN_FLIGHT = 4;
const TIMEOUT_MS = 5000;

export class HttpPusher {
  private readonly queue: Array<() => FormData> = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly counts = { sent: 0, failed: 0, dropped: 0, heartbeats: 0 };
  private lastFailureLog = 0;

  constructor(
    /** The parsed target (device-config's pushTarget), or null while push is off. */
    private readonly target: () => PushTarget | null,
    private readonly deviceId: () => string,
    private readonly now: () => string,
    private readonly log: (m: string) => void,
  ) {}

  startHeartbeat(seconds: number): void {
    this.stopHeartbeat();
    this.timer = setInterval(() => this.heartbeat(), seconds * 1000);
    this.timer.unref();
  }

  stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  heartbeat(): void {
    if (!this.target()) return;
    this.counts.heartbeats++;
    this.enqueue(() => {
      const form = new FormData();
      form.append('json', JSON.stringify({ msg_id: 775, data: { device_id: this.deviceId(), trigger: this.now() } }));
      return form;
    });
  }

  alarm(message: HttpAlarm, pictures: AlarmPictures): void {
    if (!this.target()) return;
    this.enqueue(() => {
      const form = new FormData();
      form.append('key', this.target()?.key ?? '');
      form.append('json', JSON.stringify(message));
      const id = message.data.snap_id;
      form.append('snap', new Blob([new Uint8Array(pictures.snap)], { type: 'image/jpeg' }), `${id}_snap.jpg`);
      if (pictures.img) form.append('img', new Blob([new Uint8Array(pictures.img)], { type: 'image/jpeg' }), `${id}_img.jpg`);
      form.append('snap_frame', new Blob([new Uint8Array(pictures.snap_frame)], { type: 'image/jpeg' }), `${id}_frame.jpg`);
      return form;
    });
  }

  stats(): HttpPushStats {
    return { ...this.counts, queued: this.queue.length };
  }

  private enqueue(build: () => FormData): void {
    if (this.queue.length >= QUEUE_LIMIT) {
      this.queue.shift();
      this.counts.dropped++;
    }
    this.queue.push(build);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < IN_FLIGHT && this.queue.length > 0) {
      const build = this.queue.shift()!;
      const url = this.target()?.url;
      if (!url) {
        this.queue.length = 0;
        return;
      }
      this.inFlight++;
      fetch(url, { method: 'POST', body: build(), signal: AbortSignal.timeout(TIMEOUT_MS) })
        .then(async (r) => {
          await r.arrayBuffer().catch(() => undefined);
          if (r.ok) this.counts.sent++;
          else this.fail(`${url} answered HTTP ${r.status}`);
        })
        .catch((e: unknown) => this.fail(`${url}: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private fail(why: string): void {
    this.counts.failed++;
    const now = Date.now();
    // One line every 10 s at most: a dead target must not flood the log.
    if (now - this.lastFailureLog > 10_000) {
      this.lastFailureLog = now;
      this.log(`http push failed (${this.counts.failed} so far): ${why}`);
    }
  }
}
