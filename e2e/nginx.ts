// Runs Debian's nginx with the shipped example (deploy/nginx.conf), its three
// marked lines pointed at this build, a free port and the test's device.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findNginx } from '../scripts/nginx';

export { findNginx };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The example with its CHANGE lines set; throws when one is not found (the example changed shape). */
export function siteConfig(example: string, o: { port: number; root: string; device: string }): string {
  const swap = (re: RegExp, to: string) => {
    if (!re.test(example)) throw new Error(`deploy/nginx.conf: no line matching ${re}`);
    example = example.replace(re, to);
  };
  swap(/server \S+;(\s+# CHANGE: the node)/, `server ${o.device};$1`);
  swap(/listen \S+;(\s+# CHANGE: the port)/, `listen 127.0.0.1:${o.port};$1`);
  swap(/root \S+;(\s+# CHANGE: the dist)/, `root ${o.root};$1`);
  return example;
}

export async function startNginx(o: { root: string; device: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is missing: npm test installs it (apt-get install nginx) when run as root');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-nginx-'));
  const port = await freePort();
  const site = siteConfig(fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8'), { port, root: o.root, device: o.device });
  const mime = ['/etc/nginx/mime.types'].find((f) => fs.existsSync(f));
  // The wrapper Debian's /etc/nginx/nginx.conf would be, in a folder of the test's own.
  const conf = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  ${mime ? `include ${mime};` : 'types { text/html html; text/javascript js; text/css css; image/svg+xml svg; }'}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
  include ${prefix}/site.conf;
}
`;
  fs.writeFileSync(path.join(prefix, 'site.conf'), site);
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const check = spawnSync(nginx, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  // nginx writes its pid file after it has bound its port: that file appearing is "ready".
  const pidFile = path.join(prefix, 'nginx.pid');
  let watcher: fs.FSWatcher | undefined;
  const appeared = new Promise<void>((resolve) => {
    watcher = fs.watch(prefix, () => {
      if (fs.existsSync(pidFile)) resolve();
    });
  });
  const child = spawn(nginx, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  const stopped = new Promise<never>((_, reject) =>
    child.once('exit', (code) => {
      let log = '';
      try {
        log = fs.readFileSync(path.join(prefix, 'error.log'), 'utf8');
      } catch {
        /* already cleaned up */
      }
      reject(new Error(`nginx stopped (exit ${code}): ${log}`));
    }),
  );
  const ready = Promise.race([appeared, stopped]).finally(() => watcher?.close());
  await ready;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          fs.rmSync(prefix, { recursive: true, force: true });
          resolve();
        });
        // Fast shutdown: a graceful one (SIGQUIT) waits for the page's WebSocket to end.
        child.kill('SIGTERM');
      }),
  };
}
