// Real clients of the device's push, for tests: a WebSocket subscriber (§9.2)
// and an HTTP receiver on loopback (§7.3-7.4), as Appendix D's examples are.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import WebSocket from 'ws';
import type { WsAlarm } from '../../src/api/protocol';

export interface Subscriber {
  ws: WebSocket;
  ack: { code: number; msg: string };
  /** Every "777" received after the ack. */
  messages: WsAlarm[];
}

/** Opens /ws/, sends the subscription, resolves at the device's first answer. */
export function subscribe(deviceUrl: string, key: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${deviceUrl.replace(/^http/, 'ws')}/ws/`);
    const messages: WsAlarm[] = [];
    let acked = false;
    ws.on('open', () => ws.send(JSON.stringify({ key, msg_id: '776' })));
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as WsAlarm | { code: number; msg: string };
      if ('msg_id' in m) messages.push(m);
      else if (!acked) {
        acked = true;
        resolve({ ws, ack: m, messages });
      }
    });
    ws.once('error', reject);
  });
}

export interface Received {
  fields: Record<string, string>;
  files: string[];
}

/** A multipart receiver like Appendix D's tornado server. */
export function receiver(): Promise<{ url: string; got: Received[]; close: () => Promise<void> }> {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    const bb = busboy({ headers: req.headers });
    const r: Received = { fields: {}, files: [] };
    bb.on('field', (n, v) => (r.fields[n] = v));
    bb.on('file', (n, s) => {
      r.files.push(n);
      s.resume();
    });
    bb.on('close', () => {
      got.push(r);
      res.end('ok');
    });
    req.pipe(bb);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`,
        got,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}
