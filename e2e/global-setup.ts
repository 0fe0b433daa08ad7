// One emulator (fresh data folder, free port, demo data) and the production
// server as it ships (dist/server.mjs, its own process), for the whole run:
// what is tested is what a site runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testCacheDir } from '../emulator/faces/paths';
import { startEmulator } from '../emulator/index';
import { findChromium } from '../scripts/chromium';
import { spawnConsoleServer } from './console-server';

export default async function globalSetup() {
  if (!findChromium()) {
    throw new Error("No Chromium found: run `npm test` (it installs Debian's chromium) or set CHROMIUM_PATH.");
  }
  // E2E_DIST lets parallel runs use their own build folder.
  const outDir = path.resolve(process.env.E2E_DIST ?? 'dist');
  if (!fs.existsSync(path.join(outDir, 'index.html')) || !fs.existsSync(path.join(outDir, 'server.mjs'))) {
    throw new Error(`No production build in ${outDir}/: run \`npm run build\` first (npm test does it).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-'));
  // The demo's analyses are kept between runs (the data folder is fresh each time).
  const emulator = await startEmulator({ port: 0, dataDir, demo: true, quiet: true, demoRecords: 3000, rate: 0, cacheDir: testCacheDir() });
  process.env.EMULATOR_URL = emulator.url;
  // The fault routes' header (emulator/faults.ts), for the specs' page objects.
  process.env.EMULATOR_TOKEN = emulator.faultToken;
  process.env.DEVICE_URL = emulator.url;
  const server = await spawnConsoleServer(outDir, { DEVICE_URL: emulator.url });
  process.env.CONSOLE_URL = server.url;
  return async () => {
    await server.close();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
