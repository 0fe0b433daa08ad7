// The device's HTTP face: POST /api/json and /api/form (§1), stored pictures
// and exports at GET /ws/<path>, and the WebSocket at /ws/ (§9.2).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { EmulatorContext } from './context';
import { readFormBody, readJsonBody } from './body';
import { dispatch, envelope } from './dispatch';
import { WS_MAX_PAYLOAD } from './push/ws';

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  bmp: 'image/bmp',
  zip: 'application/zip',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The path of a request as sent, decoded, or null when no device path could be
 * it: a malformed percent-encoding, a `.` or `..` segment (raw or encoded), a
 * backslash or a NUL. The device's paths have none, and the URL parser would
 * resolve a `..` itself (`/ws/../__emulator/stats` into `/__emulator/stats`):
 * such a request gets a 400, never a route.
 */
export function canonicalPath(rawUrl: string): string | null {
  const raw = rawUrl.split('?')[0] ?? '';
  if (!raw.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  if (decoded.split('/').some((seg) => seg === '.' || seg === '..')) return null;
  return decoded;
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
      const pathname = canonicalPath(req.url ?? '/');
      if (pathname === null) {
        req.resume();
        send(res, 400, 'bad request', 'text/plain');
        return;
      }
      for (const route of opts.extraRoutes ?? []) {
        if (await route(req, res)) return;
      }
      if (req.method === 'POST' && (pathname === '/api/json' || pathname === '/api/form')) {
        const sessionHeader = req.headers.sessionid;
        const session = typeof sessionHeader === 'string' ? sessionHeader : null;
        const body = pathname === '/api/json' ? await readJsonBody(ctx, req, session) : await readFormBody(ctx, req, session);
        if (body.kind === 'refused') {
          // Refused before the body was read whole: the rest is discarded and the connection closed.
          const text = JSON.stringify(envelope(body.code));
          res.writeHead(200, {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(text),
            Connection: 'close',
          });
          res.end(text);
          return;
        }
        try {
          if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
          send(res, 200, JSON.stringify(await dispatch(ctx, body.incoming)));
        } finally {
          body.cleanup();
        }
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && pathname.startsWith('/ws/') && pathname.length > 4) {
        const devicePath = pathname.slice(4);
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
          ...(ext === 'zip' || ext === 'csv' ? { 'Content-Disposition': `attachment; filename="${devicePath.split('/').pop()}"` } : {}),
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  server.on('upgrade', (req, socket, head) => {
    const pathname = canonicalPath(req.url ?? '/');
    if (pathname !== '/ws/' && pathname !== '/ws') {
      socket.destroy();
      return;
    }
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      try {
        wss.emit('connection', ws, req);
        opts.onWsConnection?.(ws, req);
      } catch (e) {
        ctx.log(`ws: connection failed: ${e instanceof Error ? e.message : String(e)}`);
        ws.terminate();
      }
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
