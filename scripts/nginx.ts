// Debian's nginx for the spec that runs the console through the shipped
// deploy/nginx.conf: installed with apt-get when missing and we are root, as
// scripts/chromium.ts does for Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function findNginx(): string | null {
  for (const p of [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx']) if (p && fs.existsSync(p)) return p;
  return null;
}

/** The nginx binary, or null with a line saying what to install (the spec then says so too). */
export function ensureNginx(log: (m: string) => void = console.log): string | null {
  const found = findNginx();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    log("nginx not found: installing Debian's nginx with apt-get (one time, for the deploy/nginx.conf spec)…");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      // The package's own service is not needed: the spec runs nginx with a config of its own.
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      /* reported below */
    }
    const installed = findNginx();
    if (installed) return installed;
  }
  log(
    isRoot
      ? 'apt-get install -y nginx did not succeed: the nginx spec will fail (check the package mirror).'
      : 'nginx is missing: sudo apt-get install -y nginx (or NGINX_PATH); without it the nginx spec is skipped locally and fails in CI.',
  );
  return null;
}
