// npm start: the embedded emulator with demo data, and the console's dev
// server proxied to it. With DEVICE_URL set, only the console, proxied to
// that device instead. With --nodes N (issue 17): a demo fleet of N emulators
// (ports 8481…, data in .data/fleet/<id>), a nodes file for them, and the
// console with NODES_FILE. Other arguments go to the emulator(s).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { fleetPlan } from '../emulator/fleet';
import { deviceUrl, EMULATOR_DEFAULT_URL } from '../proxy.config';

const FLEET_DIR = '.data/fleet';
const FLEET_FIRST_PORT = 8481;

const { values, tokens } = parseArgs({
  options: {
    nodes: { type: 'string' },
    'first-port': { type: 'string' },
    'console-port': { type: 'string' },
  },
  strict: false,
  tokens: true,
});
// What is not ours goes to the emulator(s), as written.
const ours = new Set(['nodes', 'first-port', 'console-port']);
const passOn: string[] = [];
for (const t of tokens) {
  if (t.kind === 'option' && ours.has(t.name)) continue;
  if (t.kind === 'option') passOn.push(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName);
  else if (t.kind === 'positional') passOn.push(t.value);
}
const whole = (name: string, v: string | boolean | undefined, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} takes a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
};
const nodeCount = whole('nodes', values.nodes, 1, 64);
const firstPort = whole('first-port', values['first-port'], 1, 65535 - 64) ?? FLEET_FIRST_PORT;
const consolePort = whole('console-port', values['console-port'], 0, 65535);

// Your own node(s): DEVICE_URL, or NODES_FILE (which wins, server/nodes.ts).
const external = Boolean(process.env.DEVICE_URL?.trim() || process.env.NODES_FILE?.trim()) && nodeCount === undefined;
const emulators: Array<ReturnType<typeof spawn>> = [];

/** One emulator process; resolves with its URL once it listens. */
function startEmulatorProcess(args: string[], label: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args, ...passOn], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  emulators.push(child);
  return new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the emulator${label} stopped (exit ${code})`)));
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(label ? text.replace(/^(?=.)/gm, `[${label.trim()}] `) : text);
      seen += text;
      const m = /^EMULATOR_URL=(\S+)$/m.exec(seen);
      if (m) resolve(m[1]!);
    });
  });
}

let fleetNodes: Array<{ id: string; name: string; url: string; site: string }> = [];
if (nodeCount !== undefined) {
  const plan = fleetPlan(nodeCount);
  const urls = await Promise.all(
    plan.map((n, i) =>
      startEmulatorProcess(
        [
          '--port',
          String(firstPort + i),
          '--data',
          path.join(FLEET_DIR, n.id),
          '--demo',
          '--model',
          n.model,
          '--seed',
          String(n.seed),
          '--device-id',
          n.deviceId,
        ],
        ` ${n.id}`,
      ),
    ),
  );
  fleetNodes = plan.map((n, i) => ({ id: n.id, name: n.name, url: urls[i]!, site: n.site }));
  const nodesFile = path.resolve(FLEET_DIR, 'nodes.json');
  fs.writeFileSync(nodesFile, `${JSON.stringify({ nodes: fleetNodes }, null, 2)}\n`);
  // Read by the dev server's forwarding (server/vite-plugin.ts) when it starts, below.
  process.env.NODES_FILE = nodesFile;
} else if (!external) {
  const port = new URL(EMULATOR_DEFAULT_URL).port;
  await startEmulatorProcess(['--port', port, '--data', '.data/emulator', '--demo'], '');
}

const server = await createServer({ server: { open: false, ...(consolePort !== undefined ? { port: consolePort } : {}) } });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log('');
console.log(`Console:  ${url}`);
if (nodeCount !== undefined) {
  console.log(`Nodes:    ${nodeCount} emulators, listed in ${process.env.NODES_FILE} (data in ${FLEET_DIR}/<id>)`);
  for (const n of fleetNodes) console.log(`  ${n.id.padEnd(8)} ${n.url}  ${n.name} (${n.site})`);
} else {
  const file = process.env.NODES_FILE?.trim();
  console.log(
    file ? `Nodes:    listed in ${file}` : `Device:   ${deviceUrl()}${external ? '' : ' (embedded emulator, demo data in .data/emulator)'}`,
  );
}
// Never the password itself (a banner ends up in logs and screen shares): README gives the demo's.
if (!external) console.log('Login:    admin, with the demo password (README, "Two commands")');
console.log('Stop with Ctrl+C.');

const stop = async () => {
  await server.close();
  for (const e of emulators) e.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
