// The worker transport, with the worker's body (push-worker-core.ts) run on
// this thread behind a fake Worker, against a real `ws` server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import type { PushMessage } from './live-event';
import { decodePush } from './push-decode';
import { webSocketTransport, workerTransport, type PushTransportHandlers, type WorkerLike } from './push-transport';
import { serveSockets } from './push-worker-core';
import type { WorkerCommand, WorkerReport } from './push-worker-protocol';
import { pushMessage } from './testing';

const Impl = NodeWebSocket as unknown as typeof WebSocket;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(): Promise<{ url: string; wss: WebSocketServer; received: string[] }> {
  const srv = http.createServer();
  const wss = new WebSocketServer({ server: srv, path: '/ws/' });
  const received: string[] = [];
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      received.push(String(data));
      ws.send(JSON.stringify({ code: 0, msg: '' }));
      ws.send(JSON.stringify(pushMessage(1)));
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        srv.close(() => r());
      }),
  );
  return { url: `ws://127.0.0.1:${(srv.address() as AddressInfo).port}/ws/`, wss, received };
}

/** A Worker whose body runs here, asynchronously both ways, as a real one would. */
function fakeWorker(): WorkerLike & { commands: WorkerCommand[]; crash(): void } {
  const commands: WorkerCommand[] = [];
  const w: WorkerLike & { commands: WorkerCommand[]; crash(): void } = {
    commands,
    onmessage: null,
    onerror: null,
    postMessage: (c) => {
      commands.push(c);
      setTimeout(() => serve(c), 0);
    },
    terminate: () => {},
    crash: () => w.onerror?.(new Event('error')),
  };
  // As postMessage would: what is moved is cloned across and gone from the sender.
  const serve = serveSockets(
    (r: WorkerReport, move) => {
      const data = structuredClone(r, { transfer: move });
      for (const b of move) expect(b.byteLength).toBe(0);
      setTimeout(() => w.onmessage?.(new MessageEvent('message', { data })), 0);
    },
    webSocketTransport(Impl, decodePush),
  );
  return w;
}

function recorder(): PushTransportHandlers & { log: string[]; messages: PushMessage[]; closed: Promise<number> } {
  let closed!: (code: number) => void;
  const r = {
    log: [] as string[],
    messages: [] as PushMessage[],
    closed: new Promise<number>((res) => (closed = res)),
    onOpen: () => r.log.push('open'),
    onMessage: (m: PushMessage) => {
      r.log.push(m.type);
      r.messages.push(m);
    },
    onClose: (code: number) => {
      r.log.push(`close ${code}`);
      closed(code);
    },
  };
  return r;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('the worker transport', () => {
  it('opens in the worker, sends, and hands over parsed messages with decoded pictures', async () => {
    const s = await server();
    const worker = fakeWorker();
    const open = workerTransport(() => worker);
    const h = recorder();
    const t = open(s.url, h);
    await until(() => h.log.includes('open'), 'open');
    t.send('{"key":"k","msg_id":"776"}');
    await until(() => h.messages.length === 2, 'ack and capture');
    expect(s.received).toEqual(['{"key":"k","msg_id":"776"}']);
    expect(h.log).toEqual(['open', 'ack', 'alarm']);
    const alarm = h.messages[1]!;
    expect(alarm.type === 'alarm' && alarm.data.snap_frame).toBe('');
    expect(alarm.type === 'alarm' && new TextDecoder().decode(alarm.pictures?.frame?.bytes)).toBe('jpeg:frame-1');

    // The device closing is told once, with its code.
    for (const c of s.wss.clients) c.close(4001);
    expect(await h.closed).toBe(4001);
  });

  it('our own close tells nothing back and closes the socket in the worker', async () => {
    const s = await server();
    const worker = fakeWorker();
    const h = recorder();
    const t = workerTransport(() => worker)(s.url, h);
    await until(() => h.log.includes('open') && s.wss.clients.size === 1, 'open');
    t.close(1000);
    await until(() => s.wss.clients.size === 0 || [...s.wss.clients].every((c) => c.readyState !== c.OPEN), 'closed at the server');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.log).toEqual(['open']);
    expect(worker.commands.map((c) => c.type)).toEqual(['open', 'close']);
  });

  it('a worker that fails closes its sockets (1006) and later sockets open on this thread', async () => {
    const s = await server();
    const worker = fakeWorker();
    let made = 0;
    const open = workerTransport(() => {
      made++;
      return worker;
    }, webSocketTransport(Impl));
    const first = recorder();
    open(s.url, first);
    await until(() => first.log.includes('open'), 'open');
    worker.crash();
    expect(await first.closed).toBe(1006);

    const second = recorder();
    const t = open(s.url, second);
    await until(() => second.log.includes('open'), 'second open');
    t.send('{"key":"k","msg_id":"776"}');
    await until(() => second.messages.length === 2, 'messages on this thread');
    // Parsed here, so the pictures stay inline.
    expect(second.messages[1]?.type === 'alarm' && second.messages[1].pictures).toBeUndefined();
    expect(made).toBe(1);
    t.close();
  });

  it('a worker that cannot be made: sockets open on this thread from the start', async () => {
    const s = await server();
    const h = recorder();
    const t = workerTransport(() => {
      throw new Error('no workers here');
    }, webSocketTransport(Impl))(s.url, h);
    await until(() => h.log.includes('open'), 'open');
    t.close();
  });
});
