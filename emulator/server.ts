// The device's HTTP face: POST /api/json and /api/form (§1), stored pictures
// and exports at GET /ws/<path>, and the WebSocket at /ws/ (§9.2).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { WebSocketServer } from 'ws';
import type { EmulatorContext } from './context';
import { dispatch, envelope, type Incoming } from './dispatch';
import { ErrorCode } from '../src/api/protocol/error-codes';
import type { ReceivedFile } from './operations/handler';

const { PARAM_ERROR } = ErrorCode;

/** The device takes bodies up to this size: a batch import of a few hundred photos. */
const BODY_LIMIT = 512 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  bmp: 'image/bmp',
  zip: 'application/zip',
  csv: 'text/csv; charset=utf-8',
};

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
      } catch {
        resolve(null);
      }
    });
    req.on('error', reject);
  });
}

function readForm(req: http.IncomingMessage): Promise<{ fields: Record<string, string>; files: Record<string, ReceivedFile> } | null> {
  return new Promise((resolve) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: BODY_LIMIT }, defParamCharset: 'utf8' });
    } catch {
      resolve(null);
      return;
    }
    const fields: Record<string, string> = {};
    const files: Record<string, ReceivedFile> = {};
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        files[name] = { filename: info.filename ?? name, data: Buffer.concat(chunks) };
      });
    });
    bb.on('close', () => resolve({ fields, files }));
    bb.on('error', () => resolve(null));
    req.pipe(bb);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  wss: WebSocketServer;
  close(): Promise<void>;
}

export type WsConnectionHandler = (ws: import('ws').WebSocket, req: http.IncomingMessage) => void;
export type ExtraRoute = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

export async function startServer(
  ctx: EmulatorContext,
  opts: {
    onWsConnection?: WsConnectionHandler;
    extraRoutes?: ExtraRoute[];
    /** Serve HTTPS with this material (after §8.4's switch); the port stays the same. */
    tls?: { cert: Buffer; key: Buffer } | null;
    /** The port to bind: after a restart, the one the device had. */
    port?: number;
  } = {},
): Promise<RunningServer> {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://device');
      for (const route of opts.extraRoutes ?? []) {
        if (await route(req, res)) return;
      }
      if (req.method === 'POST' && (url.pathname === '/api/json' || url.pathname === '/api/form')) {
        const via = url.pathname === '/api/json' ? 'json' : 'form';
        const sessionHeader = req.headers.sessionid;
        const session = typeof sessionHeader === 'string' ? sessionHeader : null;
        let incoming: Incoming | null = null;
        if (via === 'json') {
          const body = await readJson(req);
          if (body) incoming = { via, fields: body, session };
        } else {
          const form = await readForm(req);
          if (form) incoming = { via, fields: form.fields, files: form.files, session };
        }
        if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
        const answer = incoming ? await dispatch(ctx, incoming) : envelope(PARAM_ERROR);
        send(res, 200, JSON.stringify(answer));
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/ws/') && url.pathname.length > 4) {
        const devicePath = decodeURIComponent(url.pathname.slice(4));
        const data = ctx.files.read(devicePath);
        if (!data) {
          send(res, 404, 'not found', 'text/plain');
          return;
        }
        const ext = devicePath.split('.').pop()?.toLowerCase() ?? '';
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
          'Content-Length': data.length,
          // Stored pictures never change under one path.
          'Cache-Control': devicePath.startsWith('tmp/') ? 'no-store' : 'private, max-age=86400',
          ...(ext === 'zip' || ext === 'csv'
            ? { 'Content-Disposition': `attachment; filename="${devicePath.split('/').pop()}"` }
            : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : data);
        return;
      }
      send(res, 404, 'not found', 'text/plain');
    } catch (e) {
      ctx.log(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain');
    }
  };
  // handle catches what it can answer; the listener itself returns nothing.
  const onRequest: http.RequestListener = (req, res) => void handle(req, res);
  const server: http.Server = opts.tls
    ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest)
    : http.createServer(onRequest);

  // Longer than clients keep idle sockets (undici: 4 s, browsers: longer), so a
  // client never reuses a socket the server has just closed (a POST is not retried).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://device');
    if (url.pathname !== '/ws/' && url.pathname !== '/ws') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req);
      opts.onWsConnection?.(ws, req);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? ctx.options.port, ctx.options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = ctx.options.host.includes(':') ? `[${ctx.options.host}]` : ctx.options.host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    server,
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
