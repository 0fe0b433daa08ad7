// `vite build` also writes what a site needs besides the console's files:
// - dist/server.mjs, the production server bundled with esbuild into one file
//   (http-proxy-3 and sirv included; only Node's own modules outside), so a site
//   copies dist/ and runs `node server.mjs`: no npm ci, no native modules;
// - a .br and a .gz beside every compressible file, made once at the best
//   levels, which the server (and nginx's gzip_static/brotli_static) sends to
//   browsers that accept them, instead of compressing on every request.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|wasm|webmanifest)$/;
const SERVER_FILE = 'server.mjs';

export async function bundleServer(outDir: string, root: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'server/main.ts')],
    outfile: path.join(outDir, SERVER_FILE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'eof',
    // CommonJS inside the bundle (http-proxy-3 and its dependencies) calls require() for Node's modules.
    banner: { js: "import { createRequire as __nebulaRequire } from 'node:module';\nconst require = __nebulaRequire(import.meta.url);" },
  });
}

/** Writes x.br and x.gz beside each compressible file of dir that they make smaller. */
export async function precompress(dir: string): Promise<void> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(full);
      } else if (COMPRESSIBLE.test(entry.name) && entry.name !== SERVER_FILE) files.push(full);
    }
  };
  walk(dir);
  await Promise.all(
    files.map(async (file) => {
      const raw = await fs.promises.readFile(file);
      if (raw.length < 512) return;
      const [br, gz] = await Promise.all([
        brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gzip(raw, { level: 9 }),
      ]);
      if (br.length < raw.length) await fs.promises.writeFile(`${file}.br`, br);
      if (gz.length < raw.length) await fs.promises.writeFile(`${file}.gz`, gz);
    }),
  );
}

export function serverBuildPlugin(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'nebula-server-build',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompress(outDir);
      await bundleServer(outDir, root);
    },
  };
}
