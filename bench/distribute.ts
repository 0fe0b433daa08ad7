// npm run bench:distribute [-- --persons 1000 --targets 1,2,4 --rounds 1 --dist dist --lock /work/wt/e2e.lock --profile]
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
// page's go: page / bare-via-server is the page's own cost. The page runs twice
// per row: through the server on plain HTTP (HTTP/1.1, Chromium's 6 connections
// per origin) and through the same server with TLS (HTTP/2, one multiplexed
// connection; a throwaway certificate, Chromium told to accept it). Before each
// pass the target libraries are deleted and made again, so every pass enrols every person.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnConsoleServer, type SpawnedServer } from '../e2e/console-server';
import { createFaceEngine } from '../emulator/faces/engine';
import { testCacheDir } from '../emulator/faces/paths';
import { loadFacePool } from '../emulator/faces/pool';
import { fleetPlan } from '../emulator/fleet';
import { FIXTURE_CERT, FIXTURE_KEY } from '../emulator/operations/system.fixture';
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
import { READ_AHEAD } from '../src/features/distribute/run/run-core';
import { launchCdp } from './cdp';
import { browserLock } from './lock';

const { values } = parseArgs({
  options: {
    persons: { type: 'string' },
    targets: { type: 'string' },
    dist: { type: 'string' },
    lock: { type: 'string' },
    /**
     * Time each node's answer takes beyond its work, ms (the emulator's latency
     * fault): a real node's face engine takes its own time per enrolment on its
     * own hardware, which here would be the bench's one CPU thread. With it the
     * rate is bound by requests in flight, as against real nodes.
     */
    'device-ms': { type: 'string' },
    /** Times each way runs per row (interleaved); the fastest is shown. */
    rounds: { type: 'string' },
    /** A CPU profile of the page during the HTTP/2 pass with the most targets (self time by function). */
    profile: { type: 'boolean' },
  },
});
const persons = Number(values.persons ?? 1000);
const targetCounts = (values.targets ?? '1,2,4')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const maxTargets = Math.max(...targetCounts);
const rounds = Math.max(1, Number(values.rounds ?? 1));
const deviceMs = Math.max(0, Number(values['device-ms'] ?? 0));
const dist = path.resolve(values.dist ?? 'dist');
const USER = 'admin';
const PASSWORD = 'Admin@12345';
const LIB = 'bench list';
const log = (m: string) => console.log(m);

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
// After the fill: the latency holds every answer from now on, the bench's own set-up included.
if (deviceMs > 0) {
  for (const e of emulators) {
    const r = await fetch(`${e.url}/__emulator/latency`, {
      method: 'POST',
      headers: { 'X-Emulator-Token': e.faultToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ms: deviceMs }),
    });
    if (!r.ok) throw new Error(`latency: ${r.status}`);
  }
}
log(
  `Source: ${people.length} persons on ${plan[0]!.id}; targets up to ${maxTargets}; ${PER_NODE_IN_FLIGHT} requests in flight per node (page and bare alike); ${deviceMs} ms added to every node's answer.`,
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
/** The last bare pass's CPU by thread (cpuReport). */
let bareThreads = '';
async function bare(k: number, via: Call[]): Promise<number> {
  const libs = await freshTargets(k);
  const threads0 = cpuSnapshot(cpuRoots());
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
          // The page's read-ahead (run/runner.ts): the next pictures are read while this one enrols.
          for (const q of people.slice(next, next + READ_AHEAD)) void photo(q.img_id);
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
  const seconds = (performance.now() - t0) / 1000;
  bareThreads = cpuReport(threads0, cpuSnapshot(cpuRoots()), seconds);
  return seconds;
}

// ---- the page ---------------------------------------------------------------------------
const nodesFile = path.join(root, 'nodes.json');
fs.writeFileSync(
  nodesFile,
  JSON.stringify({ nodes: plan.map((n, i) => ({ id: n.id, name: n.name, url: emulators[i]!.url, site: n.site })) }),
);
// The same server twice: plain HTTP (HTTP/1.1: the browser's 6 connections per
// origin) and with TLS (HTTP/2: every request on one connection), so the effect
// shows in one run. The certificate is made for this run and thrown away with it.
const server = await spawnConsoleServer(dist, { NODES_FILE: nodesFile });
const tls = makeCertificate(root);
const tlsServer = await spawnConsoleServer(dist, { NODES_FILE: nodesFile, TLS_CERT: tls.cert, TLS_KEY: tls.key, HTTP_PORT: 'off' });
/** The same nodes through the console's server (/node/<id>/…), as the page reaches them. */
const proxied: Call[] = [];
for (const n of plan) {
  let session: string | null = null;
  const call = createClient({ baseUrl: `${server.url}/node/${n.id}`, getSession: () => session });
  session = await call(login, { user_name: USER, user_pwd: PASSWORD });
  proxied.push(call);
}

/** A self-signed certificate for 127.0.0.1 by Debian's openssl; the emulator's fixed one where openssl is missing (Chromium is told to accept either). */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
  const r = spawnSync(
    'openssl',
    [...args, '-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    {
      stdio: 'ignore',
    },
  );
  if (r.status !== 0) {
    fs.writeFileSync(cert, FIXTURE_CERT);
    fs.writeFileSync(key, FIXTURE_KEY);
  }
  return { cert, key };
}

const releaseLock = await browserLock(values.lock, log);
// The throwaway certificate: this browser only, for this bench.
const browser = await launchCdp(chromiumPath, ['--ignore-certificate-errors']);
const page = await browser.newPage('about:blank', { width: 1440, height: 900 });

/** Each origin keeps its own session: sign in once on each. */
async function signIn(base: string) {
  await page.send('Page.navigate', { url: `${base}/login` });
  await page.waitFor(`document.querySelector('input[autocomplete=username]')`, 'the login form');
  await page.type('input[autocomplete=username]', USER);
  await page.type('input[autocomplete=current-password]', PASSWORD);
  await page.evaluate(`document.querySelector('input[autocomplete=current-password]').form.requestSubmit()`);
  await page.waitFor(`!location.pathname.startsWith('/login')`, 'the sign-in');
}
await page.send('Performance.enable');
await signIn(server.url);
await signIn(tlsServer.url);

async function heapMb(): Promise<number> {
  await page.send('HeapProfiler.collectGarbage');
  return (await page.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
}
interface PagePass {
  seconds: number;
  heapBefore: number;
  heapAfter: number;
  failed: string;
  /** The protocols the page's main-thread requests went over (nextHopProtocol; the run's worker shares the origin's connection). */
  protocols: string;
  /** The renderer's busy time over the pass (CDP Performance TaskDuration), s. */
  busy: number;
  /** Mean time of a request to the source (1032) and to a target (1051), and the most in flight at once, from resource timing. */
  requests: string;
  /** The console server's CPU over the pass, s. */
  serverCpu: number;
  /** CPU by process and thread over the pass (cpuReport). */
  threads: string;
}
/** A process's main thread on the CPU, s (/proc/<pid>/schedstat: ns on CPU first): the console server's work is there. */
function onCpu(pid: number | undefined): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return 0;
  }
}

/**
 * CPU by thread over a pass, from /proc: every thread of the processes under
 * `roots` (Chromium's tree, the console server, this process: the emulators),
 * as "process/thread" → s, and the machine's busy cores (from /proc/stat's idle).
 * Says where two shared cores went: the page's renderer main thread, its
 * worker, Chromium's network service, the server, the emulators.
 */
interface CpuSnapshot {
  threads: Map<string, number>;
  idle: number;
  all: number;
}
const TICK = 100; // USER_HZ (getconf CLK_TCK) on Linux
function cpuSnapshot(roots: ReadonlyArray<{ pid: number | undefined; label: string }>): CpuSnapshot {
  const parent = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const labelOf = (pid: number): string | undefined => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      const r = roots.find((x) => x.pid === p);
      if (r) return r.label;
    }
    return undefined;
  };
  const threads = new Map<string, number>();
  for (const pid of parent.keys()) {
    const label = labelOf(pid);
    if (!label) continue;
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    let kind = '';
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      kind = /--type=([\w-]+)/.exec(cmd)?.[1] ?? '';
      const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
      if (sub) kind = sub.split('.').pop() ?? kind;
    } catch {
      // gone
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '#');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const s = (Number(f[11]) + Number(f[12])) / TICK;
        const key = `${label}${kind ? ` ${kind}` : ''}/${comm}`;
        threads.set(key, (threads.get(key) ?? 0) + s);
      } catch {
        // gone
      }
    }
  }
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return { threads, idle: (cpu[3] ?? 0) + (cpu[4] ?? 0), all: cpu.reduce((a, b) => a + b, 0) };
}
function cpuReport(a: CpuSnapshot, b: CpuSnapshot, seconds: number): string {
  const rows = [...b.threads]
    .map(([k, v]) => [k, v - (a.threads.get(k) ?? 0)] as const)
    .filter(([, v]) => v >= 0.05)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 16);
  const cores = os.cpus().length;
  const busy = ((1 - (b.idle - a.idle) / (b.all - a.all)) * cores).toFixed(2);
  return `machine ${busy} of ${cores} cores busy over ${seconds.toFixed(1)} s; ${rows.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`;
}
const cpuRoots = () => [
  { pid: browser.pid, label: 'chromium' },
  { pid: server.pid, label: 'server' },
  { pid: tlsServer.pid, label: 'server' },
  { pid: process.pid, label: 'bench' },
];

async function busySeconds(): Promise<number> {
  const { metrics } = await page.send<{ metrics: Array<{ name: string; value: number }> }>('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}
async function viaPage(k: number, via: SpawnedServer, profile = false): Promise<PagePass> {
  const base = via.url;
  await freshTargets(k);
  const to = plan.slice(1, k + 1).map((n) => n.id);
  const url = `/distribute?src=${plan[0]!.id}&lib=${srcLib}&to=${to.join(',')}`;
  // A full load each pass keeps passes apart (the tab's session is kept).
  await page.send('Page.navigate', { url: base + url });
  await page.waitFor(
    `[...document.querySelectorAll('.distribute-summary li')].filter((li) => /\\b${persons} missing\\b/.test(li.textContent)).length === ${k}`,
    'the ledger read from every node',
    120_000,
  );
  const heapBefore = await heapMb();
  const busy0 = await busySeconds();
  const cpu0 = onCpu(via.pid);
  const threads0 = cpuSnapshot(cpuRoots());
  if (profile) {
    await page.send('Profiler.enable');
    await page.send('Profiler.start');
    await browser.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink', 'loading', 'toplevel'] },
    });
  }
  const started = await page.evaluate<number>(`((() => {
    performance.setResourceTimingBufferSize(100000);
    performance.clearResourceTimings();
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Distribute' && !x.disabled);
    b.click();
    return Date.now();
  })())`);
  const total = persons * k;
  // Told by the page's own changes (a MutationObserver), not by polling: a 10 ms
  // timer was a hundred tasks a second on the main thread the run needs.
  const ended = await page.evaluate<number>(`new Promise((resolve) => {
    const done = () => (document.querySelector('.distribute-run [role=status]')?.textContent ?? '').startsWith('${total} of ${total}');
    if (done()) return resolve(Date.now());
    const watch = new MutationObserver(() => {
      if (!done()) return;
      watch.disconnect();
      resolve(Date.now());
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`);
  if (profile) {
    printProfile((await page.send<{ profile: Parameters<typeof printProfile>[0] }>('Profiler.stop')).profile);
    await printTrace();
  }
  const threads = cpuReport(threads0, cpuSnapshot(cpuRoots()), (ended - started) / 1000);
  const busy = (await busySeconds()) - busy0;
  const serverCpu = onCpu(via.pid) - cpu0;
  const failed = await page.evaluate<string>(`document.querySelector('.distribute-run [role=status]').textContent`);
  const requests = await page.evaluate<string>(`(() => {
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/json'));
    const mean = (es) => es.length ? (es.reduce((a, e) => a + e.duration, 0) / es.length).toFixed(0) + ' ms' : '-';
    const src = api.filter((e) => e.name.includes('/node/${plan[0]!.id}/'));
    const edges = api.flatMap((e) => [[e.startTime, 1], [e.responseEnd, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0, most = 0;
    for (const [, d] of edges) most = Math.max(most, (now += d));
    return 'source ' + mean(src) + ', targets ' + mean(api.filter((e) => !src.includes(e))) + ', most in flight ' + most;
  })()`);
  const protocols = await page.evaluate<string>(`(() => {
    const n = {};
    for (const e of performance.getEntriesByType('resource')) n[e.nextHopProtocol || '?'] = (n[e.nextHopProtocol || '?'] ?? 0) + 1;
    return Object.entries(n).map(([p, c]) => p + ' ×' + c).join(', ');
  })()`);
  const heapAfter = await heapMb();
  return { seconds: (ended - started) / 1000, heapBefore, heapAfter, failed, protocols, busy, requests, serverCpu, threads };
}

/** The renderer's main thread over the pass, by trace event name (nested events count in each: read as "how much went on"). */
async function printTrace(): Promise<void> {
  const done = new Promise<{ stream: string }>((resolve) => browser.on('Tracing.tracingComplete', (p) => resolve(p as { stream: string })));
  await browser.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const r = await browser.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle: stream, size: 1 << 20 });
    text += r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data;
    if (r.eof) break;
  }
  await browser.send('IO.close', { handle: stream });
  const events = (
    JSON.parse(text) as {
      traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; dur?: number; args?: { name?: string } }>;
    }
  ).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const by = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !main.has(`${e.pid}:${e.tid}`)) continue;
    const b = by.get(e.name) ?? by.set(e.name, { ms: 0, n: 0 }).get(e.name)!;
    b.ms += e.dur / 1000;
    b.n++;
  }
  log('  renderer main thread by trace event (ms, count):');
  for (const [name, b] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    log(`    ${b.ms.toFixed(0).padStart(7)} ms ${String(b.n).padStart(6)} ×  ${name}`);
}

function printProfile(profile: {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  }
  log(`  page CPU profile over ${(total / 1000).toFixed(1)} s (self time):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    log(`    ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}

log('');
log(
  `Load: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) on ${os.cpus().length} cores; ${rounds} round(s) per row, the fastest of each way shown.`,
);
log(
  'targets | bare direct p/s (s) | bare via server p/s (s) | page HTTP/1.1 p/s (s) | page HTTP/2 p/s (s) | h1 / via server (/ direct) | h2 / via server (/ direct) | heap MB h1 · h2 before → after | load (1 min, lowest–highest)',
);
const rate = (s: number) => `${(persons / s).toFixed(1).padStart(6)} (${s.toFixed(1)} s)`;
const ratio = (p: number, v: number, b: number) => `${((v / p) * 100).toFixed(0)} % (${((b / p) * 100).toFixed(0)} %)`;
const heap = (p: PagePass) => `${p.heapBefore.toFixed(1)} → ${p.heapAfter.toFixed(1)}`;
const protocolsSeen: string[] = [];
const details: string[] = [];
const cpuLines: string[] = [];
for (const k of targetCounts) {
  // Rounds interleave the four ways, so a burst of another job's load falls on
  // each alike; the fastest of each is shown (the least disturbed).
  const b: number[] = [];
  const v: number[] = [];
  const p1s: PagePass[] = [];
  const p2s: PagePass[] = [];
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    loads.push(os.loadavg()[0]!);
    b.push(await bare(k, calls));
    v.push(await bare(k, proxied));
    if (r === 0) cpuLines.push(`${k} bare via server: ${bareThreads}`);
    p1s.push(await viaPage(k, server));
    p2s.push(await viaPage(k, tlsServer, values.profile && k === maxTargets && r === 0));
    if (r === 0) cpuLines.push(`${k} page HTTP/1.1: ${p1s[0]!.threads}`, `${k} page HTTP/2: ${p2s[0]!.threads}`);
    loads.push(os.loadavg()[0]!);
  }
  const fastest = (ps: PagePass[]) => ps.reduce((a, p) => (p.seconds < a.seconds ? p : a));
  const [p1, p2] = [fastest(p1s), fastest(p2s)];
  const [bb, vv] = [Math.min(...b), Math.min(...v)];
  for (const p of [...p1s, ...p2s]) if (!p.failed.includes(', 0 failed')) log(`  (page: ${p.failed})`);
  protocolsSeen.push(`${k}: HTTP/1.1 page ${p1.protocols}; HTTP/2 page ${p2.protocols}`);
  details.push(
    `${k}: h1 ${p1.requests}, renderer busy ${p1.busy.toFixed(1)} s, server CPU ${p1.serverCpu.toFixed(1)} s | ` +
      `h2 ${p2.requests}, renderer busy ${p2.busy.toFixed(1)} s, server CPU ${p2.serverCpu.toFixed(1)} s`,
  );
  // The heap of each page's first pass (the tab's first run at this count).
  log(
    `${String(k).padStart(7)} | ${rate(bb).padEnd(19)} | ${rate(vv).padEnd(23)} | ${rate(p1.seconds).padEnd(21)} | ${rate(p2.seconds).padEnd(19)} | ` +
      `${ratio(p1.seconds, vv, bb).padEnd(26)} | ${ratio(p2.seconds, vv, bb).padEnd(26)} | ${`${heap(p1s[0]!)} · ${heap(p2s[0]!)}`.padEnd(30)} | ` +
      `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
}
log(`Requests by protocol (resource timing): ${protocolsSeen.join(' | ')}`);
log(
  `The page's own requests (resource timing of its main thread: the run's requests are in its worker, not counted here), renderer main thread busy time (CDP TaskDuration), the console server's CPU:\n  ${details.join('\n  ')}`,
);
log(`CPU by process/thread (s, first round):\n  ${cpuLines.join('\n  ')}`);
if (page.errors.length) log(`page errors: ${page.errors.slice(0, 3).join(' | ')}`);

await browser.close();
releaseLock();
await server.close();
await tlsServer.close();
for (const e of emulators) await e.close();
await engine.close();
fs.rmSync(root, { recursive: true, force: true });
process.exit(0);
