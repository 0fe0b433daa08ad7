// One emulator (fresh data folder, free port, demo data) and the production
// build served by `vite preview` through proxy.config.ts, for the whole run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { testCacheDir } from '../emulator/faces/paths';
import { startEmulator } from '../emulator/index';
import { findChromium } from '../scripts/chromium';

export default async function globalSetup() {
  if (!findChromium()) {
    throw new Error('No Chromium found: run `npm test` (it installs Debian\'s chromium) or set CHROMIUM_PATH.');
  }
  // E2E_DIST lets parallel runs use their own build folder.
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!fs.existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`No production build in ${outDir}/: run \`npm run build\` first (npm test does it).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-'));
  // The demo's analyses are kept between runs (the data folder is fresh each time).
  const emulator = await startEmulator({ port: 0, dataDir, demo: true, quiet: true, demoRecords: 3000, rate: 0, cacheDir: testCacheDir() });
  process.env.EMULATOR_URL = emulator.url;
  // The fault routes' header (emulator/faults.ts), for the specs' page objects.
  process.env.EMULATOR_TOKEN = emulator.faultToken;
  process.env.DEVICE_URL = emulator.url;
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('vite preview did not say where it listens');
  process.env.CONSOLE_URL = url;
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
