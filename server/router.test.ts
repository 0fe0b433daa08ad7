// Many nodes behind one server (docs/fleet.md): prefix routing, the path guard
// through a prefix, /console/nodes, /healthz, and a black-holed node beside
// prompt ones, in the production server and Vite's dev server alike.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './app';
import { FAULT_SPELLINGS } from './fault-spellings';
import type { NodeSpec } from './nodes';
import { deviceProxyPlugin } from './vite-plugin';

const WS_HEADERS = {
  connection: 'Upgrade',
  upgrade: 'websocket',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
};

/** A raw request: the path is sent exactly as written. */
function raw(base: string, rawPath: string, init: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {}) {
  const u = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: rawPath, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(3000, () => req.destroy(new Error(`no answer to ${rawPath}`)));
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode!, headers: res.headers, body: '' });
    });
    req.end(init.body);
  });
}

/** What a device's URL parser makes of a forwarded path. */
const resolved = (p: string) => decodeURIComponent(new URL(p.replace(/\\/g, '/'), 'http://device').pathname);

interface FakeNode {
  base: string;
  seen: string[];
  server: http.Server | net.Server;
  /** Ends what the node holds open, so close() returns. */
  drop(): void;
}

/** A device that answers with who it is and what it was asked. */
async function fakeNode(name: string): Promise<FakeNode> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ node: name, url: req.url }));
    });
  });
  server.on('upgrade', (req, socket) => {
    seen.push(req.url ?? '');
    socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Node: ${name}\r\n\r\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server, drop: () => server.closeAllConnections() };
}

/** Accepts connections and never answers: a node hung mid-restart, or a firewall that drops. */
async function blackHole(): Promise<FakeNode> {
  const seen: string[] = [];
  const held: net.Socket[] = [];
  const server = net.createServer((s) => {
    held.push(s);
    s.on('data', (d: Buffer) => seen.push(d.toString().split(' ', 2)[1] ?? ''));
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    server,
    drop: () => held.forEach((s) => s.destroy()),
  };
}

let a: FakeNode;
let b: FakeNode;
let hole: FakeNode;
let nodes: NodeSpec[];
let dist: string;

beforeAll(async () => {
  [a, b, hole] = await Promise.all([fakeNode('a'), fakeNode('b'), blackHole()]);
  nodes = [
    { id: 'gate-a', name: 'Gate A', url: a.base, site: 'North' },
    { id: 'gate-b', name: 'Gate B', url: b.base },
    { id: 'hole', name: 'Hole', url: hole.base, site: 'North' },
  ];
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-router-test-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
});

afterAll(async () => {
  for (const n of [a, b, hole]) {
    n.drop();
    await new Promise((r) => n.server.close(r));
  }
  fs.rmSync(dist, { recursive: true, force: true });
});

const json = (r: { body: string }) => JSON.parse(r.body) as { node: string; url: string };

function routingCases(baseOf: () => string) {
  it('forwards /node/<id>/api and /ws to that node with the prefix stripped, and the bare paths to the first', async () => {
    const base = baseOf();
    expect(json(await raw(base, '/node/gate-a/api/json', { method: 'POST', body: '{}' }))).toEqual({ node: 'a', url: '/api/json' });
    expect(json(await raw(base, '/node/gate-b/api/form?x=1', { method: 'POST', body: '{}' }))).toEqual({ node: 'b', url: '/api/form?x=1' });
    expect(json(await raw(base, '/node/gate-b/ws/snap/2026/a%20b.jpg'))).toEqual({ node: 'b', url: '/ws/snap/2026/a%20b.jpg' });
    expect(json(await raw(base, '/node/gate-b/ws/tmp/export.zip'))).toEqual({ node: 'b', url: '/ws/tmp/export.zip' });
    expect(json(await raw(base, '/api/json', { method: 'POST', body: '{}' }))).toEqual({ node: 'a', url: '/api/json' });
    const up = await raw(base, '/node/gate-b/ws/', { headers: WS_HEADERS });
    expect(up.status).toBe(101);
    expect(up.headers['x-node']).toBe('b');
    expect(b.seen).toContain('/ws/');
    const bare = await raw(base, '/ws/', { headers: WS_HEADERS });
    expect(bare.headers['x-node']).toBe('a');
  });

  it('answers 404 for an unknown node without forwarding', async () => {
    const base = baseOf();
    const before = a.seen.length + b.seen.length;
    expect((await raw(base, '/node/nobody/api/json', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await raw(base, '/node/Gate-A/api/json', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await raw(base, '/node//api/json', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await raw(base, '/node/nobody/ws/', { headers: WS_HEADERS })).status).toBe(404);
    expect(a.seen.length + b.seen.length).toBe(before);
  });

  it('lists the nodes at /console/nodes, never cached', async () => {
    const r = await raw(baseOf(), '/console/nodes');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({
      nodes: [
        { id: 'gate-a', name: 'Gate A', url: a.base, site: 'North' },
        { id: 'gate-b', name: 'Gate B', url: b.base },
        { id: 'hole', name: 'Hole', url: hole.base, site: 'North' },
      ],
    });
    expect((await raw(baseOf(), '/console/nodes', { method: 'POST' })).status).toBe(405);
  });

  it('keeps answering from the others while one node never answers', async () => {
    const base = baseOf();
    // Ten requests hung on the black hole, then the prompt nodes, timed.
    for (let i = 0; i < 10; i++) void raw(base, '/node/hole/api/json', { method: 'POST', body: '{}' }).catch(() => null);
    void raw(base, '/node/hole/ws/', { headers: WS_HEADERS }).catch(() => null);
    await expect.poll(() => hole.seen.filter((u) => u === '/api/json').length).toBeGreaterThanOrEqual(10);
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      expect(json(await raw(base, `/node/gate-${i % 2 ? 'b' : 'a'}/api/json`, { method: 'POST', body: '{}' })).node).toBe(
        i % 2 ? 'b' : 'a',
      );
    }
    expect((await raw(base, '/node/gate-a/ws/', { headers: WS_HEADERS })).status).toBe(101);
    // Loopback answers in a few ms each; the bound is far under any timeout of the hung ones.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each(FAULT_SPELLINGS)('never forwards %s through a prefix', async (spelling) => {
    const base = baseOf();
    const before = [a.seen.length, b.seen.length];
    for (const prefix of ['/node/gate-a', '/node/gate-b', '/node/nobody']) {
      const r = await raw(base, `${prefix}${spelling}`, { method: 'POST', body: '{"ms":800}' });
      expect([400, 404], `${prefix}${spelling}`).toContain(r.status);
      // ?slim=1 ends the socket in the server (server/slim-push.ts): the guard holds there too.
      for (const query of ['', '?slim=1']) {
        const up = await raw(base, `${prefix}${spelling}${query}`, { headers: WS_HEADERS }).catch(() => ({ status: 0 }));
        expect(up.status, `upgrade ${prefix}${spelling}${query}`).not.toBe(101);
      }
    }
    const reached = [...a.seen.slice(before[0]), ...b.seen.slice(before[1])].map(resolved);
    expect(reached.filter((p) => p.includes('__emulator'))).toEqual([]);
  });

  it('refuses dot segments and encoded slashes around the prefix itself', async () => {
    const base = baseOf();
    for (const p of [
      '/node/gate-a/../__emulator/stats',
      '/node/gate-a/%2e%2e/%2e%2e/__emulator/stats',
      '/node/gate-a%2f..%2f__emulator/stats',
      '/node/gate-a/ws/..%2f..%2f__emulator/stats',
      '/node/../api/json',
    ]) {
      expect((await raw(base, p, { method: 'POST', body: '{}' })).status, p).toBe(400);
    }
  });
}

describe('the production server with three nodes', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root: dist, nodes, host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());
  routingCases(() => server.url);

  it('reports every node in /healthz, the black hole unreachable within its bound', async () => {
    const started = performance.now();
    const r = JSON.parse((await raw(server.url, '/healthz')).body) as {
      ok: boolean;
      device: { reachable: boolean };
      nodes: Array<{ id: string; reachable: boolean }>;
    };
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r.ok).toBe(true);
    expect(r.device.reachable).toBe(true);
    expect(r.nodes.map((n) => [n.id, n.reachable])).toEqual([
      ['gate-a', true],
      ['gate-b', true],
      ['hole', false],
    ]);
  });

  it("serves the console's own pages under /node/<id>/ (deep links), not the node's", async () => {
    const r = await raw(server.url, '/node/gate-b/cameras', { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>console</title>');
  });
});

describe("Vite's dev server with the same node list", () => {
  let vite: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    vite = await createVite({
      configFile: false,
      root: dist,
      logLevel: 'silent',
      plugins: [deviceProxyPlugin(nodes)],
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await vite.listen();
    base = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(() => vite.close());
  routingCases(() => base);
});
