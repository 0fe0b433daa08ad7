// npm run bench:fleet [-- --nodes 1,4,8 --rates 5,20 --seconds 10 --layouts flow,tiles --no-console --no-floor --profile --trace --steady --lock /work/wt/e2e.lock]
// Issue 17: N emulators each pushing R alarms a second into ONE page in
// Chromium, through the production server (dist/server.mjs, its own process,
// NODES_FILE naming the emulators; each node's socket at /node/<id>/ws/).
// Per N×R: alarms received and painted of sent (the console's also with what
// its history check brought back of pushes a node dropped), send→paint median
// and p99, long tasks, the page's JS heap, bytes the page took per second, CPU
// of the browser, the server and the emulators, the page's main thread per
// alarm (script, layout, style), with the machine's load beside them; for the
// console also its send→paint in stages (to its main thread, to a flush, to
// the paint: where a change to the wall gains or loses). --profile saves the
// page's CPU profile and the browser's trace (DevTools' Performance panel).
//
// The page is the FLOOR (bench/fleet-floor/): no framework, the same sockets
// through the same proxy, each alarm's crop into an <img> of a fixed grid,
// send→paint noted after the frame that shows the decoded picture, as the wall's probe does.
// It is the best any page does on this machine at that moment. "slim" is the
// same floor on /node/<id>/ws/?slim=1: the server drops each push's scene frame
// and keeps it by reference (server/slim-push.ts).
//
// --console [PATH]: the console's wall beside the floor, interleaved per N×R,
// printed as ratios to the floor. With several nodes (the usual --nodes
// 1,4,8) the server has a node list and the console is in fleet mode: the
// merged wall (/alarm-wall?nodes=<the first N>, one socket per node, slim
// pushes), signed in by the fleet's form; PATH is then not used. The wall's
// probe (window.__WALL_PROBE__ → window.__wallProbe.take(),
// src/features/alarm-wall/lib/wall-probe.ts) names alarms `<node id>:<snap_id>`.
// Each console phase runs once per layout (--layouts): "console" is the flow
// (newest first), "tiles" the tile layout (&layout=tiles: fixed tiles filled
// as alarms arrive, components/alarm-tiles.tsx).
//
// Captures are sent at random times (Poisson, R a second a node; --steady: the
// emulator's own timer, whose sends at 20/s all meet a 60 Hz frame at the same
// offsets, so a phase's median moved with that offset from run to run).
//
// Send time: each emulator's hub.broadcast is wrapped; we note our epoch clock
// right after the socket send. The emulators run in this process (one shared
// face engine: two cores), so their CPU is this process's, less the bench's own
// bookkeeping (small beside captures: a database row and two files each).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { build } from 'vite';
import { spawnConsoleServer } from '../e2e/console-server';
import { createFaceEngine } from '../emulator/faces/engine';
import { testCacheDir } from '../emulator/faces/paths';
import { loadFacePool } from '../emulator/faces/pool';
import { fleetPlan } from '../emulator/fleet';
import { startEmulator, type Emulator } from '../emulator/index';
import { findChromium } from '../scripts/chromium';
import { createClient } from '../src/api/client';
import { addCamera, createLibrary, enrolFace, login, setStorage, type WsAlarm } from '../src/api/protocol';
import { launchCdp, type CdpPage } from './cdp';
import { browserLock } from './lock';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string' },
    rates: { type: 'string' },
    seconds: { type: 'string' },
    console: { type: 'string' },
    'no-console': { type: 'boolean' },
    /** Only the console's phases (quick comparisons of the wall's own changes; no ratios then). */
    'no-floor': { type: 'boolean' },
    /** The console's CPU profile over each of its phases: where the page's time goes (unminified build). */
    profile: { type: 'boolean' },
    /** Only the browser's trace of every phase (the build minified, no CPU profiler), with what invalidated style and layout. */
    trace: { type: 'boolean' },
    cameras: { type: 'string' },
    /**
     * The scene frame's size in KB (binary): the emulator's composed scenes are
     * ~50 KB, a real camera's 1920×1080 frame ~190 KB (~250 KB as base64, issue 17).
     * Each push's frame is swapped for a noise JPEG of about this size; 0 keeps the emulator's.
     */
    'frame-kb': { type: 'string' },
    /** The wall's layouts measured (flow: newest first; tiles: fixed tiles filled as alarms arrive). Default both. */
    layouts: { type: 'string' },
    /**
     * The emulators' own capture timer (20 ms ticks). Without it the bench sends
     * each node's captures at random (Poisson) times: at 20/s the timer sends
     * every 50 ms, three 60 Hz frames, so every alarm of a phase met the frame
     * clock at the same one or two offsets, and a phase's median moved by ±3 ms
     * from run to run with that offset (the floor's 7-12 ms at 1 × 20/s).
     */
    steady: { type: 'boolean' },
    /** A machine-wide lock file (flock) held only while the browser runs, not while the emulators are set up. */
    lock: { type: 'string' },
  },
});
const list = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
/**
 * N×R phases. Default: 1, 4 and 8 nodes at 20 alarms/s each (a realistic
 * rate, issue 17) and one node at 200/s (the one-node wall's own bench rate).
 */
const phases: Array<[number, number]> =
  values.nodes || values.rates
    ? list(values.nodes ?? '1,4,8').flatMap((n) => list(values.rates ?? '20').map((r) => [n, r] as [number, number]))
    : [
        [1, 20],
        [1, 200],
        [4, 20],
        [8, 20],
      ];
const nodeCounts = [...new Set(phases.map(([n]) => n))];
const phaseSeconds = Number(values.seconds ?? 10);
// The console's wall runs beside the floors unless --no-console.
const consolePath = values['no-console'] ? undefined : (values.console ?? '/alarm-wall');
const camerasPerNode = Number(values.cameras ?? 4);
const frameKb = Number(values['frame-kb'] ?? 190);
const maxNodes = Math.max(...nodeCounts);
const USER = 'admin';
const PASSWORD = 'Admin@12345';

/** The console's history check (15 s) and its settling (5 s), and a margin. */
const RECOVERY_WAIT_MS = 30_000;
const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.log(m);

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

// ---- CPU of processes (Linux /proc), in CPU-seconds --------------------------
const TICK = 100; // USER_HZ on Linux
function procTimes(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}
/** A process and all its descendants (Chromium's renderers, GPU and network processes). */
function treePids(root: number | undefined): number[] {
  if (root === undefined) return [];
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}
function treeTimes(root: number | undefined): number {
  return treePids(root).reduce((sum, pid) => sum + procTimes(pid), 0);
}
/**
 * CPU-seconds by thread name over the browser's processes (the main threads
 * are all "chromium"; ThreadPoolForeg… raster and decode, Compositor,
 * VizCompositorTh…): CPU time, not wall time, so what each part of the browser
 * costs holds better than durations on a loaded machine.
 */
function threadTimes(root: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of treePids(root)) {
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(name, (out.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICK);
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}
const selfTimes = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
  process.exit(1);
}

// ---- the fleet -----------------------------------------------------------------
const deviceDisk = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const root = fs.mkdtempSync(path.join(deviceDisk, 'nebula-bench-fleet-'));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-fleet-dist-'));
log(`Preparing ${maxNodes} emulators (one shared face engine), ${camerasPerNode} cameras each…`);
const t0 = performance.now();
const cacheDir = testCacheDir();
const engine = createFaceEngine({ cacheDir: path.join(cacheDir, 'analyses') });
const pool = await loadFacePool(engine, undefined, { cacheDir });
const plan = fleetPlan(maxNodes);
/** A 1920×1080 noise JPEG of about `kb` KB, as a data URL (the lowest quality that reaches it). */
async function frameOf(kb: number): Promise<string> {
  const noise = sharp({
    create: { width: 1920, height: 1080, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  });
  const raw = await noise.raw().toBuffer();
  let best = Buffer.alloc(0);
  for (let q = 5; q <= 95; q += 5) {
    best = await sharp(raw, { raw: { width: 1920, height: 1080, channels: 3 } })
      .jpeg({ quality: q })
      .toBuffer();
    if (best.length >= kb * 1024) break;
  }
  return `data:image/jpeg;base64,${best.toString('base64')}`;
}
const realFrame = frameKb > 0 ? await frameOf(frameKb) : null;
if (realFrame)
  log(
    `  scene frames swapped for a ${((realFrame.length * 3) / 4 / 1024).toFixed(0)} KB JPEG (${(realFrame.length / 1024).toFixed(0)} KB as base64)`,
  );
const emulators: Emulator[] = [];
/** `${node id}:${snap_id}` → when its emulator sent it. */
const sent = new Map<string, number>();
for (const [i, n] of plan.entries()) {
  const emulator = await startEmulator(
    { port: 0, dataDir: path.join(root, n.id), cacheDir, quiet: true, rate: 0, maxStorageMb: 256, model: n.model, deviceId: n.deviceId },
    { engine },
  );
  emulators.push(emulator);
  let session: string | null = null;
  const call = createClient({ baseUrl: emulator.url, getSession: () => session });
  session = await call(login, { user_name: USER, user_pwd: PASSWORD });
  // A whitelist and strangers: every capture is pushed (and on a wall, shown).
  const { lib_id } = await call(createLibrary, { lib_name: 'bench staff', lib_type: 2 });
  for (const [k, face] of pool.filter((_, j) => j % 3 !== 2).entries()) {
    await call(enrolFace, {
      lib_id,
      img_id: `p${k}`,
      person_name: `Person ${k + 1}`,
      img: new File([new Uint8Array(face.jpeg)], `p${k}.jpg`),
    });
  }
  for (let c = 0; c < camerasPerNode; c++) {
    await call(addCamera, {
      camera_mode: 'VIDEO',
      protocol: 'rtsp',
      url: `rtsp://127.0.0.1:554/n${i}c${c}`,
      camera_name: `${n.name} ${c + 1}`,
      threshold: 85,
      snap_mode: 3,
      lib_ids: String(lib_id),
    });
  }
  await call(setStorage, { storage_strategy: 1 });
  await emulator.prepareScenes();
  const broadcast = emulator.hub.broadcast.bind(emulator.hub);
  emulator.hub.broadcast = (m: WsAlarm) => {
    broadcast(realFrame && m.data.snap_frame ? { ...m, data: { ...m.data, snap_frame: realFrame } } : m);
    sent.set(`${n.id}:${m.data.snap_id}`, epoch());
  };
}
const nodesFile = path.join(root, 'nodes.json');
fs.writeFileSync(
  nodesFile,
  JSON.stringify({ nodes: plan.map((n, i) => ({ id: n.id, name: n.name, url: emulators[i]!.url, site: n.site })) }),
);
log(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- the production server and the floor page ------------------------------------
log('Building the console…');
// Readable names in a profile.
await build({ build: { outDir, emptyOutDir: true, minify: !values.profile }, logLevel: 'warn' });
fs.cpSync(path.join(import.meta.dirname, 'fleet-floor'), path.join(outDir, 'bench-floor'), { recursive: true });
// The server bundle is written by the build (server/build-plugin.ts); it runs as on a site, in its own process.
const server = await spawnConsoleServer(outDir, { NODES_FILE: nodesFile });
const base = server.url;

const releaseLock = await browserLock(values.lock, log);

// No back/forward cache: each phase navigates the one tab, and the cache kept the
// pages before it alive (their heap counted in, and collected, in later phases).
const browser = await launchCdp(chromiumPath, ['--disable-back-forward-cache']);
const initScript = `
  window.__WALL_PROBE__ = true;
  window.__benchLong = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLong.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;
const page: CdpPage = await browser.newPage(`${base}/bench-floor/index.html`, { width: 1440, height: 900, initScript });

async function heapMb(): Promise<number> {
  await page.send('HeapProfiler.collectGarbage');
  const usage = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usage.usedSize / 1024 / 1024;
}

/** The renderer's main thread, cumulative seconds (CDP Performance domain). */
interface MainThread {
  task: number;
  script: number;
  layout: number;
  style: number;
}
async function mainThread(): Promise<MainThread> {
  const { metrics } = await page.send<{ metrics: Array<{ name: string; value: number }> }>('Performance.getMetrics');
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
  return { task: m('TaskDuration'), script: m('ScriptDuration'), layout: m('LayoutDuration'), style: m('RecalcStyleDuration') };
}

interface Taken {
  paints: Array<[string, number]>;
  received: number;
  /** The console: the alarms that reached its buffer (the floor paints every one it receives). */
  reached?: string[];
  /** The console: alarms its history check brought (pushes the node dropped, or a gap's). */
  fromHistory?: string[];
  /** Per live alarm, when the page's main thread got it and (the console's flow) when a flush published it (epoch ms). */
  stages?: Array<[string, number, number | null]>;
  bytes: number;
  long: number[];
}

let runs = 0;

/** Opens the floor subscribed to the first n nodes; resolves when every socket is acknowledged. */
async function openFloor(n: number, slim: boolean): Promise<() => Promise<Taken>> {
  // A new URL each time: the wait below must not see the previous page.
  const run = String(++runs);
  await page.send('Page.navigate', { url: `${base}/bench-floor/index.html?run=${run}` });
  await page.waitFor(`location.search === '?run=${run}' && typeof window.__floorStart === 'function'`, 'the floor page');
  const ids = plan.slice(0, n).map((p) => p.id);
  await page.evaluate(`window.__floorStart(${JSON.stringify(ids)}, ${JSON.stringify(USER)}, ${JSON.stringify(PASSWORD)}, ${slim})`);
  await page.waitFor(`${JSON.stringify(ids)}.every((id) => window.__floor.live[id] === true)`, 'every socket acknowledged');
  return () =>
    page.evaluate<Taken>(`(() => {
      const t = window.__floorTake();
      const long = window.__benchLong; window.__benchLong = [];
      return { paints: t.paints, received: t.received, bytes: t.bytes, long, stages: t.got.map(([k, at]) => [k, at, null]) };
    })()`);
}

/**
 * The console's wall, signed in through its own form; its probe drained the
 * same way. With several nodes in the list (fleet mode) it is the merged wall
 * (/alarm-wall?nodes=<the first n>), signed in to every node by the fleet's
 * form, its probe naming alarms `<node id>:<snap_id>`; with one, today's wall.
 */
async function openConsole(n: number, tiles: boolean): Promise<() => Promise<Taken>> {
  const fleetMode = plan.length > 1;
  const ids = plan.slice(0, n).map((p) => p.id);
  const wall = fleetMode ? `/alarm-wall?nodes=${ids.join(',')}` : (consolePath ?? '/alarm-wall');
  const target = tiles ? `${wall}${wall.includes('?') ? '&' : '?'}layout=tiles` : wall;
  // A mark the next document will not have: the waits below must not see this one.
  await page.evaluate('window.__benchStale = true');
  await page.send('Page.navigate', { url: `${base}/login?next=${encodeURIComponent(target)}` });
  // The tab keeps its session between phases (sessionStorage): the form shows only the first time.
  await page.waitFor(
    `!window.__benchStale && (document.querySelector('input[autocomplete=username]') || !location.pathname.startsWith('/login'))`,
    'the login form or the wall',
  );
  if (await page.evaluate<boolean>(`Boolean(document.querySelector('input[autocomplete=username]'))`)) {
    await page.type('input[autocomplete=username]', USER);
    await page.type('input[autocomplete=current-password]', PASSWORD);
    await page.evaluate(`document.querySelector('input[autocomplete=current-password]').form.requestSubmit()`);
  }
  await page.waitFor(`!location.pathname.startsWith('/login')`, 'the login to go through');
  // One node: the header's light; the merged wall: each node's state on the wall.
  await page.waitFor(
    `[...document.querySelectorAll('[role=status]')].filter((e) => /: live$/i.test(e.getAttribute('aria-label') ?? '')).length >= ${fleetMode ? n : 1}`,
    'the live light(s)',
  );
  return async () => {
    const t = await page.evaluate<{
      paints: Array<{ snapId: string; at: number }>;
      arrivals: Array<{ snapId: string; backfilled: boolean; receivedAt: number; at: number }>;
      reached: string[];
      long: number[];
    }>(`(() => {
      const t = window.__wallProbe?.take() ?? { paints: [], arrivals: [], reached: [] };
      const long = window.__benchLong; window.__benchLong = [];
      return { paints: t.paints, arrivals: t.arrivals, reached: t.reached, long };
    })()`);
    // One node: the probe's snap ids are the device's; name them as the floor does.
    const key = (s: string) => (s.includes(':') ? s : `${plan[0]!.id}:${s}`);
    return {
      paints: t.paints.map((p) => [key(p.snapId), p.at] as [string, number]),
      received: t.arrivals.length,
      // Every alarm the sockets gave the wall's buffer, on screen or not (only cards on screen are painted).
      reached: t.reached.map(key),
      fromHistory: t.arrivals.filter((a) => a.backfilled).map((a) => key(a.snapId)),
      // Tiles are written as alarms arrive: a flush is not on their way to the screen.
      stages: t.arrivals
        .filter((a) => !a.backfilled)
        .map((a) => [key(a.snapId), a.receivedAt, tiles ? null : a.at] as [string, number, number | null]),
      bytes: Number.NaN,
      long: t.long,
    };
  };
}

/**
 * The page's self time per function, the largest first (--profile; as
 * bench/wall.ts), then the time inside each of the console's React components
 * (a capitalised function of ours, children included): which parts of the
 * page render per flush.
 */
function printProfile(profile: {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
}): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (const [k, id] of (profile.samples ?? []).entries()) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    const ms = (deltas[k] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  }
  log(`\n  console page CPU profile over ${(total / 1000).toFixed(1)} s (self time):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    log(`    ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = new Map<string, number>();
  for (const [k, id] of (profile.samples ?? []).entries()) {
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (/^[A-Z][A-Za-z]+$/.test(name)) names.add(name);
    }
    for (const name of names) inside.set(name, (inside.get(name) ?? 0) + (deltas[k] ?? 0) / 1000);
  }
  log('  time inside components (children included):');
  for (const [name, ms] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 25))
    log(`    ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`);
}

/** The browser's trace since Tracing.start, saved whole for DevTools (--profile). */
async function saveTrace(file: string): Promise<string> {
  const done = new Promise<{ stream: string }>((resolve) => browser.on('Tracing.tracingComplete', (p) => resolve(p as { stream: string })));
  await browser.send('Tracing.end');
  const { stream } = await done;
  const out = fs.createWriteStream(file);
  for (;;) {
    const r = await browser.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle: stream, size: 1 << 20 });
    out.write(r.base64Encoded ? Buffer.from(r.data, 'base64') : r.data);
    if (r.eof) break;
  }
  await browser.send('IO.close', { handle: stream });
  await new Promise((resolve) => out.end(resolve));
  return file;
}

interface Row {
  page: Kind;
  nodes: number;
  rate: number;
  sent: number;
  received: number;
  /** The console: received live or from its history check within RECOVERY_WAIT_MS after the phase. */
  eventually: number;
  painted: number;
  median: number;
  p99: number;
  longTasks: number;
  longMax: number;
  heapMb: number;
  mbPerS: number;
  kbPerMessage: number;
  cpuBrowser: number;
  cpuServer: number;
  cpuEmulators: number;
  main: MainThread;
  /** CPU ms per alarm sent, by the browser's thread name. */
  threads: Map<string, number>;
  /** Median and p99 of send→main thread, main thread→painted, and (the console's flow) main thread→flush. */
  stages?: Array<[number, number]>;
  load: number;
}

/**
 * One node's captures at `rate` a second at random times (exponential gaps;
 * a scene of k captures waits k gaps, as the emulator's own rate counts them),
 * round the node's cameras. Returns the stop.
 */
function drive(e: Emulator, rate: number): () => void {
  let stopped = false;
  let camera = 0;
  const after = (k: number) => {
    if (stopped) return;
    const wait = (-Math.log(1 - Math.random()) * k * 1000) / rate;
    setTimeout(() => {
      if (stopped) return;
      e.pipeline.captureNow(1 + (camera++ % camerasPerNode)).then(
        (made) => after(Math.max(1, made.snap_ids.length)),
        () => after(1),
      );
    }, wait);
  };
  after(1);
  return () => {
    stopped = true;
  };
}

/** floor: the full push; slim: the floor on ?slim=1 (no scene frames); console: the console's wall; tiles: it in the tile layout. */
type Kind = 'floor' | 'slim' | 'console' | 'tiles';

async function phase(kind: Kind, n: number, rate: number): Promise<Row> {
  const isConsole = kind === 'console' || kind === 'tiles';
  const take = isConsole ? await openConsole(n, kind === 'tiles') : await openFloor(n, kind === 'slim');
  await take();
  sent.clear();
  // What the page before this one left on the tab's heap, collected now and not during the phase.
  await page.send('HeapProfiler.collectGarbage');
  const profiling = values.profile && isConsole;
  if (profiling) {
    await page.send('Profiler.enable');
    await page.send('Profiler.start');
  }
  // Each page's trace: the floor's is the one to compare a frame with.
  const tracing = values.profile || values.trace;
  if (tracing) {
    await browser.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'v8',
          'blink',
          'loading',
          'toplevel',
          'cc',
          'gpu',
          ...(values.trace ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
        ],
      },
    });
  }
  await page.send('Performance.enable');
  const main0 = await mainThread();
  const threads0 = threadTimes(browser.pid);
  const cpu0 = { browser: treeTimes(browser.pid), server: procTimes(server.pid ?? -1), self: selfTimes() };
  const start = performance.now();
  const stopDriving = values.steady ? null : emulators.slice(0, n).map((e) => drive(e, rate));
  if (values.steady) await Promise.all(emulators.slice(0, n).map((e) => e.setRate(rate)));
  const paints = new Map<string, number>();
  let last: Taken = { paints: [], received: 0, bytes: 0, long: [] };
  const long: number[] = [];
  let bytes = 0;
  let messages = 0;
  const reached = new Set<string>();
  const fromHistory = new Set<string>();
  const stageAt = new Map<string, [number, number | null]>();
  const collect = async () => {
    last = await take();
    for (const [id, at] of last.paints) if (!paints.has(id)) paints.set(id, at);
    long.push(...last.long);
    bytes += last.bytes;
    messages += last.received;
    for (const k of last.reached ?? []) reached.add(k);
    for (const k of last.fromHistory ?? []) fromHistory.add(k);
    for (const [k, got, published] of last.stages ?? []) if (!stageAt.has(k)) stageAt.set(k, [got, published]);
  };
  while (performance.now() - start < phaseSeconds * 1000) {
    await sleep(1000);
    await collect();
  }
  for (const stop of stopDriving ?? []) stop();
  if (values.steady) await Promise.all(emulators.slice(0, n).map((e) => e.setRate(0)));
  if (profiling) {
    const { profile } = await page.send<{ profile: Parameters<typeof printProfile>[0] }>('Profiler.stop');
    printProfile(profile);
    // Whole, for DevTools' Performance panel (load the file) or a script.
    const file = path.join(os.tmpdir(), `bench-fleet-console-${n}x${rate}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    log(`  the whole profile: ${file}`);
  }
  if (tracing)
    log(
      `  the trace (DevTools' Performance panel): ${await saveTrace(path.join(os.tmpdir(), `bench-fleet-${kind}-${n}x${rate}.trace.json`))}`,
    );
  const elapsed = (performance.now() - start) / 1000;
  const cpu1 = { browser: treeTimes(browser.pid), server: procTimes(server.pid ?? -1), self: selfTimes() };
  const main1 = await mainThread();
  const threads1 = threadTimes(browser.pid);
  // Stragglers: whatever was sent has 3 s to be painted.
  const deadline = performance.now() + 3000;
  while (performance.now() < deadline && [...sent.keys()].some((k) => !paints.has(k))) {
    await sleep(250);
    await collect();
  }
  // Pushes a node dropped (a slow subscriber: the emulator drops past 8 MB
  // queued, as a device may) come back from the console's history check:
  // every 15 s, leaving the last 5 s (src/live/recovery.ts). Waited for, and
  // counted apart: they are not live, so no send→paint for them.
  const receivedLive = isConsole
    ? [...sent.keys()].filter((k) => reached.has(k) && !fromHistory.has(k)).length
    : Math.min(messages, sent.size);
  if (isConsole) {
    const until = performance.now() + RECOVERY_WAIT_MS;
    while (performance.now() < until && [...sent.keys()].some((k) => !reached.has(k))) {
      await sleep(500);
      await collect();
    }
  }
  const latencies: number[] = [];
  for (const [id, at] of sent) {
    const p = paints.get(id);
    if (p !== undefined && !fromHistory.has(id)) latencies.push(p - at);
  }
  latencies.sort((a, b) => a - b);
  // Where send→paint goes: to the page's main thread, from there to the paint (the flow: and to its flush).
  const toMain: number[] = [];
  const toPaint: number[] = [];
  const toFlush: number[] = [];
  for (const [id, at] of sent) {
    const s = stageAt.get(id);
    const p = paints.get(id);
    if (!s || p === undefined || fromHistory.has(id)) continue;
    toMain.push(s[0] - at);
    toPaint.push(p - s[0]);
    if (s[1] !== null) toFlush.push(s[1] - s[0]);
  }
  const parts = toFlush.length ? [toMain, toPaint, toFlush] : [toMain, toPaint];
  for (const l of parts) l.sort((a, b) => a - b);
  return {
    stages: toMain.length ? parts.map((l) => [quantile(l, 0.5), quantile(l, 0.99)] as [number, number]) : undefined,
    page: kind,
    nodes: n,
    rate,
    sent: sent.size,
    received: receivedLive,
    eventually: isConsole ? [...sent.keys()].filter((k) => reached.has(k)).length : receivedLive,
    painted: latencies.length,
    median: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    longTasks: long.filter((d) => d > 50).length,
    longMax: long.length ? Math.max(...long) : 0,
    heapMb: await heapMb(),
    mbPerS: bytes / elapsed / 1024 / 1024,
    kbPerMessage: bytes / messages / 1024,
    cpuBrowser: (cpu1.browser - cpu0.browser) / elapsed,
    cpuServer: (cpu1.server - cpu0.server) / elapsed,
    cpuEmulators: (cpu1.self - cpu0.self) / elapsed,
    // Per alarm sent, in ms of the page's main thread.
    main: Object.fromEntries(
      (Object.keys(main0) as (keyof MainThread)[]).map((k) => [k, ((main1[k] - main0[k]) * 1000) / Math.max(1, sent.size)]),
    ) as unknown as MainThread,
    threads: new Map(
      [...threads1]
        .map(([name, t]) => [name, ((t - (threads0.get(name) ?? 0)) * 1000) / Math.max(1, sent.size)] as [string, number])
        .filter(([, ms]) => ms > 0),
    ),
    load: os.loadavg()[0]!,
  };
}

const layouts = (values.layouts ?? 'flow,tiles').split(',');
const consoleKinds: Kind[] = [
  ...(layouts.includes('flow') ? ['console' as const] : []),
  ...(layouts.includes('tiles') ? ['tiles' as const] : []),
];
const rows: Row[] = [];
for (const [n, rate] of phases) {
  {
    for (const kind of [...(values['no-floor'] ? [] : ['floor', 'slim']), ...(consolePath ? consoleKinds : [])] as Kind[]) {
      process.stdout.write(`  ${kind}: ${n} node(s) × ${rate}/s for ${phaseSeconds} s… `);
      const r = await phase(kind, n, rate);
      rows.push(r);
      log(`${r.painted}/${r.sent} painted, median ${r.median.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms (load ${r.load.toFixed(1)})`);
    }
  }
}

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
log(
  `\nFleet push into one page (Chromium headless, ${os.cpus().length} cores; CPU in cores busy; load = 1-min load average at the phase's end):`,
);
log(
  'page    | nodes × rate/s | received / sent      | with history check   | painted / sent       | send→paint median / p99 | long tasks >50 ms (max) | heap MB | page MB/s (KB/msg) | CPU browser / server / emulators | load',
);
for (const r of rows) {
  log(
    `${r.page.padEnd(7)} | ${`${r.nodes} × ${r.rate}`.padStart(14)} | ${`${r.received} / ${r.sent} (${f((100 * r.received) / Math.max(1, r.sent), 1)} %)`.padEnd(20)} | ${`${r.eventually} (${f((100 * r.eventually) / Math.max(1, r.sent), 1)} %)`.padEnd(20)} | ${`${r.painted} / ${r.sent} (${f((100 * r.painted) / Math.max(1, r.sent), 1)} %)`.padEnd(20)} | ` +
      `${`${f(r.median)} / ${f(r.p99)} ms`.padStart(23)} | ${`${r.longTasks} (${f(r.longMax)} ms)`.padStart(23)} | ${f(r.heapMb, 1).padStart(7)} | ` +
      `${`${f(r.mbPerS, 1)} (${f(r.kbPerMessage, 1)})`.padStart(18)} | ${`${f(r.cpuBrowser, 2)} / ${f(r.cpuServer, 2)} / ${f(r.cpuEmulators, 2)}`.padStart(32)} | ${f(r.load, 1)}`,
  );
}
log("\nThe page's main thread per alarm sent (ms; CDP Performance.getMetrics over the phase):");
log('page    | nodes × rate/s | tasks | script | layout | style');
for (const r of rows)
  log(
    `${r.page.padEnd(7)} | ${`${r.nodes} × ${r.rate}`.padStart(14)} | ${f(r.main.task, 2).padStart(5)} | ${f(r.main.script, 2).padStart(6)} | ${f(r.main.layout, 2).padStart(6)} | ${f(r.main.style, 2).padStart(5)}`,
  );
log(
  "\nSend→paint in stages, median / p99 (ms): send→the page's main thread (proxy, socket; the console's worker and post; noted on Date.now, within a few ms of the sender's clock) | main thread→painted (write or render, decode, frames) | the flow: main thread→published (its flush):",
);
for (const r of rows)
  if (r.stages)
    log(
      `${r.page.padEnd(7)} | ${`${r.nodes} × ${r.rate}`.padStart(14)} | ${r.stages.map(([m, p]) => `${f(m, 1)} / ${f(p, 1)}`).join(' | ')}`,
    );
log('\nBrowser CPU per alarm sent, by thread (ms of CPU; the busiest):');
for (const r of rows) {
  const top = [...r.threads].sort((a, b) => b[1] - a[1]).slice(0, 6);
  log(`${r.page.padEnd(7)} | ${`${r.nodes} × ${r.rate}`.padStart(14)} | ${top.map(([name, ms]) => `${name} ${f(ms, 2)}`).join(', ')}`);
}
if (consolePath && !values['no-floor']) {
  log('\nConsole wall ÷ floor (aim: median ≤ 1.5×, p99 ≤ 1.25×); console: the flow layout, tiles: the tile layout:');
  for (const c of rows.filter((r) => r.page === 'console' || r.page === 'tiles')) {
    const fl = rows.find((r) => r.page === 'floor' && r.nodes === c.nodes && r.rate === c.rate)!;
    const sl = rows.find((r) => r.page === 'slim' && r.nodes === c.nodes && r.rate === c.rate)!;
    log(
      `  ${c.page.padEnd(7)} ${c.nodes} × ${c.rate}/s: median ${f(c.median / fl.median, 2)}×, p99 ${f(c.p99 / fl.p99, 2)}× ` +
        `(to the slim floor: ${f(c.median / sl.median, 2)}× / ${f(c.p99 / sl.p99, 2)}×); ` +
        `${c.longTasks} long tasks, heap ${f(c.heapMb, 1)} MB, browser CPU ${f(c.cpuBrowser, 2)} (floor ${f(fl.cpuBrowser, 2)}), load ${f(c.load, 1)}`,
    );
  }
}

await browser.close();
releaseLock();
await server.close();
for (const e of emulators) await e.close();
fs.rmSync(root, { recursive: true, force: true });
fs.rmSync(outDir, { recursive: true, force: true });
// The face engine's worker threads hold the loop open.
process.exit(0);
