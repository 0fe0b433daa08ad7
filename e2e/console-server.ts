// Runs the built production server (dist/server.mjs) as a site runs it: its
// own Node process, settings from the environment, the URL read from what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedServer {
  url: string;
  /** The server's process (bench/fleet.ts reads its CPU time). */
  pid: number | undefined;
  /** Everything it printed so far. */
  output: () => string;
  close: () => Promise<void>;
}

export function spawnConsoleServer(dir: string, env: NodeJS.ProcessEnv): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(dir, 'server.mjs')], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server.mjs stopped (exit ${code}):\n${text}`));
    child.once('exit', onExit);
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /^CONSOLE_URL=(\S+)$/m.exec(text);
      // The server says everything in one write, ending with where its files are.
      if (!m || !/^Console files: .*$/m.test(text)) return;
      child.off('exit', onExit);
      resolve({
        url: m[1]!,
        pid: child.pid,
        output: () => text,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
