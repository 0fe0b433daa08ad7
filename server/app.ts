// The production server: the built console, the device forwarding shared with
// Vite's dev server, /healthz, optional TLS with plain HTTP redirected.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import type { DeviceTarget } from './device.ts';
import { refuse, refuseUpgrade } from './forward.ts';
import { setSecurityHeaders } from './headers.ts';
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
  /** PEM text; both or neither. With them the server speaks HTTPS. */
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

/** Node's defaults end a request after 5 minutes and sockets idle for 5 s; a firmware upload and a push socket open all day need otherwise. */
function tune(server: http.Server) {
  server.requestTimeout = 60 * 60_000; // a large upload over a slow site link
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000; // longer than common load balancers' 60 s
  server.timeout = 0; // no inactivity timeout: upgraded WebSockets stay open
}

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

  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : http.createServer(onRequest);
  tune(server);
  server.on('upgrade', onUpgrade);
  await listen(server, options.port, options.host);
  const scheme = options.tls ? 'https' : 'http';
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  let redirect: http.Server | null = null;
  if (options.tls && options.redirectPort != null) {
    redirect = http.createServer((req, res) => {
      // The Host the browser used, with the HTTPS port: only a plain host name or address goes into Location.
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
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
      for (const s of [server, redirect]) {
        if (!s) continue;
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
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
