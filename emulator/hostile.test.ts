// Hostile and careless input, item by item (issue 12): the WebSocket, bodies
// read before the session is known, picture bombs, the fault routes, malformed
// paths, text no person types, symlinks out of the store, the banner.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLibrary, getVersion, getWsKey, listLibraries, updateLibrary } from '../src/api/protocol';
import { FAULT_LIMITS, FAULT_TOKEN_HEADER } from './faults';
import { openPicture } from './faces/decode';
import { blankJpeg } from './faces/fixtures';
import { NotAnImageError, type FaceEngine } from './faces/types';
import { rawForm, rawJson, startTestDevice, type TestDevice } from './testing';

const stubEngine: FaceEngine = {
  analyse: async () => ({ width: 640, height: 480, faces: [] }),
  similarity: () => 0,
  ready: async () => {},
  close: async () => {},
};

/** A request with the path exactly as given (fetch would resolve `..` itself). */
function rawRequest(
  url: string,
  reqPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: reqPath, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A PNG that declares `side` × `side` grey pixels, all zero: a few hundred KB that decode to side² bytes. */
function pngBomb(side: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  const idat = zlib.deflateSync(Buffer.alloc((side + 1) * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
const nextMessage = (ws: WebSocket) =>
  new Promise<{ code: number }>((resolve) => ws.once('message', (raw) => resolve(JSON.parse(String(raw)) as { code: number })));
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

/**
 * Streams a body of up to `total` bytes in 1 MiB chunks, as fast as the server
 * reads, and stops at the answer. Answers the envelope's code and how much was
 * sent by then: a server that checks before reading answers early.
 */
function streamUpload(
  url: string,
  opts: { path: string; headers: Record<string, string>; head?: Buffer; total: number },
): Promise<{ code: number; sent: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ hostname, port, path: opts.path, method: 'POST', headers: opts.headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ code: (JSON.parse(body) as { code: number }).code, sent }));
    });
    // The server closes the connection after an early answer: a write error then is expected.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const mb = Buffer.alloc(1024 * 1024, 0x41);
    const pump = () => {
      while (!answered && sent < opts.total) {
        sent += mb.length;
        if (!req.write(mb)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    if (opts.head) {
      req.write(opts.head);
      sent += opts.head.length;
    }
    pump();
  });
}

describe('hostile and careless input', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ wsSubscribeTimeoutMs: 300 }, { engine: stubEngine });
  });
  afterAll(() => dev.close());

  it('1. answers a WebSocket message that is JSON but no object, and stays up', async () => {
    const ws = await openSocket(dev.url);
    for (const text of ['null', '42', '[]', '"776"', 'true', '{', '']) {
      const answer = nextMessage(ws);
      ws.send(text);
      expect((await answer).code, text).toBe(-3596);
    }
    const wrongId = nextMessage(ws);
    ws.send(JSON.stringify({ msg_id: { toString: 1 } }));
    expect((await wrongId).code).toBe(-3599);
    const { key } = await dev.call(getWsKey, {});
    const ack = nextMessage(ws);
    ws.send(JSON.stringify({ key, msg_id: '776' }));
    expect((await ack).code).toBe(0);
    ws.close();
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });

  it('1. closes a socket that sends too much (1009) or never subscribes (1008)', async () => {
    const big = await openSocket(dev.url);
    const bigClosed = closed(big);
    big.send('x'.repeat(64 * 1024));
    expect(await bigClosed).toBe(1009);
    const idle = await openSocket(dev.url);
    expect(await closed(idle)).toBe(1008);
    expect(dev.emulator.hub.stats().waiting).toBe(0);
  });

  it('2. answers a sessionless upload before reading it (-141), JSON or form', async () => {
    const form = await streamUpload(dev.url, {
      path: '/api/form',
      headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
      head: Buffer.from(
        '--b\r\nContent-Disposition: form-data; name="msg_id"\r\n\r\n1029\r\n--b\r\nContent-Disposition: form-data; name="img"; filename="a.jpg"\r\n\r\n',
      ),
      total: 256 * 1024 * 1024,
    });
    expect(form.code).toBe(-141);
    expect(form.sent).toBeLessThan(64 * 1024 * 1024);
    const json = await streamUpload(dev.url, {
      path: '/api/json',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(256 * 1024 * 1024) },
      head: Buffer.from('{"msg_id":"1028","pad":"'),
      total: 256 * 1024 * 1024,
    });
    expect(json.code).toBe(-141);
    expect(json.sent).toBeLessThan(64 * 1024 * 1024);
    await expect(dev.call(getVersion, {})).resolves.toHaveProperty('version');
  });

  it("2. refuses a picture past its operation's cap while it streams (-3596)", async () => {
    const head = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="msg_id"\r\n\r\n1029\r\n--b\r\nContent-Disposition: form-data; name="lib_id"\r\n\r\n1\r\n' +
        '--b\r\nContent-Disposition: form-data; name="img"; filename="a.jpg"\r\n\r\n',
    );
    const up = await streamUpload(dev.url, {
      path: '/api/form',
      headers: { 'Content-Type': 'multipart/form-data; boundary=b', sessionid: dev.session()! },
      head,
      total: 256 * 1024 * 1024,
    });
    expect(up.code).toBe(-3596);
    expect(up.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('3. refuses a picture declaring more pixels than any camera makes, from its header (-1104)', async () => {
    const bomb = pngBomb(9000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(openPicture(bomb)).rejects.toBeInstanceOf(NotAnImageError);
    const lib = await dev.call(createLibrary, { lib_name: 'bombs', lib_type: 1 });
    const answer = await rawForm(
      dev.url,
      { msg_id: '1029', lib_id: String(lib.lib_id) },
      { img: new File([new Uint8Array(bomb)], 'bomb.png') },
      dev.session(),
    );
    expect(answer.code).toBe(-1104);
    const b64 = await rawJson(
      dev.url,
      { msg_id: '1051', lib_id: lib.lib_id, img: { filename: 'bomb.png', data: bomb.toString('base64') } },
      dev.session(),
    );
    expect(b64.code).toBe(-1104);
    // A real picture still goes in (the stub engine finds no face: -1101 is the handler's own answer).
    const plain = await rawForm(
      dev.url,
      { msg_id: '1029', lib_id: String(lib.lib_id) },
      { img: new File([new Uint8Array(await blankJpeg())], 'a.jpg') },
      dev.session(),
    );
    expect(plain.code).not.toBe(-1104);
  });

  describe('4. the fault routes answer only a direct local client', () => {
    const auth = () => ({ [FAULT_TOKEN_HEADER]: dev.emulator.faultToken });

    it('never through a path that resolves into /__emulator', async () => {
      for (const p of [
        '/ws/../__emulator/stats',
        '/api/../__emulator/stats',
        '/ws/%2e%2e/__emulator/stats',
        '/ws/%2E%2E/__emulator/stats',
        '/x/..%2f__emulator/stats',
        '/ws/..\\__emulator/stats',
      ]) {
        expect((await rawRequest(dev.url, p, { headers: auth() })).status, p).toBe(400);
      }
      // An encoded name is no fault route (and no device path either).
      expect((await rawRequest(dev.url, '/%5F_emulator/stats', { headers: auth() })).status).toBe(404);
      expect((await rawRequest(dev.url, '/__emulator/stats', { headers: auth() })).status).toBe(200);
    });

    it('needs the token, and refuses browsers and proxies', async () => {
      expect((await rawRequest(dev.url, '/__emulator/stats')).status).toBe(401);
      expect((await rawRequest(dev.url, '/__emulator/stats', { headers: { [FAULT_TOKEN_HEADER]: 'guess' } })).status).toBe(401);
      expect((await rawRequest(dev.url, '/__emulator/stats', { headers: { ...auth(), Origin: 'http://evil.example' } })).status).toBe(403);
      for (const h of ['X-Forwarded-For', 'X-Forwarded-Host', 'Forwarded', 'Via', 'X-Real-IP']) {
        expect((await rawRequest(dev.url, '/__emulator/stats', { headers: { ...auth(), [h]: '127.0.0.1' } })).status, h).toBe(403);
      }
      const preflight = await rawRequest(dev.url, '/__emulator/latency', {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': FAULT_TOKEN_HEADER,
        },
      });
      expect(preflight.status).toBe(405);
      const form = await rawRequest(dev.url, '/__emulator/latency', {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'text/plain' },
        body: '{"ms":5}',
      });
      expect(form.status).toBe(415);
      expect(dev.emulator.ctx.faults.latencyMs).toBe(0);
    });

    it('clamps what it takes', async () => {
      const post = (route: string, body: unknown) =>
        rawRequest(dev.url, `/__emulator/${route}`, {
          method: 'POST',
          headers: { ...auth(), 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await post('latency', { ms: 1e12 })).status).toBe(200);
      expect(dev.emulator.ctx.faults.latencyMs).toBe(FAULT_LIMITS.latencyMs);
      await post('latency', { ms: 'NaN' });
      expect(dev.emulator.ctx.faults.latencyMs).toBe(0);
      await post('latency', { ms: -5 });
      expect(dev.emulator.ctx.faults.latencyMs).toBe(0);
      // The upgrade's outcome is one of three words; anything else changes nothing.
      for (const outcome of ['explode', 42, { $gt: '' }, 'ok '.repeat(1000)]) {
        expect((await post('upgrade', { outcome })).status).toBe(400);
      }
      expect(dev.emulator.ctx.faults.upgrade).toBe('ok');
      expect((await post('upgrade', { outcome: 'refuse' })).status).toBe(200);
      expect(dev.emulator.ctx.faults.upgrade).toBe('refuse');
      await post('upgrade', { outcome: 'ok' });
    });

    it('takes a library capacity in range only, and a picture only for a face that exists', async () => {
      const post = (route: string, body: unknown) =>
        rawRequest(dev.url, `/__emulator/${route}`, {
          method: 'POST',
          headers: { ...auth(), 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const before = dev.emulator.ctx.options.libraryCapacity;
      for (const capacity of [0, -1, 'x', 1e12]) expect((await post('library-capacity', { capacity })).status, String(capacity)).toBe(400);
      expect(dev.emulator.ctx.options.libraryCapacity).toBe(before);
      expect((await post('library-capacity', { capacity: 3 })).status).toBe(200);
      expect(dev.emulator.ctx.options.libraryCapacity).toBe(3);
      await post('library-capacity', { capacity: before });
      expect((await post('faces/picture', { libId: 1, imgId: 'nobody', photo: 'data:image/jpeg;base64,AAAA' })).status).toBe(404);
      expect((await post('faces/picture', { libId: 1, imgId: 'nobody', photo: 'not a data url' })).status).toBe(400);
    });
  });

  it('5. answers a malformed percent-encoding with 400, not 500', async () => {
    for (const p of ['/ws/%', '/ws/%zz', '/ws/a%', '/api/json%']) {
      expect((await rawRequest(dev.url, p)).status, p).toBe(400);
    }
    expect((await rawRequest(dev.url, '/ws/img/none.jpg')).status).toBe(404);
  });

  it('6. refuses text no person types and lengths no real input has, and keeps what was stored', async () => {
    const session = dev.session();
    const before = await dev.call(listLibraries, {});
    for (const lib_name of ['   ', 'a\u0000b', '\ud800', 'x'.repeat(65), '\t']) {
      expect((await rawJson(dev.url, { msg_id: '1025', lib_name, lib_type: 1 }, session)).code, JSON.stringify(lib_name)).toBe(-3596);
    }
    expect(await dev.call(listLibraries, {})).toEqual(before);
    const lib = await dev.call(createLibrary, { lib_name: 'keep me', lib_type: 1 });
    expect((await rawJson(dev.url, { msg_id: '1027', lib_id: lib.lib_id, lib_name: 'a\ud800', lib_type: 1 }, session)).code).toBe(-3596);
    await expect(dev.call(updateLibrary, { lib_id: lib.lib_id, lib_name: '  ', lib_type: 1 })).rejects.toThrow();
    expect((await dev.call(listLibraries, {})).find((l) => l.lib_id === lib.lib_id)?.lib_name).toBe('keep me');
    // A 20 MB name never reaches the schema: the body is past 1029's fields.
    const name = await rawForm(
      dev.url,
      { msg_id: '1029', lib_id: String(lib.lib_id), person_name: 'x'.repeat(65) },
      { img: new File([new Uint8Array(await blankJpeg())], 'a.jpg') },
      session,
    );
    expect(name.code).toBe(-3596);
    const huge = await rawForm(
      dev.url,
      { msg_id: '1029', lib_id: String(lib.lib_id), person_addr: 'x'.repeat(20 * 1024 * 1024) },
      {},
      session,
    );
    expect(huge.code).toBe(-3596);
  });

  it('9. never serves a file through a symlink that leaves the store', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.jpg'), 'secret');
    const root = dev.emulator.ctx.files.root;
    fs.mkdirSync(path.join(root, 'img'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.jpg'), path.join(root, 'img', 'link.jpg'));
    fs.symlinkSync(outside, path.join(root, 'img', 'dir'));
    expect((await rawRequest(dev.url, '/ws/img/link.jpg')).status).toBe(404);
    expect((await rawRequest(dev.url, '/ws/img/dir/secret.jpg')).status).toBe(404);
    expect(dev.emulator.ctx.files.read('img/link.jpg')).toBeNull();
    fs.rmSync(outside, { recursive: true, force: true });
  });
});

describe('11. the banner', () => {
  it('says where the password is, never the password', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-banner-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--data', dataDir, '--rate', '0', '--records', '0'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the emulator stopped (${code})`)));
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('login:')) resolve();
      });
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(/^EMULATOR_TOKEN=[0-9a-f]{32}$/);
    expect(out).not.toContain('Admin@12345');
    expect(out).toMatch(/login: admin, password the demo default \(README/);
  });
});
