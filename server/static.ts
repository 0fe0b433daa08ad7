// The built console, served the way production servers serve a Vite build.
//
// sirv: small, maintained, no dependencies beyond three tiny ones (bundles into
// dist/server.mjs), and it serves the .br/.gz files written at build time when
// the browser accepts them, with Vary and ETag; express.static/serve-static
// would pull in a framework's worth of modules and compress nothing ahead.
import type http from 'node:http';
import sirv from 'sirv';
import { refuse } from './forward.ts';

/** Vite's hashed output: the name changes with the content, so it can be kept a year. */
const HASHED = /^\/assets\//;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else, index.html first: always asked again (a new build shows at once). */
export const REVALIDATE = 'no-cache';

/** Files in dist/ that are not the console's. */
const NOT_SERVED = /^\/(server\.mjs|server\.mjs\.map)$/;

export function createStatic(root: string) {
  const serve = sirv(root, {
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
    dotfiles: false,
    // Only for `/` → index.html; deep links go through the fallback below.
    extensions: ['html'],
  });

  /** A deep link (a route of the console) gets index.html; an asset, /api or /ws that is missing, a 404. */
  const isDeepLink = (req: http.IncomingMessage, path: string) =>
    (req.method === 'GET' || req.method === 'HEAD') &&
    !/^\/(api|ws|assets)(\/|$)/.test(path) &&
    !/\.[A-Za-z0-9]+$/.test(path) &&
    path !== '/healthz' &&
    (req.headers.accept ?? '*/*').match(/text\/html|\*\/\*/) !== null;

  return (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    if (NOT_SERVED.test(path)) {
      refuse(res, 404, 'Not found.');
      return;
    }
    res.setHeader('Cache-Control', HASHED.test(path) ? IMMUTABLE : REVALIDATE);
    serve(req, res, () => {
      if (!isDeepLink(req, path)) {
        refuse(res, 404, 'Not found.');
        return;
      }
      req.url = '/index.html';
      res.setHeader('Cache-Control', REVALIDATE);
      serve(req, res, () => refuse(res, 404, 'Not found (no index.html in the build).'));
    });
  };
}
