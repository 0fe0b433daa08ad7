// The device forwarding of server/forward.ts in Vite's dev and preview servers,
// so `npm start` and the production server forward, follow the device (§8.4)
// and refuse the fault endpoints' spellings with the same code.
import type http from 'node:http';
import type { Plugin } from 'vite';
import { deviceUrl } from './device.ts';
import { createForwarder, type Forwarder } from './forward.ts';

export function deviceProxyPlugin(target: string = deviceUrl()): Plugin {
  const attach = (
    middlewares: { use(fn: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void): unknown },
    httpServer: http.Server | import('node:http2').Http2SecureServer | null,
  ) => {
    const forwarder: Forwarder = createForwarder(target);
    middlewares.use((req, res, next) => {
      if (!forwarder.web(req, res)) next();
    });
    // Vite's own HMR socket is not under /ws or /api: the forwarder leaves it alone.
    httpServer?.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
      forwarder.upgrade(req, socket, head);
    });
    httpServer?.on('close', () => forwarder.close());
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
