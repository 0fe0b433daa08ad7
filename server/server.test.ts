// The production server (in-process) and Vite's dev server with the same
// forwarding plugin, against a fake device that records what reaches it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './app';
import { FAULT_SPELLINGS } from './fault-spellings';
import { IMMUTABLE } from './static';
import { deviceProxyPlugin } from './vite-plugin';

/** A raw request: the path is sent exactly as written (Node's client does not normalise it). */
function raw(base: string, rawPath: string, init: { method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer } = {}) {
  const u = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: rawPath, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    // An upgrade nobody answers would hang: say so instead.
    req.setTimeout(3000, () => req.destroy(new Error(`no answer to ${rawPath}`)));
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0) });
    });
    req.end(init.body);
  });
}

/** What a device's URL parser makes of a forwarded path. */
const resolved = (p: string) => decodeURIComponent(new URL(p.replace(/\\/g, '/'), 'http://device').pathname);

let device: http.Server;
let deviceBase: string;
const seen: string[] = [];
let dist: string;

beforeAll(async () => {
  device = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 0, url: req.url, host: req.headers.host, bytes }));
    });
  });
  device.on('upgrade', (req, socket) => {
    seen.push(req.url ?? '');
    socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
  });
  await new Promise<void>((r) => device.listen(0, '127.0.0.1', r));
  deviceBase = `http://127.0.0.1:${(device.address() as AddressInfo).port}`;

  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-server-test-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>console</title><script type="module" src="/assets/app-Ab12Cd34.js"></script>',
  );
  const js = Buffer.from(`console.log(${JSON.stringify('x'.repeat(4000))});`);
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js'), js);
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js.gz'), zlib.gzipSync(js));
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dist, 'server.mjs'), '// the server itself');
});

afterAll(async () => {
  device.closeAllConnections();
  await new Promise((r) => device.close(r));
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the production server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root: dist, deviceUrl: deviceBase, host: '127.0.0.1', port: 0, maxUploadBytes: 1024 });
  });
  afterAll(() => server.close());

  it('serves index.html never cached, with the security headers', async () => {
    const r = await raw(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain('<title>console</title>');
    expect(r.headers['cache-control']).toBe('no-cache');
    const csp = r.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('same-origin');
  });

  it('keeps hashed assets a year and sends the precompressed file the browser accepts', async () => {
    const br = await raw(server.url, '/assets/app-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(zlib.brotliDecompressSync(br.body).toString()).toContain('console.log');
    const gz = await raw(server.url, '/assets/app-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await raw(server.url, '/assets/app-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('console.log');
    expect(plain.headers['content-type']).toMatch(/javascript/);
  });

  it('answers deep links with index.html, and missing assets, /api look-alikes and the server file with 404', async () => {
    for (const deep of ['/login', '/records/alarms?from=1', '/libraries/3/people']) {
      const r = await raw(server.url, deep, { headers: { accept: 'text/html' } });
      expect(r.status, deep).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.body.toString()).toContain('<title>console</title>');
    }
    for (const missing of ['/assets/gone-12345678.js', '/assets/', '/nothing.png', '/server.mjs', '/.vite/manifest.json']) {
      expect((await raw(server.url, missing)).status, missing).toBe(404);
    }
    expect((await raw(server.url, '/login', { method: 'POST' })).status).toBe(405);
  });

  it('forwards /api and /ws to the device with its own Host', async () => {
    const r = await raw(server.url, '/api/json', {
      method: 'POST',
      body: Buffer.from('{"msg_id":"1306"}'),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toMatchObject({ url: '/api/json', host: new URL(deviceBase).host });
    expect((await raw(server.url, '/ws/snap/a.jpg')).status).toBe(200);
    expect(seen).toContain('/ws/snap/a.jpg');
  });

  it('streams a chunked upload under the limit to the device whole', async () => {
    const r = await raw(server.url, '/api/form', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(1000, 7),
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toMatchObject({ url: '/api/form', bytes: 1000 });
    const over = await raw(server.url, '/api/form-chunked', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(4096, 7),
    }).catch(() => ({ status: 413 }));
    expect(over.status).toBe(413);
  });

  it('refuses an upload over the limit before it reaches the device', async () => {
    const r = await raw(server.url, '/api/upload-declared', { method: 'POST', body: Buffer.alloc(4096) });
    expect(r.status).toBe(413);
    expect(seen).not.toContain('/api/upload-declared');
  });

  it('answers /healthz whether the device is reachable or not', async () => {
    const r = await raw(server.url, '/healthz');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toMatchObject({ ok: true, device: { reachable: true } });
    const lonely = await startServer({ root: dist, deviceUrl: 'http://127.0.0.1:9', host: '127.0.0.1', port: 0 });
    try {
      const r2 = await raw(lonely.url, '/healthz');
      expect(r2.status).toBe(200);
      expect(JSON.parse(r2.body.toString())).toMatchObject({ ok: true, device: { reachable: false } });
    } finally {
      await lonely.close();
    }
  });

  it.each(FAULT_SPELLINGS)('never forwards %s to the device (%i)', async (spelling, status) => {
    const before = seen.length;
    expect((await raw(server.url, spelling, { method: 'POST', body: Buffer.from('{"ms":800}') })).status).toBe(status);
    const upgrade = await raw(server.url, spelling, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect(upgrade.status).toBe(status);
    expect(
      seen
        .slice(before)
        .map(resolved)
        .filter((p) => p.includes('__emulator')),
    ).toEqual([]);
  });
});

describe("Vite's dev server, through the same forwarding", () => {
  let vite: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    vite = await createVite({
      configFile: false,
      root: dist,
      logLevel: 'silent',
      plugins: [deviceProxyPlugin(deviceBase)],
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await vite.listen();
    base = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(() => vite.close());

  it('forwards /api and /ws', async () => {
    const r = await raw(base, '/api/json', { method: 'POST', body: Buffer.from('{}') });
    expect(JSON.parse(r.body.toString())).toMatchObject({ url: '/api/json' });
    const up = await raw(base, '/ws/', {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect(up.status).toBe(101);
  });

  it.each(FAULT_SPELLINGS)('never forwards %s to the device', async (spelling) => {
    const before = seen.length;
    const r = await raw(base, spelling, { method: 'POST', body: Buffer.from('{"ms":800}') });
    expect([400, 404]).toContain(r.status);
    await raw(base, spelling, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    }).catch(() => null);
    expect(
      seen
        .slice(before)
        .map(resolved)
        .filter((p) => p.includes('__emulator')),
    ).toEqual([]);
  });
});
