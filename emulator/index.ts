// startEmulator: the whole device in one call, for the CLI, `npm start`, the
// tests and the benchmarks.
import fs from 'node:fs';
import { createContext, DEFAULT_OPTIONS, type EmulatorContext, type EmulatorOptions } from './context';
import { seedDemo } from './demo/seed';
import { createFaceEngine } from './faces/engine';
import type { FaceEngine } from './faces/types';
import { startServer, type RunningServer } from './server';

export interface Emulator {
  url: string;
  port: number;
  ctx: EmulatorContext;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startEmulator(
  partial: Partial<EmulatorOptions> = {},
  deps: { engine?: FaceEngine } = {},
): Promise<Emulator> {
  const options: EmulatorOptions = { ...DEFAULT_OPTIONS, ...partial };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const engine = deps.engine ?? createFaceEngine();
  const ctx = createContext(options, engine);
  const fresh = !ctx.config.has('seeded');
  if (fresh) {
    if (options.demo) await seedDemo(ctx);
    ctx.config.set('seeded', { demo: options.demo, at: ctx.clock.format() });
  }
  const server = await startServer(ctx);
  return {
    url: server.url,
    port: server.port,
    ctx,
    server,
    close: async () => {
      await server.close();
      ctx.db.close();
      if (!deps.engine) await engine.close();
    },
  };
}
