// For tests: an emulator on a free port with a fresh data folder, and the
// console's own client logged in to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Call } from '../src/api/client';
import { login } from '../src/api/protocol';
import type { EmulatorOptions } from './context';
import { testCacheDir } from './faces/paths';
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

/** For tests that never ask the face engine anything (the live stream, the system settings). */
export const noEngine: FaceEngine = {
  analyse: () => Promise.reject(new Error('not used')),
  similarity: () => 0,
  ready: async () => {},
  close: async () => {},
};

export async function startTestDevice(options: Partial<EmulatorOptions> = {}, deps: { engine?: FaceEngine } = {}): Promise<TestDevice> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-emu-'));
  // The analyses of the tests' pictures are kept between runs (paths.ts: testCacheDir).
  const emulator = await startEmulator(
    { port: 0, dataDir, quiet: true, demoRecords: 0, rate: 0, cacheDir: testCacheDir(), ...options },
    deps,
  );
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

/** Posts a JSON body as it is, past the client (which would refuse a bad request itself); the envelope back. */
export async function rawJson(
  url: string,
  body: unknown,
  session: string | null = null,
): Promise<{ status: number; code: number; data: unknown }> {
  const res = await fetch(`${url}/api/json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(session ? { sessionid: session } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const env = (res.status === 200 ? JSON.parse(text) : { code: Number.NaN, data: text }) as { code: number; data: unknown };
  return { status: res.status, code: env.code, data: env.data };
}

/** Posts a form as it is (msg_id first, then the fields, then the files, in the order given). */
export async function rawForm(
  url: string,
  fields: Record<string, string>,
  files: Record<string, Blob & { name?: string }> = {},
  session: string | null = null,
): Promise<{ status: number; code: number }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, f, f.name ?? `${k}.jpg`);
  const res = await fetch(`${url}/api/form`, { method: 'POST', headers: session ? { sessionid: session } : {}, body: form });
  const env = (res.status === 200 ? await res.json() : { code: Number.NaN }) as { code: number };
  return { status: res.status, code: env.code };
}
