// For tests: an emulator on a free port with a fresh data folder, and the
// console's own client logged in to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Call } from '../src/api/client';
import { login } from '../src/api/protocol';
import type { EmulatorOptions } from './context';
import type { FaceEngine } from './faces/types';
import { startEmulator, type Emulator } from './index';

export interface TestDevice {
  emulator: Emulator;
  url: string;
  /** Logged in as admin. */
  call: Call;
  /** Not logged in: for session tests. */
  anonymous: Call;
  session: () => string | null;
  close(): Promise<void>;
}

export async function startTestDevice(
  options: Partial<EmulatorOptions> = {},
  deps: { engine?: FaceEngine } = {},
): Promise<TestDevice> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-emu-'));
  const emulator = await startEmulator({ port: 0, dataDir, quiet: true, demoRecords: 0, rate: 0, ...options }, deps);
  let session: string | null = null;
  const call = createClient({ baseUrl: emulator.url, getSession: () => session });
  const anonymous = createClient({ baseUrl: emulator.url, getSession: () => null });
  session = await call(login, { user_name: emulator.ctx.options.user, user_pwd: emulator.ctx.options.password });
  return {
    emulator,
    url: emulator.url,
    call,
    anonymous,
    session: () => session,
    close: async () => {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
