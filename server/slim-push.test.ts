import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startServer, type RunningServer } from './app';
import { FrameStore, slimPush, slimRequested } from './slim-push';

const FRAME = Buffer.alloc(190_000, 7);
const capture = (snapId: string) =>
  JSON.stringify({
    code: 0,
    msg: 'ok',
    msg_id: '777',
    data: {
      snap_id: snapId,
      snap_buf: 'data:image/jpeg;base64,AAAA',
      snap_frame: `data:image/jpeg;base64,${FRAME.toString('base64')}`,
      trigger: 't',
    },
  });

describe('slimming one push', () => {
  it('keeps the frame by reference and leaves the rest as it was', () => {
    const store = new FrameStore();
    const out = JSON.parse(slimPush(Buffer.from(capture('s1')), 'gate-a', store).toString()) as { data: Record<string, string> };
    expect(out.data.snap_frame).toBe('');
    expect(out.data.snap_id).toBe('s1');
    expect(out.data.snap_buf).toBe('data:image/jpeg;base64,AAAA');
    const m = /^\/console\/frames\/gate-a\/([0-9a-f]{24})$/.exec(out.data.snap_frame_ref!);
    expect(m).not.toBeNull();
    expect(store.get('gate-a', m![1]!)?.base64.toString()).toBe(FRAME.toString('base64'));
    expect(store.get('gate-a', m![1]!)?.type).toBe('image/jpeg');
    expect(store.get('gate-b', m![1]!)).toBeUndefined();
  });

  it('passes acks, pushes without a frame and junk unchanged', () => {
    const store = new FrameStore();
    for (const t of [
      '{"code":0,"msg":"ok"}',
      '{"msg_id":"777","data":{"snap_frame":""}}',
      'not json "777"',
      '{"snap_frame":"data:image/jpeg;base64,AAA',
    ]) {
      expect(slimPush(Buffer.from(t), 'a', store).toString()).toBe(t);
    }
  });

  it('drops the oldest frames past the budget', () => {
    const store = new FrameStore(FRAME.toString('base64').length * 2);
    const keys = ['1', '2', '3'].map((s) =>
      (JSON.parse(slimPush(Buffer.from(capture(s)), 'a', store).toString()) as { data: { snap_frame_ref: string } }).data.snap_frame_ref
        .split('/')
        .pop()!,
    );
    expect(keys.map((k) => Boolean(store.get('a', k)))).toEqual([false, true, true]);
  });

  it('reads ?slim=1 and takes it off the URL the node sees', () => {
    expect(slimRequested('/ws/')).toEqual({ slim: false, url: '/ws/' });
    expect(slimRequested('/ws/?slim=1')).toEqual({ slim: true, url: '/ws/' });
    expect(slimRequested('/ws/?a=2&slim=1')).toEqual({ slim: true, url: '/ws/?a=2' });
    expect(slimRequested('/ws/?slim=0')).toEqual({ slim: false, url: '/ws/?slim=0' });
  });
});

describe('the slim push through the production server', () => {
  let device: http.Server;
  let wss: WebSocketServer;
  let server: RunningServer;
  let dist: string;
  const subscribed: string[] = [];
  beforeAll(async () => {
    device = http.createServer((_req, res) => res.end('{}'));
    wss = new WebSocketServer({ server: device });
    wss.on('connection', (ws, req) => {
      ws.on('message', (m: Buffer) => {
        subscribed.push(`${req.url} ${m.toString()}`);
        ws.send('{"code":0,"msg":"ok"}');
        ws.send(capture('s9'));
      });
    });
    await new Promise<void>((r) => device.listen(0, '127.0.0.1', r));
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-slim-test-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    const url = `http://127.0.0.1:${(device.address() as AddressInfo).port}`;
    server = await startServer({ root: dist, nodes: [{ id: 'gate-a', name: 'A', url }], host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    for (const c of wss.clients) c.terminate();
    wss.close();
    await new Promise((r) => device.close(r));
    fs.rmSync(dist, { recursive: true, force: true });
  });

  async function receive(p: string): Promise<Array<{ code?: number; data?: Record<string, string> }>> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${p}`);
    const got: Array<{ code?: number; data?: Record<string, string> }> = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => ws.send('{"key":"k","msg_id":"776"}'));
      ws.on('message', (m: Buffer) => {
        got.push(JSON.parse(m.toString()) as (typeof got)[number]);
        if (got.length === 2) resolve();
      });
      ws.on('error', reject);
    });
    ws.close();
    return got;
  }

  it('forwards the subscription, slims the capture, and serves its frame by the reference', async () => {
    const [ack, alarm] = await receive('/node/gate-a/ws/?slim=1');
    expect(ack).toEqual({ code: 0, msg: 'ok' });
    expect(subscribed.at(-1)).toBe('/ws/ {"key":"k","msg_id":"776"}');
    expect(alarm!.data!.snap_frame).toBe('');
    const res = await fetch(`${server.url}${alarm!.data!.snap_frame_ref}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(FRAME)).toBe(true);
    expect((await fetch(`${server.url}/console/frames/gate-a/0000`)).status).toBe(404);
  });

  it('leaves a socket without ?slim=1 piped as it was, frame and all', async () => {
    const [, alarm] = await receive('/node/gate-a/ws/');
    expect(alarm!.data!.snap_frame).toBe(`data:image/jpeg;base64,${FRAME.toString('base64')}`);
    expect(alarm!.data!.snap_frame_ref).toBeUndefined();
    const [, bare] = await receive('/ws/?slim=1');
    expect(bare!.data!.snap_frame).toBe('');
  });
});
