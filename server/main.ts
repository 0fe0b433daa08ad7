// node dist/server.mjs — the console on a site: the built console and the
// device forwarding in one file that needs only Node 20 (no npm ci). Settings
// come from the environment; `--help` lists them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type ServerOptions } from './app.ts';
import { DEFAULT_ANSWER_TIMEOUT_MS, DEFAULT_MAX_UPLOAD_BYTES } from './forward.ts';
import { nodesFromEnv, NodesFileError } from './nodes.ts';

const HELP = `SenseNebula-M console server

  node server.mjs            (from the dist/ folder; npm run serve in the repo)

Settings, from the environment:
  HOST           address to listen on (default 0.0.0.0: every interface, so
                 tablets and PCs on the LAN reach it; 127.0.0.1 for this machine only)
  PORT           port (default 8080; with TLS 8443); 0 picks a free one
  DEVICE_URL     the node, e.g. http://192.168.1.20 (default http://127.0.0.1:8480,
                 the emulator); followed between http and https (§8.4), its
                 self-signed certificate accepted
  NODES_FILE     many nodes instead: a JSON file {"nodes":[{"id":"gate-a","name":"Gate A",
                 "url":"http://10.0.0.5","site":"North campus"}, ...]} (docs/fleet.md);
                 each node under /node/<id>/api and /node/<id>/ws, the first also
                 at /api and /ws; GET /console/nodes lists them. Wins over DEVICE_URL.
  TLS_CERT       PEM certificate file  } both: HTTPS on PORT, and plain HTTP on
  TLS_KEY        PEM private key file  } HTTP_PORT redirected to it
  HTTP_PORT      with TLS, the redirecting plain HTTP port (default 8080; "off": none)
  MAX_UPLOAD_MB  largest request body forwarded to the node (default ${DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024}; firmware is large)
  ANSWER_TIMEOUT_S  how long a forwarded request waits for the node (default ${DEFAULT_ANSWER_TIMEOUT_MS / 1000});
                 the WebSocket push has no idle timeout
  CONSOLE_ROOT   the built console (default: the folder this file is in)

GET /healthz answers {"ok":true,"device":{"reachable":...},"nodes":[...]} while the server is up.
`;

function fail(message: string): never {
  console.error(`server: ${message}`);
  process.exit(2);
}

function number(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number, not "${raw}"`);
  return n;
}

function nodes() {
  try {
    return nodesFromEnv();
  } catch (e) {
    if (e instanceof NodesFileError) fail(e.message);
    throw e;
  }
}

export function optionsFromEnv(here: string): ServerOptions {
  const certFile = process.env.TLS_CERT?.trim();
  const keyFile = process.env.TLS_KEY?.trim();
  if (Boolean(certFile) !== Boolean(keyFile)) fail('TLS_CERT and TLS_KEY go together');
  const read = (f: string) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch (e) {
      return fail(`cannot read ${f}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const tls = certFile && keyFile ? { cert: read(certFile), key: read(keyFile) } : undefined;
  const httpPort = process.env.HTTP_PORT?.trim();
  return {
    root: process.env.CONSOLE_ROOT?.trim() || here,
    nodes: nodes(),
    host: process.env.HOST?.trim() || '0.0.0.0',
    port: number('PORT', tls ? 8443 : 8080),
    tls,
    redirectPort: !tls || httpPort === 'off' ? null : number('HTTP_PORT', 8080),
    maxUploadBytes: number('MAX_UPLOAD_MB', DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024) * 1024 * 1024,
    answerTimeoutMs: number('ANSWER_TIMEOUT_S', DEFAULT_ANSWER_TIMEOUT_MS / 1000) * 1000,
  };
}

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options = optionsFromEnv(here);
  const server = await startServer(options).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
  const lan = options.host === '0.0.0.0' || options.host === '::';
  // One write (the tests read it whole); the first line's form is read by e2e/console-server.ts.
  const lines = [
    `CONSOLE_URL=${server.url}`,
    lan
      ? `Listening on every interface (HOST=${options.host}): reachable from the LAN at this machine's addresses. HOST=127.0.0.1 keeps it to this machine.`
      : `Listening on ${options.host} only (HOST). HOST=0.0.0.0 opens it to the LAN.`,
    ...(server.redirectUrl ? [`Plain HTTP at ${server.redirectUrl} redirects to HTTPS.`] : []),
    ...(options.nodes!.length === 1 && !process.env.NODES_FILE?.trim()
      ? [`Device: ${options.nodes![0]!.url}`]
      : [
          `Nodes (${options.nodes!.length}, from NODES_FILE${process.env.DEVICE_URL?.trim() ? '; DEVICE_URL is ignored' : ''}):`,
          ...options.nodes!.map((n) => `  ${n.id}  ${n.url}  ${n.name}${n.site ? ` (${n.site})` : ''}`),
        ]),
    `Console files: ${options.root}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
