// Forwarding to the device: /api/* (§1), the WebSocket at /ws/ (§9.2), stored
// pictures at /ws/<path> (§3.6, §7.4) and export files. Used by the Vite dev
// and preview servers (server/vite-plugin.ts) and the production server.
//
// http-proxy-3: a maintained, typed rewrite of `http-proxy` (unmaintained since
// 2020) with the same API; Vite itself forwards through it. It handles HTTP and
// the WebSocket upgrade, streams bodies both ways (large uploads, exports), and
// takes a per-request target, so following the device between http and https
// (§8.4) is one field.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { checkPath, isDevicePath, needsGuard } from './path-guard.ts';
import { DeviceTarget } from './device.ts';

export interface ForwarderOptions {
  /** Largest request body forwarded (a firmware file is large), in bytes. */
  maxUploadBytes?: number;
  /** How long a forwarded HTTP request may wait for the device's answer, in ms. */
  answerTimeoutMs?: number;
}

/** Node's list of connection-specific headers (lib/internal/http2/util.js); `te` is refused unless "trailers" and means nothing in an answer. */
export const H2_FORBIDDEN_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
  'te',
];

export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_ANSWER_TIMEOUT_MS = 10 * 60_000;

export interface Forwarder {
  device: DeviceTarget;
  /** Handles the request when it is the device's (true), after checking its path. */
  web(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Handles an upgrade when it is the device's WebSocket (true); refuses unsafe paths. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

export function refuse(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const text = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

export function createForwarder(target: DeviceTarget | string, options: ForwarderOptions = {}): Forwarder {
  const device = typeof target === 'string' ? new DeviceTarget(target) : target;
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const proxy = createProxyServer({
    changeOrigin: true,
    // The device's self-signed certificate (§8.4) is accepted for the device only:
    // this proxy never forwards anywhere else.
    secure: false,
    proxyTimeout: options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
    connectTimeout: 10_000,
  });
  // Over HTTP/2 (server/app.ts, with TLS) an answer must not carry
  // connection-specific headers (RFC 9113 §8.2.2), and Node's compatibility API
  // throws on them in writeHead (ERR_HTTP2_INVALID_CONNECTION_HEADERS), which
  // would end the server. http-proxy-3 (2.0.1) drops connection, keep-alive and
  // transfer-encoding itself for an HTTP/2 request (web-outgoing.js); a node, or a
  // web server in front of one, may also say "Upgrade: h2c" or Proxy-Connection.
  // 'proxyRes' comes before http-proxy-3 copies the headers.
  proxy.on('proxyRes', (proxyRes, req) => {
    if (req.httpVersionMajor < 2) return;
    for (const name of H2_FORBIDDEN_HEADERS) delete proxyRes.headers[name];
  });
  proxy.on('error', (_err, _req, resOrSocket) => {
    void device.followDevice();
    if (resOrSocket && 'writeHead' in resOrSocket) refuse(resOrSocket as http.ServerResponse, 502, 'The device did not answer.');
    else (resOrSocket as Duplex | undefined)?.destroy();
  });

  return {
    device,
    web(req, res) {
      const url = req.url ?? '/';
      if (needsGuard(url)) {
        const verdict = checkPath(url);
        if (!verdict.ok) {
          refuse(res, verdict.status, verdict.status === 404 ? 'Not found.' : 'Bad request path.');
          return true;
        }
      }
      if (!isDevicePath(url)) return false;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxUpload) {
        // HTTP/1.1: the rest of the body is not read, so the connection cannot carry another request.
        // HTTP/2 has no such header (the stream alone ends) and Node warns on it.
        if (req.httpVersionMajor === 1) res.setHeader('Connection', 'close');
        refuse(res, 413, `The upload is larger than ${Math.round(maxUpload / 1024 / 1024)} MiB.`);
        req.resume();
        return true;
      }
      proxy.web(req, res, { target: device.url });
      // A chunked body (or an HTTP/2 body sent without content-length, which
      // has no transfer-encoding) has no declared length: count it as it streams.
      if (req.headers['content-length'] === undefined) {
        let seen = 0;
        req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > maxUpload) {
            refuse(res, 413, 'The upload is too large.');
            req.destroy();
          }
        });
      }
      return true;
    },
    upgrade(req, socket, head) {
      const url = req.url ?? '/';
      if (needsGuard(url)) {
        const verdict = checkPath(url);
        if (!verdict.ok) {
          refuseUpgrade(socket, verdict.status, verdict.reason);
          return true;
        }
      }
      if (!/^\/ws(\/|\?|$)/.test(url)) return false;
      proxy.ws(req, socket, head, { target: device.url });
      return true;
    },
    close() {
      proxy.close();
    },
  };
}
