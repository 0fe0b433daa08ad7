// npm run bench:push [-- --seconds 20 --soak-minutes 10]
// The push rate the emulator sustains to 1 and to 10 WebSocket subscribers with
// the real face engine: captures per second, median and p99 capture-to-send
// latency (inside the emulator: from the capture's start to the socket send),
// messages the subscribers received per second, and memory after a soak at
// 200 captures per second. Subscribers run in a worker thread, so reading 10
// sockets does not slow the emulator's own loop. Loopback only, bounded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createClient } from '../src/api/client';
import { addCamera, createLibrary, enrolFace, getWsKey, login, setStorage } from '../src/api/protocol';
import { loadFacePool } from '../emulator/faces/pool';
import { startEmulator } from '../emulator/index';

const { values } = parseArgs({
  options: { seconds: { type: 'string' }, 'soak-minutes': { type: 'string' } },
});
const phaseSeconds = Number(values.seconds ?? 20);
const soakMinutes = Number(values['soak-minutes'] ?? 10);

const SUBSCRIBER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
let received = 0, bytes = 0;
const sockets = [];
for (let i = 0; i < workerData.count; i++) {
  const ws = new WebSocket(workerData.url);
  ws.on('open', () => ws.send(JSON.stringify({ key: workerData.key, msg_id: '776' })));
  ws.on('message', (m) => { received++; bytes += m.length; });
  sockets.push(ws);
}
parentPort.on('message', (cmd) => {
  if (cmd === 'count') parentPort.postMessage({ received, bytes });
  if (cmd === 'close') { sockets.forEach((s) => s.terminate()); parentPort.postMessage('closed'); }
});
`;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-push-'));
const emulator = await startEmulator({ port: 0, dataDir, quiet: true, model: 'm8s', maxStorageMb: 1024, rate: 0 });
let session: string | null = null;
const call = createClient({ baseUrl: emulator.url, getSession: () => session });
session = await call(login, { user_name: 'admin', user_pwd: 'Admin@12345' });

console.log('Preparing: face pool, a library, 8 cameras, scenes (real engine)…');
const t0 = performance.now();
const pool = await loadFacePool(emulator.ctx.engine);
const { lib_id } = await call(createLibrary, { lib_name: 'bench', lib_type: 1 });
for (const [i, face] of pool.slice(0, 10).entries()) {
  await call(enrolFace, { lib_id, img_id: `p${i}`, img: new File([new Uint8Array(face.jpeg)], `p${i}.jpg`) });
}
for (let i = 0; i < 8; i++) {
  await call(addCamera, {
    camera_mode: 'VIDEO',
    protocol: 'rtsp',
    url: `rtsp://127.0.0.1:554/cam${i}`,
    camera_name: `cam ${i + 1}`,
    threshold: 88,
    snap_mode: 3,
    lib_ids: String(lib_id),
  });
}
await call(setStorage, { storage_strategy: 1 });
await emulator.prepareScenes();
console.log(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${emulator.pipeline.counts.scenes} scenes\n`);
const { key } = await call(getWsKey, {});
const wsPath = createRequire(import.meta.url).resolve('ws');

async function subscribers(count: number) {
  const worker = new Worker(SUBSCRIBER_WORKER, {
    eval: true,
    workerData: { url: `${emulator.url.replace(/^http/, 'ws')}/ws/`, key, count, wsPath },
  });
  await new Promise((r) => setTimeout(r, 500));
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      worker.once('message', (m: T) => resolve(m));
      worker.postMessage(cmd);
    });
  return {
    count: () => ask<{ received: number; bytes: number }>('count'),
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

async function phase(subs: number, rate: number, seconds: number) {
  const client = await subscribers(subs);
  const latencies: number[] = [];
  emulator.pipeline.onSent = (_id, startedAt) => latencies.push(performance.now() - startedAt);
  const before = emulator.pipeline.counts.captures;
  const dropsBefore = emulator.hub.stats().dropped;
  const rx0 = await client.count();
  const start = performance.now();
  await emulator.setRate(rate);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await emulator.setRate(0);
  const elapsed = (performance.now() - start) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const rx1 = await client.count();
  await client.close();
  emulator.pipeline.onSent = null;
  latencies.sort((a, b) => a - b);
  return {
    subs,
    rate,
    captures: (emulator.pipeline.counts.captures - before) / elapsed,
    median: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    received: (rx1.received - rx0.received) / elapsed,
    mbps: (rx1.bytes - rx0.bytes) / elapsed / 1024 / 1024,
    dropped: emulator.hub.stats().dropped - dropsBefore,
  };
}

const rows = [];
for (const subs of [1, 10]) {
  for (const rate of [200, 1000]) {
    process.stdout.write(`  ${subs} subscriber(s), asking ${rate}/s for ${phaseSeconds} s… `);
    const r = await phase(subs, rate, phaseSeconds);
    rows.push(r);
    console.log('done');
  }
}
console.log('\nPush rate (real engine; captures = face snapshots stored and pushed):');
console.log('subscribers | asked/s | captures/s | send latency median / p99 | received msg/s (all subs) | MB/s out | dropped');
for (const r of rows) {
  console.log(
    `${String(r.subs).padStart(11)} | ${String(r.rate).padStart(7)} | ${r.captures.toFixed(0).padStart(10)} | ` +
      `${r.median.toFixed(2)} ms / ${r.p99.toFixed(2)} ms`.padStart(25) +
      ` | ${r.received.toFixed(0).padStart(25)} | ${r.mbps.toFixed(1).padStart(8)} | ${r.dropped}`,
  );
}

if (soakMinutes > 0) {
  console.log(`\nSoak: 200 captures/s to 10 subscribers for ${soakMinutes} min…`);
  const mem0 = process.memoryUsage();
  const soak = await phase(10, 200, soakMinutes * 60);
  global.gc?.();
  const mem1 = process.memoryUsage();
  console.log(
    `  captures/s ${soak.captures.toFixed(0)}, latency median ${soak.median.toFixed(2)} ms, p99 ${soak.p99.toFixed(2)} ms, dropped ${soak.dropped}`,
  );
  console.log(`  memory: rss ${mb(mem0.rss)} → ${mb(mem1.rss)}, heap used ${mb(mem0.heapUsed)} → ${mb(mem1.heapUsed)}`);
  console.log(`  stored records kept within --storage-mb by the overwrite policy: overwritten ${emulator.pipeline.counts.overwritten}`);
}

await emulator.close();
fs.rmSync(dataDir, { recursive: true, force: true });
