// Finds Debian's Chromium for Playwright (Playwright cannot download its own
// browsers here), installing it with apt-get when we are root and it is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function ensureChromium(log: (m: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    log("Chromium not found: installing Debian's chromium with apt-get (one time)…");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      /* reported below */
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'No Chromium found for the end-to-end tests.',
      `Looked for: ${CANDIDATES.join(', ')} (or $CHROMIUM_PATH).`,
      isRoot
        ? "apt-get install -y chromium did not succeed: check that Debian's package mirror is reachable."
        : 'Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary).',
      "Playwright's own browser download does not work on this network, so it is not used.",
    ].join('\n'),
  );
}

/** The flags Chromium needs here: headless as root, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
