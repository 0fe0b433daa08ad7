// npm run bench:distribute [-- --persons 1000 --targets 1,2,4 --dist dist --lock /work/wt/e2e.lock]
// Issue 18: persons per second distributed by the console's page (/distribute,
// in Chromium, through the production server) to 1, 2 and 4 nodes, against a
// bare script posting the same enrolments (1032 from the source once per
// person, 1051 to each target, the same requests in flight per node) straight
// to the same emulators; and the page's JS heap before and after the run.
//
// The emulators run in this process with one shared face engine (two cores):
// the source's persons share one picture (/__emulator/faces/fill), so each
// enrolment's analysis is a cache hit and the figure is the console's cost and
// the device's enrolment path, not the face model. "bare via server" sends the
// bare script's requests through the console's server (/node/<id>/…) as the
// page's go: page / bare-via-server is the page's own cost. Before each pass the target
// libraries are deleted and made again, so every pass enrols every person.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnConsoleServer } from '../e2e/console-server';
import { createFaceEngine } from '../emulator/faces/engine';
import { testCacheDir } from '../emulator/faces/paths';
import { loadFacePool } from '../emulator/faces/pool';
import { fleetPlan } from '../emulator/fleet';
import { startEmulator, type Emulator } from '../emulator/index';
import { findChromium } from '../scripts/chromium';
import { createClient, type Call } from '../src/api/client';
import {
  createLibrary,
  deleteLibrary,
  enrolFace,
  enrolFaceB64,
  getFace,
  listLibraries,
  login,
  queryFaces,
  type FaceRecord,
} from '../src/api/protocol';
import { PER_NODE_IN_FLIGHT } from '../src/features/distribute/model/scheduler';
import { launchCdp } from './cdp';

const { values } = parseArgs({
  options: {
    persons: { type: 'string' },
    targets: { type: 'string' },
    dist: { type: 'string' },
    lock: { type: 'string' },
  },
});
const persons = Number(values.persons ?? 1000);
const targetCounts = (values.targets ?? '1,2,4')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const maxTargets = Math.max(...targetCounts);
const dist = path.resolve(values.dist ?? 'dist');
const USER = 'admin';
const PASSWORD = 'Admin@12345';
const LIB = 'bench list';
const log = (m: string) => console.log(m);
const load = () => os.loadavg()[0]!.toFixed(1);

if (!fs.existsSync(path.join(dist, 'server.mjs'))) {
  console.error(`No ${dist}/server.mjs: run npx vite build first (or --dist DIR).`);
  process.exit(1);
}
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
  process.exit(1);
}

// ---- the fleet: node-1 the source, the others targets ------------------------------
const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'nebula-bench-distribute-'));
const cacheDir = testCacheDir();
const engine = createFaceEngine({ cacheDir: path.join(cacheDir, 'analyses') });
const pool = await loadFacePool(engine, undefined, { cacheDir });
const plan = fleetPlan(maxTargets + 1);
const emulators: Emulator[] = [];
const calls: Call[] = [];
for (const n of plan) {
  const emulator = await startEmulator(
    { port: 0, dataDir: path.join(root, n.id), cacheDir, quiet: true, rate: 0, model: n.model, deviceId: n.deviceId },
    { engine },
  );
  emulators.push(emulator);
  let session: string | null = null;
  const call = createClient({ baseUrl: emulator.url, getSession: () => session });
  session = await call(login, { user_name: USER, user_pwd: PASSWORD });
  calls.push(call);
}
const source = calls[0]!;
const { lib_id: srcLib } = await source(createLibrary, { lib_name: LIB, lib_type: 1 });
// One real enrolment for the fill to copy (its picture and descriptor).
await source(enrolFace, {
  lib_id: srcLib,
  img_id: 'seed',
  person_name: 'Seed',
  img: new File([new Uint8Array(pool[0]!.jpeg)], 'seed.jpg'),
});
const fill = await fetch(`${emulators[0]!.url}/__emulator/faces/fill`, {
  method: 'POST',
  headers: { 'X-Emulator-Token': emulators[0]!.faultToken, 'Content-Type': 'application/json' },
  body: JSON.stringify({ libId: srcLib, count: persons - 1, prefix: 'b' }),
});
if (!fill.ok) throw new Error(`fill: ${fill.status}`);
const people: FaceRecord[] = [];
for (let start = 1; ; start += 50) {
  const page = await source(queryFaces, { lib_id: srcLib, start_no: start, qry_len: 50 });
  people.push(...page.record);
  if (page.record.length < 50) break;
}
log(
  `Source: ${people.length} persons on ${plan[0]!.id}; targets up to ${maxTargets}; ${PER_NODE_IN_FLIGHT} requests in flight per node (page and bare alike).`,
);

/** Each target's library afresh: deleted with its faces, made again. Answers the new lib_ids. */
async function freshTargets(k: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= k; i++) {
    const call = calls[i]!;
    const old = (await call(listLibraries, {})).find((l) => l.lib_name === LIB);
    if (old) await call(deleteLibrary, { lib_id: old.lib_id });
    ids.push((await call(createLibrary, { lib_name: LIB, lib_type: 1 })).lib_id);
  }
  return ids;
}

// ---- the bare script ------------------------------------------------------------------
async function bare(k: number, via: Call[]): Promise<number> {
  const libs = await freshTargets(k);
  const source = via[0]!;
  const photos = new Map<string, Promise<string>>();
  const photo = (imgId: string) => {
    let p = photos.get(imgId);
    if (!p) photos.set(imgId, (p = source(getFace, { lib_id: srcLib, img_id: imgId }).then((f) => f.img)));
    return p;
  };
  const t0 = performance.now();
  await Promise.all(
    libs.map(async (libId, i) => {
      const call = via[i + 1]!;
      let next = 0;
      const worker = async () => {
        while (next < people.length) {
          const p = people[next++]!;
          const img = await photo(p.img_id);
          await call(enrolFaceB64, {
            lib_id: libId,
            img_id: p.img_id,
            person_name: p.person_name,
            person_idcard: p.person_idcard,
            person_gender: p.person_gender === '0' || p.person_gender === '1' ? p.person_gender : '',
            person_age: p.person_age,
            person_addr: p.person_addr,
            img: { filename: `${p.img_id}.jpg`, data: img },
          });
        }
      };
      await Promise.all(Array.from({ length: PER_NODE_IN_FLIGHT }, worker));
    }),
  );
  return (performance.now() - t0) / 1000;
}

// ---- the page ---------------------------------------------------------------------------
const nodesFile = path.join(root, 'nodes.json');
fs.writeFileSync(
  nodesFile,
  JSON.stringify({ nodes: plan.map((n, i) => ({ id: n.id, name: n.name, url: emulators[i]!.url, site: n.site })) }),
);
const server = await spawnConsoleServer(dist, { NODES_FILE: nodesFile });
/** The same nodes through the console's server (/node/<id>/…), as the page reaches them. */
const proxied: Call[] = [];
for (const n of plan) {
  let session: string | null = null;
  const call = createClient({ baseUrl: `${server.url}/node/${n.id}`, getSession: () => session });
  session = await call(login, { user_name: USER, user_pwd: PASSWORD });
  proxied.push(call);
}

async function holdLock(file: string): Promise<() => void> {
  const child = spawn('flock', [file, 'sh', '-c', 'echo locked; cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`flock ${file} stopped (exit ${code})`)));
    child.stdout!.once('data', () => resolve());
  });
  return () => child.stdin!.end();
}
let releaseLock = () => {};
if (values.lock) {
  log(`Waiting for the lock ${values.lock}…`);
  releaseLock = await holdLock(values.lock);
}
const browser = await launchCdp(chromiumPath);
const page = await browser.newPage(`${server.url}/login`, { width: 1440, height: 900 });
await page.waitFor(`document.querySelector('input[autocomplete=username]')`, 'the login form');
await page.type('input[autocomplete=username]', USER);
await page.type('input[autocomplete=current-password]', PASSWORD);
await page.evaluate(`document.querySelector('input[autocomplete=current-password]').form.requestSubmit()`);
await page.waitFor(`!location.pathname.startsWith('/login')`, 'the sign-in');

async function heapMb(): Promise<number> {
  await page.send('HeapProfiler.collectGarbage');
  return (await page.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
}
async function viaPage(k: number): Promise<{ seconds: number; heapBefore: number; heapAfter: number; failed: string }> {
  await freshTargets(k);
  const to = plan.slice(1, k + 1).map((n) => n.id);
  const url = `/distribute?src=${plan[0]!.id}&lib=${srcLib}&to=${to.join(',')}`;
  // In-app navigation keeps the tab's session; a full load each pass keeps passes apart.
  await page.send('Page.navigate', { url: server.url + url });
  await page.waitFor(
    `[...document.querySelectorAll('.distribute-summary li')].filter((li) => /\\b${persons} missing\\b/.test(li.textContent)).length === ${k}`,
    'the ledger read from every node',
    120_000,
  );
  const heapBefore = await heapMb();
  const started = await page.evaluate<number>(`((() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Distribute' && !x.disabled);
    b.click();
    return Date.now();
  })())`);
  const total = persons * k;
  const ended = await page.evaluate<number>(`new Promise((resolve) => {
    const tick = () => {
      const s = document.querySelector('.distribute-run [role=status]')?.textContent ?? '';
      if (s.startsWith('${total} of ${total}')) resolve(Date.now()); else setTimeout(tick, 10);
    };
    tick();
  })`);
  const failed = await page.evaluate<string>(`document.querySelector('.distribute-run [role=status]').textContent`);
  const heapAfter = await heapMb();
  return { seconds: (ended - started) / 1000, heapBefore, heapAfter, failed };
}

log('');
log(
  'targets | bare direct p/s (s) | bare via server p/s (s) | page p/s (s)       | page / bare via server (/ direct) | page heap MB before → after | load (direct / server / page)',
);
for (const k of targetCounts) {
  const l1 = load();
  const b = await bare(k, calls);
  const l2 = load();
  const v = await bare(k, proxied);
  const l3 = load();
  const p = await viaPage(k);
  if (!p.failed.includes(', 0 failed')) log(`  (page: ${p.failed})`);
  const rate = (s: number) => `${(persons / s).toFixed(1).padStart(6)} (${s.toFixed(1)} s)`;
  log(
    `${String(k).padStart(7)} | ${rate(b).padEnd(19)} | ${rate(v).padEnd(23)} | ${rate(p.seconds).padEnd(18)} | ` +
      `${`${((v / p.seconds) * 100).toFixed(0)} % (${((b / p.seconds) * 100).toFixed(0)} %)`.padEnd(33)} | ` +
      `${`${p.heapBefore.toFixed(1)} → ${p.heapAfter.toFixed(1)}`.padEnd(27)} | ${l1} / ${l2} / ${l3}`,
  );
}
if (page.errors.length) log(`page errors: ${page.errors.slice(0, 3).join(' | ')}`);

await browser.close();
releaseLock();
await server.close();
for (const e of emulators) await e.close();
await engine.close();
fs.rmSync(root, { recursive: true, force: true });
process.exit(0);
