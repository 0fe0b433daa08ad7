// Where the device is, and following it between http and https (§8.4).
// Shared by Vite's dev server (through server/vite-plugin.ts) and the
// production server (server/main.ts): one piece of proxy logic for both.
import http from 'node:http';
import https from 'node:https';

/** The embedded emulator's default address (npm start starts it there). */
export const EMULATOR_DEFAULT_URL = 'http://127.0.0.1:8480';

export function deviceUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DEVICE_URL?.trim() || EMULATOR_DEFAULT_URL;
  // An installer types "192.168.1.20": take it as http on port 80 (§1).
  return /^https?:\/\//i.test(raw) ? raw.replace(/\/+$/, '') : `http://${raw.replace(/\/+$/, '')}`;
}

/**
 * Where the proxy sends requests now. §8.4: the device switches between http
 * (port 80) and https (port 443) and restarts; the console must keep working,
 * so after a failed request the proxy probes the other scheme (on the same
 * port, and on the scheme's default port when the address gave none) and
 * follows the device there. Self-signed certificates are accepted: the node
 * makes its own.
 */
export class DeviceTarget {
  private current: URL;
  private readonly explicitPort: boolean;
  private probing: Promise<void> | null = null;
  private readonly listeners: Array<(url: string) => void> = [];

  constructor(url: string) {
    this.current = new URL(url);
    this.explicitPort = this.current.port !== '';
  }

  get url(): string {
    return this.current.origin;
  }

  onChange(listener: (url: string) => void): void {
    this.listeners.push(listener);
  }

  /** Candidates on the other scheme, most likely first. */
  alternatives(): URL[] {
    const other = this.current.protocol === 'http:' ? 'https:' : 'http:';
    const out: URL[] = [];
    const same = new URL(this.current.origin);
    same.protocol = other;
    if (this.explicitPort) {
      same.port = this.current.port;
      out.push(same);
    }
    const standard = new URL(this.current.origin);
    standard.protocol = other;
    standard.port = '';
    out.push(standard);
    return out;
  }

  /** True when the device answers where the proxy sends requests now (for /healthz). */
  reachable(timeoutMs = 1500): Promise<boolean> {
    return answers(this.current, timeoutMs);
  }

  /** After a failed request: find the device on the other scheme, once at a time. */
  followDevice(): Promise<void> {
    this.probing ??= (async () => {
      try {
        if (await answers(this.current)) return;
        for (const candidate of this.alternatives()) {
          if (await answers(candidate)) {
            this.current = candidate;
            for (const l of this.listeners) l(candidate.origin);
            return;
          }
        }
      } finally {
        this.probing = null;
      }
    })();
    return this.probing;
  }
}

/** True when something there answers an API request (any HTTP answer counts). */
function answers(url: URL, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const body = JSON.stringify({ msg_id: '1306' });
    const req = client.request(
      new URL('/api/json', url),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        // The device's own self-signed certificate (§8.4); this agent talks to the device only.
        rejectUnauthorized: false,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(true);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
