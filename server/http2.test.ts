// The production server with TLS: HTTP/2 to clients that offer it (ALPN h2),
// HTTP/1.1 to the others and to WebSockets, on the same port. A node:http2
// client reads what a browser's HTTP/2 connection would get.
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { FIXTURE_CERT, FIXTURE_KEY } from '../emulator/operations/system.fixture';
import { startServer, type RunningServer } from './app';
import { FAULT_SPELLINGS } from './fault-spellings';
import { H2_FORBIDDEN_HEADERS } from './forward';

const PICTURE = Buffer.alloc(70_000, 9);
const FRAME = Buffer.alloc(50_000, 7);

interface Answer {
  status: number;
  headers: http2.IncomingHttpHeaders;
  body: Buffer;
}

function h2(
  session: http2.ClientHttp2Session,
  p: string,
  init: { method?: string; headers?: http2.OutgoingHttpHeaders; body?: Buffer } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const stream = session.request({ ':path': p, ':method': init.method ?? 'GET', ...init.headers });
    let headers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on('response', (h) => (headers = h));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve({ status: Number(headers[':status']), headers, body: Buffer.concat(chunks) }));
    stream.on('error', reject);
    // A stream the server never answers (it threw) would hang the test: say so instead.
    stream.setTimeout(5000, () => stream.destroy(new Error(`no answer to ${p}`)));
    stream.end(init.body);
  });
}

/** Two fake nodes that say what reached them; node a also pushes a capture on its WebSocket. */
function fakeNode(name: string, seen: string[]) {
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      if (req.url?.startsWith('/ws/snap/')) {
        // Connection-specific headers, as an HTTP/1.1 server (Apache offering h2c) may send.
        res.writeHead(200, {
          'Content-Type': 'image/jpeg',
          'Content-Length': PICTURE.length,
          Connection: 'keep-alive, Upgrade',
          'Keep-Alive': 'timeout=5',
          Upgrade: 'h2c',
          'Proxy-Connection': 'keep-alive',
        });
        res.end(PICTURE);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 0, node: name, url: req.url, host: req.headers.host, bytes }));
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws, req) => {
    ws.on('message', (m: Buffer) => {
      seen.push(`WS ${req.url} ${m.toString()}`);
      ws.send(JSON.stringify({ msg_id: '777', data: { snap_id: 's1', snap_frame: `data:image/jpeg;base64,${FRAME.toString('base64')}` } }));
    });
  });
  return { server, wss };
}

describe('the production server with TLS speaks HTTP/2, and HTTP/1.1 for WebSockets', () => {
  const seen: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const nodes = { a: fakeNode('a', seen.a), b: fakeNode('b', seen.b) };
  let server: RunningServer;
  let session: http2.ClientHttp2Session;
  let dist: string;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    for (const [id, n] of Object.entries(nodes)) {
      await new Promise<void>((r) => n.server.listen(0, '127.0.0.1', r));
      urls[id] = `http://127.0.0.1:${(n.server.address() as AddressInfo).port}`;
    }
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-h2-test-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
    server = await startServer({
      root: dist,
      nodes: [
        { id: 'a', name: 'A', url: urls.a! },
        { id: 'b', name: 'B', url: urls.b! },
      ],
      host: '127.0.0.1',
      port: 0,
      tls: { cert: FIXTURE_CERT, key: FIXTURE_KEY },
      maxUploadBytes: 1024,
    });
    // The fixture's certificate names another host; the test trusts it as a browser told to.
    session = http2.connect(server.url, { rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => {
      session.once('connect', () => resolve());
      session.once('error', reject);
    });
  });
  afterAll(async () => {
    session.close();
    await server.close();
    for (const n of Object.values(nodes)) {
      for (const c of n.wss.clients) c.terminate();
      n.wss.close();
      n.server.closeAllConnections();
      await new Promise((r) => n.server.close(r));
    }
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('agrees on h2 and serves index.html with the security headers, the CSP naming the host from :authority', async () => {
    expect(session.alpnProtocol).toBe('h2');
    const r = await h2(session, '/', { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('<title>console</title>');
    expect(r.headers['cache-control']).toBe('no-cache');
    const port = new URL(server.url).port;
    expect(r.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${port} wss://127.0.0.1:${port}`);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const deep = await h2(session, '/n/a/libraries', { headers: { accept: 'text/html' } });
    expect(deep.body.toString()).toContain('<title>console</title>');
  });

  it('forwards each node its own API requests, many at once on one connection', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h2(session, `/node/${i % 2 ? 'b' : 'a'}/api/json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(`{"msg_id":"1306","i":${i}}`),
        }),
      ),
    );
    answers.forEach((r, i) => {
      expect(r.status).toBe(200);
      const node = i % 2 ? 'b' : 'a';
      // The prefix stripped, the node's own Host (changeOrigin), the body whole.
      expect(JSON.parse(r.body.toString())).toEqual({
        code: 0,
        node,
        url: '/api/json',
        host: new URL(urls[node]!).host,
        bytes: `{"msg_id":"1306","i":${i}}`.length,
      });
    });
    expect(seen.a.filter((s) => s === 'POST /api/json')).toHaveLength(6);
    expect(seen.b.filter((s) => s === 'POST /api/json')).toHaveLength(6);
  });

  it("passes a node's picture without its connection headers (forbidden in HTTP/2)", async () => {
    const r = await h2(session, '/node/b/ws/snap/p1.jpg');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/jpeg');
    expect(r.body.equals(PICTURE)).toBe(true);
    for (const name of H2_FORBIDDEN_HEADERS) expect(r.headers[name], name).toBeUndefined();
    expect(seen.b).toContain('GET /ws/snap/p1.jpg');
  });

  it('lists the nodes and answers /healthz', async () => {
    const list = await h2(session, '/console/nodes');
    expect(JSON.parse(list.body.toString())).toMatchObject({ nodes: [{ id: 'a' }, { id: 'b' }] });
    const health = await h2(session, '/healthz');
    expect(JSON.parse(health.body.toString())).toMatchObject({
      ok: true,
      nodes: [
        { id: 'a', reachable: true },
        { id: 'b', reachable: true },
      ],
    });
  });

  it.each(FAULT_SPELLINGS)('never forwards %s to a node (%i)', async (spelling, status) => {
    const before = [seen.a.length, seen.b.length];
    expect((await h2(session, spelling, { method: 'POST', body: Buffer.from('{"ms":800}') })).status).toBe(status);
    const prefixed = await h2(session, `/node/a${spelling}`, { method: 'POST', body: Buffer.from('{"ms":800}') });
    expect([400, 404]).toContain(prefixed.status);
    expect([...seen.a.slice(before[0]), ...seen.b.slice(before[1])]).toEqual([]);
  });

  it('refuses an upload over the limit, declared or not', async () => {
    const declared = await h2(session, '/node/a/api/form', {
      method: 'POST',
      headers: { 'content-length': 4096 },
      body: Buffer.alloc(4096),
    });
    expect(declared.status).toBe(413);
    // HTTP/2 has no chunked encoding: a body without content-length is counted as it streams.
    const streamed = await h2(session, '/node/a/api/form-streamed', { method: 'POST', body: Buffer.alloc(4096) }).catch(() => ({
      status: 413,
    }));
    expect(streamed.status).toBe(413);
    expect(seen.a).not.toContain('POST /api/form');
  });

  it('upgrades a WebSocket over HTTP/1.1 on the same port: the proxied push and the slim one with its frame over h2', async () => {
    const receive = (p: string) =>
      new Promise<{ data: Record<string, string> }>((resolve, reject) => {
        const ws = new WebSocket(`${server.url.replace(/^https/, 'wss')}${p}`, { rejectUnauthorized: false });
        ws.on('open', () => ws.send('{"key":"k","msg_id":"776"}'));
        ws.on('message', (m: Buffer) => {
          resolve(JSON.parse(m.toString()) as { data: Record<string, string> });
          ws.close();
        });
        ws.on('error', reject);
      });
    const piped = await receive('/node/a/ws/');
    expect(piped.data.snap_frame).toBe(`data:image/jpeg;base64,${FRAME.toString('base64')}`);
    expect(seen.a).toContain('WS /ws/ {"key":"k","msg_id":"776"}');
    const slim = await receive('/node/a/ws/?slim=1');
    expect(slim.data.snap_frame).toBe('');
    const frame = await h2(session, slim.data.snap_frame_ref!);
    expect(frame.status).toBe(200);
    expect(frame.headers['content-type']).toBe('image/jpeg');
    expect(frame.body.equals(FRAME)).toBe(true);
  });
});
