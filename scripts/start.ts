// npm start: the embedded emulator with demo data, and the console's dev
// server proxied to it. With DEVICE_URL set, only the console, proxied to
// that device instead.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { deviceUrl, EMULATOR_DEFAULT_URL } from '../proxy.config';

const external = Boolean(process.env.DEVICE_URL?.trim());
let emulatorProcess: ReturnType<typeof spawn> | null = null;

if (!external) {
  const port = new URL(EMULATOR_DEFAULT_URL).port;
  emulatorProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/cli.ts', '--port', port, '--data', '.data/emulator', '--demo', ...process.argv.slice(2)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    emulatorProcess!.once('exit', (code) => reject(new Error(`the emulator stopped (exit ${code})`)));
    emulatorProcess!.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      if (text.includes('EMULATOR_URL=')) resolve();
    });
  });
}

const server = await createServer({ server: { open: false } });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log('');
console.log(`Console:  ${url}`);
console.log(`Device:   ${deviceUrl()}${external ? '' : ' (embedded emulator, demo data in .data/emulator)'}`);
// Never the password itself (a banner ends up in logs and screen shares): README gives the demo's.
if (!external) console.log('Login:    admin, with the demo password (README, "Two commands")');
console.log('Stop with Ctrl+C.');

const stop = async () => {
  await server.close();
  emulatorProcess?.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
