// The resource test: what a careless or hostile client can make the emulator
// hold. Many sockets that never subscribe, a subscriber that never reads,
// oversized WebSocket messages and parallel large uploads without a session,
// all at once. The bound: the process's heap and buffers (heapUsed + external,
// where every byte the emulator keeps for a request lives) grow by less than
// MEMORY_BOUND_MB at any moment, and every socket is gone afterwards.
// Before issue 12, the four uploads alone were buffered whole (1 GiB here).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { getVersion, getWsKey, type WsAlarm } from '../src/api/protocol';
import { SUBSCRIBER_BUFFER_LIMIT, UNSUBSCRIBED_MAX } from './push/ws';
import { startTestDevice, type TestDevice } from './testing';

const MEMORY_BOUND_MB = 96;
const UPLOADS = 4;
const UPLOAD_BYTES = 256 * 1024 * 1024;

const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

const closeCodes = new WeakMap<WebSocket, Promise<number>>();

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/`);
    // Listened for from the start: the server may close it before the caller looks.
    closeCodes.set(ws, new Promise<number>((r) => ws.once('close', (code) => r(code))));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
const closeCode = (ws: WebSocket) => closeCodes.get(ws)!;

/** A sessionless form upload of `bytes`, streamed; resolves with the code and the bytes sent by the answer. */
function upload(url: string, bytes: number): Promise<{ code: number; sent: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      { hostname, port, path: '/api/form', method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=b' } },
      (res) => {
        answered = true;
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ code: (JSON.parse(body) as { code: number }).code, sent }));
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.write(
      '--b\r\nContent-Disposition: form-data; name="msg_id"\r\n\r\n1292\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="fw.bin"\r\n\r\n',
    );
    const mb = Buffer.alloc(1024 * 1024, 0x5a);
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += mb.length;
        if (!req.write(mb)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('resources under hostile load', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ wsSubscribeTimeoutMs: 1500 });
  });
  afterAll(() => dev.close());

  it(`holds less than ${MEMORY_BOUND_MB} MB more, whatever the clients do, and lets go of every socket`, async () => {
    const before = held();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, held());
    }, 10);

    // Sockets that never subscribe: UNSUBSCRIBED_MAX wait, and each newcomer past that closes the oldest.
    const idle = await Promise.all(Array.from({ length: UNSUBSCRIBED_MAX + 20 }, () => open(dev.url)));
    const idleClosed = idle.map(closeCode);
    expect(dev.emulator.hub.stats().waiting).toBeLessThanOrEqual(UNSUBSCRIBED_MAX);

    // A subscriber that never reads its socket.
    const { key } = await dev.call(getWsKey, {});
    const slow = await open(dev.url);
    const acked = new Promise((r) => slow.once('message', r));
    slow.send(JSON.stringify({ key, msg_id: '776' }));
    await acked;
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();

    // Oversized messages, from subscribed sockets (so no subscription timeout can close them first).
    const loud = await Promise.all(Array.from({ length: 10 }, () => open(dev.url)));
    const loudClosed = loud.map(closeCode);
    await Promise.all(
      loud.map((ws) => {
        const ack = new Promise((r) => ws.once('message', r));
        ws.send(JSON.stringify({ key, msg_id: '776' }));
        return ack;
      }),
    );
    for (const ws of loud) ws.send(Buffer.alloc(1024 * 1024));
    // Closed before the push below, so only the slow reader holds a buffer (8 MB at most).
    expect(await Promise.all(loudClosed)).toEqual(Array(10).fill(1009));

    // Parallel large uploads without a session, and the push running meanwhile.
    const uploads = Promise.all(Array.from({ length: UPLOADS }, () => upload(dev.url, UPLOAD_BYTES)));
    const alarm = { msg_id: '777', data: { pad: 'x'.repeat(256 * 1024) } } as unknown as WsAlarm;
    for (let i = 0; i < 200; i++) dev.emulator.hub.broadcast(alarm);

    const answers = await uploads;
    expect(answers.map((a) => a.code)).toEqual(Array(UPLOADS).fill(-141));
    for (const a of answers) expect(a.sent).toBeLessThan(UPLOAD_BYTES);
    // Each idle one either timed out (1008) or made room for a newer one (1013): how many of
    // each depends on how fast they opened, so only the codes are checked (push/ws.ts).
    const idleCodes = await Promise.all(idleClosed);
    expect(idleCodes.filter((c) => c !== 1008 && c !== 1013)).toEqual([]);

    clearInterval(sampler);
    const stats = dev.emulator.hub.stats();
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.waiting).toBe(0);
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(
      `resources: peak +${growthMb.toFixed(1)} MB (bound ${MEMORY_BOUND_MB}), ${stats.dropped} messages dropped for the slow reader ` +
        `(buffer limit ${SUBSCRIBER_BUFFER_LIMIT / 1024 / 1024} MB), ${UPLOADS} × ${UPLOAD_BYTES / 1024 / 1024} MB uploads answered after ` +
        `${answers.map((a) => Math.round(a.sent / 1024 / 1024)).join(', ')} MB`,
    );
    expect(growthMb).toBeLessThan(MEMORY_BOUND_MB);
    slow.terminate();
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });
});
