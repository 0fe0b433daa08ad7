// The production server: the built console, the device forwarding shared with
// Vite's dev server, /healthz, optional TLS with plain HTTP redirected.
//
// With TLS it speaks HTTP/2, and HTTP/1.1 to clients that ask for it (ALPN).
// Why: every node is reached through this one origin (/node/<id>/…), and a
// browser opens at most 6 HTTP/1.1 connections per origin, so a page talking to
// several nodes at once (distributing a library, the merged wall's pictures)
// queues requests in the browser; over HTTP/2 they share one connection,
// multiplexed. Browsers speak HTTP/2 only over TLS, so plain HTTP stays 1.1.
// WebSockets (the push, proxied or slim) open their own HTTP/1.1 connection:
// the server does not offer extended CONNECT (RFC 8441,
// enableConnectProtocol), so Chromium does not try them over HTTP/2, and the
// 'upgrade' event of an HTTP/1.1 connection comes to the same handler as before.
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import type { DeviceTarget } from './device.ts';
import { refuse, refuseUpgrade } from './forward.ts';
import { requestHost, setSecurityHeaders } from './headers.ts';
import { singleNode, type NodeSpec } from './nodes.ts';
import { createNodeRouter, type NodeRouter } from './router.ts';
import { checkPath } from './path-guard.ts';
import { createStatic } from './static.ts';

export interface ServerOptions {
  /** The built console (index.html, assets/). */
  root: string;
  /** One node (id "default"), as before issue 17; `nodes` wins when both are given. */
  deviceUrl?: string;
  /** The node list (server/nodes.ts); the first also answers the unprefixed /api and /ws. */
  nodes?: NodeSpec[];
  host: string;
  port: number;
  /** PEM text; both or neither. With them the server speaks HTTPS: HTTP/2, and HTTP/1.1 to who asks. */
  tls?: { cert: string; key: string };
  /** With TLS: a plain HTTP port that redirects to HTTPS (null: none). */
  redirectPort?: number | null;
  maxUploadBytes?: number;
  answerTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  redirectUrl: string | null;
  /** The first node's target. */
  device: DeviceTarget;
  router: NodeRouter;
  close(): Promise<void>;
}

/**
 * Node's defaults end a request after 5 minutes and sockets idle for 5 s; a
 * firmware upload and a push socket open all day need otherwise. The HTTP/2
 * server with allowHTTP1 reads the same fields for its HTTP/1.1 connections
 * (Node sets requestTimeout and headersTimeout on it); its HTTP/2 sessions have
 * no idle timeout unless setTimeout asks one.
 */
function tune(server: http.Server | http2.Http2SecureServer) {
  Object.assign(server, {
    requestTimeout: 60 * 60_000, // a large upload over a slow site link
    headersTimeout: 60_000,
    keepAliveTimeout: 65_000, // longer than common load balancers' 60 s
  });
  server.setTimeout(0); // no inactivity timeout: upgraded WebSockets stay open
}

/**
 * HTTP/2's flow control starts at 64 KiB per stream and per connection (RFC
 * 9113 §6.9.2): every upload of the page (pictures to several nodes at once, a
 * firmware file) would share 64 KiB in flight, one round trip each, slow over a
 * site's WAN link. 1 MiB a stream and 16 MiB the connection, as browsers give
 * their side. Extended CONNECT stays off (see the top of the file).
 */
const H2_SETTINGS: http2.Settings = { initialWindowSize: 1024 * 1024, enableConnectProtocol: false };
const H2_CONNECTION_WINDOW = 16 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!fs.existsSync(path.join(options.root, 'index.html'))) {
    throw new Error(`No built console in ${options.root} (index.html is missing): run \`npm run build\`.`);
  }
  const nodes = options.nodes ?? (options.deviceUrl ? singleNode(options.deviceUrl) : null);
  if (!nodes) throw new Error('startServer needs nodes or a deviceUrl');
  const forwarder = createNodeRouter(nodes, { maxUploadBytes: options.maxUploadBytes, answerTimeoutMs: options.answerTimeoutMs });
  const device = forwarder.first.device;
  const serveStatic = createStatic(options.root);

  const onRequest: http.RequestListener = (req, res) => {
    setSecurityHeaders(req, res);
    const verdict = checkPath(req.url ?? '/');
    if (!verdict.ok) {
      refuse(res, verdict.status, verdict.status === 404 ? 'Not found.' : 'Bad request path.');
      return;
    }
    if (verdict.path === '/healthz') {
      void health(forwarder).then((body) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(body));
      });
      return;
    }
    if (forwarder.web(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      refuse(res, 405, 'Method not allowed.');
      return;
    }
    serveStatic(req, res, verdict.path);
  };
  // Upgraded sockets leave the server's bookkeeping: close() ends them itself.
  const sockets = new Set<Duplex>();
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const verdict = checkPath(req.url ?? '/');
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return;
    }
    if (!forwarder.upgrade(req, socket, head)) refuseUpgrade(socket, 404, 'no WebSocket here');
  };

  // Node's compatibility API hands HTTP/2 streams as request/response objects
  // shaped like http's (its stated purpose), so the handlers above serve both.
  // What differs is handled where it matters: the host is :authority
  // (headers.ts requestHost), an answer carries no connection headers
  // (forward.ts), and http-proxy-3 takes such requests itself (it reads
  // :authority and drops the pseudo-headers before forwarding).
  const server = options.tls
    ? http2.createSecureServer(
        { cert: options.tls.cert, key: options.tls.key, allowHTTP1: true, settings: H2_SETTINGS },
        onRequest as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void,
      )
    : http.createServer(onRequest);
  tune(server);
  server.on('upgrade', onUpgrade);
  // HTTP/2 sessions only (the http server never emits it). Once the session is set up: before, the call throws.
  server.on('session', (session: http2.ServerHttp2Session) => {
    session.once('localSettings', () => session.setLocalWindowSize(H2_CONNECTION_WINDOW));
  });
  // The HTTP/2 server has no closeAllConnections: its sockets are kept here for close().
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  await listen(server, options.port, options.host);
  const scheme = options.tls ? 'https' : 'http';
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  let redirect: http.Server | null = null;
  if (options.tls && options.redirectPort != null) {
    redirect = http.createServer((req, res) => {
      // The Host the browser used, with the HTTPS port: only a plain host name or address goes into Location.
      const hostname = (requestHost(req) ?? '').replace(/:\d+$/, '');
      const safe = /^[A-Za-z0-9.\-[\]:]+$/.test(hostname) ? hostname : shownHost;
      const target = `https://${safe}${port === 443 ? '' : `:${port}`}${(req.url ?? '/').startsWith('/') ? req.url : '/'}`;
      res.writeHead(308, { Location: target, 'Cache-Control': 'no-store' });
      res.end();
    });
    tune(redirect);
    await listen(redirect, options.redirectPort, options.host);
  }
  const redirectUrl = redirect ? `http://${shownHost}:${(redirect.address() as AddressInfo).port}` : null;

  return {
    url,
    redirectUrl,
    device,
    router: forwarder,
    async close() {
      forwarder.close();
      for (const socket of sockets) socket.destroy();
      for (const socket of connections) socket.destroy();
      redirect?.closeAllConnections();
      for (const s of [server, redirect]) {
        if (!s) continue;
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
  };
}

function listen(server: NetServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Up means this answer; the nodes' reachability is said, not required (a
 * monitor tells the two apart). `device` is the first node, as before issue 17;
 * `nodes` all of them, probed at once.
 */
async function health(router: NodeRouter) {
  const nodes = await router.health();
  const { url, reachable, ms } = nodes[0]!;
  return { ok: true, device: { url, reachable, ms }, nodes };
}
