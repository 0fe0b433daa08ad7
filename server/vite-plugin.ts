// The device forwarding of server/router.ts (each node through server/forward.ts)
// in Vite's dev and preview servers, so `npm start` and the production server
// forward, follow each node (§8.4), list the nodes (/console/nodes) and refuse
// the fault endpoints' spellings with the same code.
import type http from 'node:http';
import type { Plugin } from 'vite';
import { nodesFromEnv, singleNode, type NodeSpec } from './nodes.ts';
import { createNodeRouter } from './router.ts';

/** A device URL (one node "default"), a node list, or by default the environment (NODES_FILE, else DEVICE_URL). */
export function deviceProxyPlugin(target?: string | NodeSpec[]): Plugin {
  const attach = (
    middlewares: { use(fn: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void): unknown },
    httpServer: http.Server | import('node:http2').Http2SecureServer | null,
  ) => {
    // Read when a server starts, not when the config loads: a bad NODES_FILE stops `vite` with its message.
    const nodes = typeof target === 'string' ? singleNode(target) : (target ?? nodesFromEnv());
    const router = createNodeRouter(nodes);
    middlewares.use((req, res, next) => {
      if (!router.web(req, res)) next();
    });
    // Vite's own HMR socket is not under /ws, /api or /node: the router leaves it alone.
    httpServer?.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
      router.upgrade(req, socket, head);
    });
    httpServer?.on('close', () => router.close());
  };
  return {
    name: 'nebula-device-proxy',
    configureServer(server) {
      attach(server.middlewares, server.httpServer);
    },
    configurePreviewServer(server) {
      attach(server.middlewares, server.httpServer);
    },
  };
}
