// npm run bench:wall [-- --seconds 20 --minutes 10 --drops 100 --rates 50,200,500]
// The alarm wall in Chromium (Debian's, headless) against an emulator of its
// own pushing at 50, 200 and 500 alarms a second (real engine, composed
// scenes). For each rate: push-to-paint latency (median, p99) from the
// device's send to the card painted in the page, long tasks over 50 ms and
// frames dropped, alarms received vs sent. Then a soak at 200/s for
// --minutes with --drops forced socket drops and one device restart spread
// over it: JS heap at its start and end, alarms lost and duplicated.
//
// How it measures, without adding anything to the protocol:
// - send time: the emulator's pipeline tells onSent(snap_id) right after each
//   WebSocket send; we note our epoch clock (performance.timeOrigin + now()).
// - paint time: the page, opened with window.__WALL_PROBE__ (see the wall's
//   lib/wall-probe.ts), notes per snap_id when the card mounted and a frame
//   later painted, on the same epoch clock; and which snap_ids entered the
//   wall's buffer (live or backfilled). We drain it every second.
// - the wall shows whitelist matches and strangers only here (a whitelist
//   library), so every alarm lands on top of the wall and gets a card: with
//   blacklist matches pinned above, the newest calm ones would not be on screen.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { startEmulator } from '../emulator/index';
import { loadFacePool } from '../emulator/faces/pool';
import { findChromium } from '../scripts/chromium';
import { createClient } from '../src/api/client';
import { addCamera, createLibrary, enrolFace, login, setStorage, type WsAlarm } from '../src/api/protocol';
import { DEFAULT_CAPACITY } from '../src/live/live-store';
import { launchCdp, type CdpPage } from './cdp';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    minutes: { type: 'string' },
    drops: { type: 'string' },
    rates: { type: 'string' },
    'restart-seconds': { type: 'string' },
    /** Record the page's CPU profile over the first rate and print where its time went. */
    profile: { type: 'boolean' },
    /** Record a Chrome trace over the first rate and print the renderer threads' busiest events (self time). */
    trace: { type: 'boolean' },
  },
});
const phaseSeconds = Number(values.seconds ?? 20);
const soakMinutes = Number(values.minutes ?? 10);
const dropCount = Number(values.drops ?? 100);
const restartSeconds = Number(values['restart-seconds'] ?? 5);
const rates = (values.rates ?? '50,200,500')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SOAK_RATE = 200;
const USER = 'admin';
const PASSWORD = 'Admin@12345';

const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.log(m);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
  process.exit(1);
}

// ---- the device ------------------------------------------------------------
// The device's storage is its own disk; here it shares two cores with the
// browser, so its 50 MB/s of snapshots and scenes go to memory where there is a tmpfs.
const deviceDisk = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const dataDir = fs.mkdtempSync(path.join(deviceDisk, 'nebula-bench-wall-'));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-wall-dist-'));
const emulator = await startEmulator({ port: 0, dataDir, quiet: true, rate: 0, maxStorageMb: 2048, restartSeconds });
/** The fault routes' header (emulator/faults.ts). */
const faults = { 'X-Emulator-Token': emulator.faultToken, 'Content-Type': 'application/json' };
let session: string | null = null;
const call = createClient({ baseUrl: emulator.url, getSession: () => session });
session = await call(login, { user_name: USER, user_pwd: PASSWORD });

log('Preparing: face pool, a whitelist library, 8 cameras, scenes (real engine)…');
const t0 = performance.now();
const pool = await loadFacePool(emulator.ctx.engine);
const { lib_id } = await call(createLibrary, { lib_name: 'bench staff', lib_type: 2 });
// Two faces in three enrolled: the rest of the scenes' faces are strangers.
const enrolled = pool.filter((_, i) => i % 3 !== 2);
for (const [i, face] of enrolled.entries()) {
  await call(enrolFace, {
    lib_id,
    img_id: `p${i}`,
    person_name: `Person ${i + 1}`,
    img: new File([new Uint8Array(face.jpeg)], `p${i}.jpg`),
  });
}
for (let i = 0; i < 8; i++) {
  await call(addCamera, {
    camera_mode: 'VIDEO',
    protocol: 'rtsp',
    url: `rtsp://127.0.0.1:554/cam${i}`,
    camera_name: `Gate ${i + 1}`,
    threshold: 85,
    snap_mode: 3,
    lib_ids: String(lib_id),
  });
}
await call(setStorage, { storage_strategy: 1 });
await emulator.prepareScenes();
log(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${enrolled.length} people, ${emulator.pipeline.counts.scenes} scenes`);

// What the device sent, per snap_id: when, and whether it was an alarm (a match, stored, so in the history).
interface Sent {
  at: number;
  alarm: boolean;
  body: boolean;
}
const sent = new Map<string, Sent>();
const kinds = new Map<string, { alarm: boolean; body: boolean }>();
const broadcast = emulator.hub.broadcast.bind(emulator.hub);
emulator.hub.broadcast = (m: WsAlarm) => {
  kinds.set(m.data.snap_id, { alarm: m.data.similarity >= 0 && m.data.snap_path !== '', body: m.data.obj_label === 2 });
  broadcast(m);
  // Bodies are not told to onSent; they are captures all the same.
  if (m.data.obj_label === 2) sent.set(m.data.snap_id, { at: epoch(), alarm: false, body: true });
};
emulator.pipeline.onSent = (snapId) => {
  const k = kinds.get(snapId);
  kinds.delete(snapId);
  sent.set(snapId, { at: epoch(), alarm: k?.alarm ?? false, body: false });
};

// ---- the console -----------------------------------------------------------
log('Building the console…');
// Readable names in a profile or a trace.
await build({ build: { outDir, emptyOutDir: true, minify: !(values.profile || values.trace) }, logLevel: 'warn' });
// `vite preview` and its proxy in a process of their own, as on site where the
// device is another machine: in this one the emulator's work (a capture is a
// database row and two files) would hold up the proxy's forwarding.
const previewPort = await freePort();
const server = spawn(
  process.execPath,
  [
    path.join('node_modules', 'vite', 'bin', 'vite.js'),
    'preview',
    '--outDir',
    outDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(previewPort),
    '--strictPort',
  ],
  { env: { ...process.env, DEVICE_URL: emulator.url }, stdio: ['ignore', 'ignore', 'pipe'] },
);
// Its proxy logs every socket the bench drops; kept for a failure to start.
let previewErr = '';
server.stderr?.on('data', (d: Buffer) => {
  previewErr = (previewErr + d.toString()).slice(-2000);
});
const base = `http://127.0.0.1:${previewPort}`;
for (let i = 0; ; i++) {
  if (
    await fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 300 || server.exitCode !== null) throw new Error(`vite preview did not start: ${previewErr}`);
  await sleep(100);
}

// Not Playwright: it would copy every WebSocket frame to itself (bench/cdp.ts).
const browser = await launchCdp(chromiumPath);
// A string, not a function: tsx's helpers (__name) do not exist in the page.
const initScript = `
  window.__WALL_PROBE__ = true;
  window.__benchLong = [];
  window.__benchFrames = { n: 0, dropped: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLong.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // Frames: a frame later than 1.5 vsyncs counts the vsyncs it missed.
  let last = 0;
  const frame = (t) => {
    if (last) {
      const gap = t - last;
      window.__benchFrames.n++;
      if (gap > 25) window.__benchFrames.dropped += Math.round(gap / 16.67) - 1;
    }
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;
const page: CdpPage = await browser.newPage(`${base}/login?next=${encodeURIComponent('/alarm-wall')}`, {
  width: 1440,
  height: 900,
  initScript,
});
const pageErrors = page.errors;
const onLoginPage = async () => new URL(await page.url()).pathname.startsWith('/login');

async function logIn(p: CdpPage): Promise<void> {
  await p.waitFor(`document.querySelector('input[autocomplete=username]')`, 'the login form');
  await p.type('input[autocomplete=username]', USER);
  await p.type('input[autocomplete=current-password]', PASSWORD);
  await p.evaluate(`document.querySelector('input[autocomplete=current-password]').form.requestSubmit()`);
  await p.waitFor(`!location.pathname.startsWith('/login')`, 'the login to go through');
}

async function waitLive(p: CdpPage): Promise<void> {
  await p.waitFor(
    `[...document.querySelectorAll('[role=status]')].some((e) => /live alarms: live/i.test(e.getAttribute('aria-label') ?? ''))`,
    'the live light',
  );
}

await logIn(page);
await waitLive(page);

// ---- probes ----------------------------------------------------------------
interface Arrival {
  snapId: string;
  seq: number;
  backfilled: boolean;
  /** On the page's main thread, from the socket (Date.now). */
  receivedAt: number;
  /** Published to the wall by a flush. */
  at: number;
}
interface Drained {
  arrivals: Arrival[];
  /** Every alarm the socket gave the store, shown or not. */
  reached: string[];
  /** The store's count of alarms of a gap it does not show (older than the buffer, or past the backfill's budget). */
  notShown: number;
  paints: Array<{ snapId: string; at: number }>;
  long: Array<[number, number]>;
  frames: { n: number; dropped: number };
}

async function drain(): Promise<Drained> {
  return page.evaluate<Drained>(`(() => {
    const taken = window.__wallProbe?.take() ?? { arrivals: [], paints: [], reached: [], notShown: 0 };
    const long = window.__benchLong;
    window.__benchLong = [];
    const frames = { ...window.__benchFrames };
    window.__benchFrames.n = 0;
    window.__benchFrames.dropped = 0;
    return { ...taken, long, frames };
  })()`);
}

async function heap(): Promise<{ used: number; nodes: number }> {
  await page.send('HeapProfiler.collectGarbage');
  const usage = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
  const dom = await page.send<{ nodes: number }>('Memory.getDOMCounters');
  return { used: usage.usedSize, nodes: dom.nodes };
}

/** Everything the page reported over a window, accumulated. */
class Tally {
  reached = new Set<string>();
  notShown = 0;
  arrivals = new Map<string, number>();
  received = new Map<string, number>();
  backfilled = new Set<string>();
  duplicates = 0;
  paints = new Map<string, number>();
  long: number[] = [];
  frames = 0;
  dropped = 0;
  add(d: Drained): void {
    for (const id of d.reached) this.reached.add(id);
    this.notShown = d.notShown;
    for (const a of d.arrivals) {
      if (this.arrivals.has(a.snapId)) this.duplicates++;
      else {
        this.arrivals.set(a.snapId, a.at);
        this.received.set(a.snapId, a.receivedAt);
      }
      if (a.backfilled) this.backfilled.add(a.snapId);
    }
    for (const p of d.paints) if (!this.paints.has(p.snapId)) this.paints.set(p.snapId, p.at);
    for (const [, duration] of d.long) this.long.push(duration);
    this.frames += d.frames.n;
    this.dropped += d.frames.dropped;
  }
}

/** The page's self time per function, the largest first (--profile). */
function printProfile(profile: {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (const [k, id] of samples.entries()) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    const ms = (deltas[k] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  }
  log(`\n  page CPU profile over ${(total / 1000).toFixed(1)} s (self time):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    log(`    ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time per event name on each renderer thread ("(program)" in a CPU profile is layout, paint, decoding…). */
function printTrace(events: TraceEvent[]): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    const name = threadNames.get(k) ?? '';
    if (!/CrRendererMain|DedicatedWorker|Compositor|RasterWorker|ThreadPool/.test(name)) continue;
    (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
  }
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.end <= until) {
        const top = stack.pop()!;
        self.set(top.e.name, (self.get(top.e.name) ?? 0) + top.e.dur! - top.child);
        if (stack.length) stack[stack.length - 1]!.child += top.e.dur!;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, end: e.ts + e.dur!, child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    if (total < 200_000) continue;
    log(`\n  ${threadNames.get(k)} (${k}): ${(total / 1e6).toFixed(1)} s busy`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12))
      log(`    ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
}

async function startTrace(): Promise<void> {
  await browser.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', '__metadata'] },
    transferMode: 'ReturnAsStream',
  });
}

async function stopTrace(): Promise<TraceEvent[]> {
  const done = new Promise<{ stream?: string }>((resolve) => browser.on('Tracing.tracingComplete', resolve));
  await browser.send('Tracing.end');
  const { stream } = await done;
  const chunks: string[] = [];
  for (;;) {
    const r = await browser.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle: stream, size: 1 << 22 });
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data);
    if (r.eof) break;
  }
  await browser.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

// ---- rates -----------------------------------------------------------------
interface RateRow {
  rate: number;
  sentPerS: number;
  sent: number;
  received: number;
  painted: number;
  median: number;
  p99: number;
  longTasks: number;
  longMax: number;
  frames: number;
  dropped: number;
  hubDropped: number;
  /** Medians of the legs: device send → page main thread, → published by a flush, → painted. */
  legs: [number, number, number];
  /** Matches (what 1036 holds) sent, and how many reached the console, live or read from history. */
  alarms: number;
  alarmsReached: number;
  alarmsFromHistory: number;
}

async function ratePhase(rate: number): Promise<RateRow> {
  await drain();
  sent.clear();
  const w = new Tally();
  const hubBefore = emulator.hub.stats().dropped;
  const start = performance.now();
  await emulator.setRate(rate);
  while (performance.now() - start < phaseSeconds * 1000) {
    await sleep(1000);
    w.add(await drain());
  }
  await emulator.setRate(0);
  const elapsed = (performance.now() - start) / 1000;
  // The tail: what was in flight arrives and paints.
  await sleep(3000);
  w.add(await drain());
  const phaseSent = new Map(sent);
  const latencies: number[] = [];
  const legs: [number[], number[], number[]] = [[], [], []];
  let received = 0;
  for (const [id, s] of phaseSent) {
    if (w.arrivals.has(id)) received++;
    const painted = w.paints.get(id);
    if (painted !== undefined) latencies.push(painted - s.at);
    const got = w.received.get(id);
    const published = w.arrivals.get(id);
    if (got !== undefined && published !== undefined && painted !== undefined) {
      legs[0].push(got - s.at);
      legs[1].push(published - got);
      legs[2].push(painted - published);
    }
  }
  latencies.sort((a, b) => a - b);
  for (const l of legs) l.sort((a, b) => a - b);
  // Alarms the device dropped for a slow subscriber come back through the
  // console's check against the history (every 15 s, once 5 s quiet): wait for it.
  const alarmIds = [...phaseSent].filter(([, s]) => s.alarm).map(([id]) => id);
  for (let i = 0; i < 30 && alarmIds.some((id) => !w.reached.has(id)); i++) {
    await sleep(1000);
    w.add(await drain());
  }
  return {
    alarms: alarmIds.length,
    alarmsReached: alarmIds.filter((id) => w.reached.has(id)).length,
    alarmsFromHistory: alarmIds.filter((id) => w.backfilled.has(id)).length,
    rate,
    sentPerS: phaseSent.size / elapsed,
    sent: phaseSent.size,
    received,
    painted: latencies.length,
    median: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    longTasks: w.long.length,
    longMax: w.long.length ? Math.max(...w.long) : 0,
    frames: w.frames,
    dropped: w.dropped,
    hubDropped: emulator.hub.stats().dropped - hubBefore,
    legs: [quantile(legs[0], 0.5), quantile(legs[1], 0.5), quantile(legs[2], 0.5)],
  };
}

const rows: RateRow[] = [];
const heapAtStart = await heap();
for (const [i, rate] of rates.entries()) {
  process.stdout.write(`  ${rate} alarms/s for ${phaseSeconds} s… `);
  const profiling = values.profile && i === 0;
  const tracing = values.trace && i === 0;
  if (profiling) {
    await page.send('Profiler.enable');
    await page.send('Profiler.start');
  }
  if (tracing) await startTrace();
  rows.push(await ratePhase(rate));
  log('done');
  if (profiling) printProfile((await page.send<{ profile: Parameters<typeof printProfile>[0] }>('Profiler.stop')).profile);
  if (tracing) printTrace(await stopTrace());
  await sleep(2000);
}

log('\nPush to paint (device send → card painted), per rate; captures = face snapshots + body records:');
log(
  'asked/s | sent/s | received / sent | painted | latency median / p99 | long tasks >50 ms (max) | frames dropped / frames | dropped by the device (slow subscriber)',
);
for (const r of rows) {
  log(
    `${String(r.rate).padStart(7)} | ${r.sentPerS.toFixed(0).padStart(6)} | ${`${r.received} / ${r.sent}`.padStart(15)} | ${String(r.painted).padStart(7)} | ` +
      `${`${r.median.toFixed(1)} / ${r.p99.toFixed(1)} ms`.padStart(20)} | ${`${r.longTasks} (${r.longMax.toFixed(0)} ms)`.padStart(23)} | ` +
      `${`${r.dropped} / ${r.frames}`.padStart(23)} | ${r.hubDropped}`,
  );
}
log(
  '\nAlarms (matches, what the alarm history holds): reached the console / sent | of them read from history (the device dropped their push)',
);
for (const r of rows) log(`${String(r.rate).padStart(7)} | ${`${r.alarmsReached} / ${r.alarms}`.padStart(15)} | ${r.alarmsFromHistory}`);
log('\nWhere the median goes (ms): device send → the page has it (proxy, network, worker) | → on the wall (flush) | → painted');
for (const r of rows) log(`${String(r.rate).padStart(7)} | ${r.legs.map((x) => x.toFixed(1).padStart(6)).join(' | ')}`);

// ---- soak ------------------------------------------------------------------
if (soakMinutes > 0) {
  log(
    `\nSoak: ${SOAK_RATE} alarms/s for ${soakMinutes} min, ${dropCount} forced socket drops and one device restart (${restartSeconds} s) during it…`,
  );
  await drain();
  sent.clear();
  const soakStartHeap = await heap();
  const w = new Tally();
  const notShownAtStart = (await drain()).notShown;
  const hubBefore = emulator.hub.stats().dropped;
  const totalMs = soakMinutes * 60_000;
  // Drops spread over the middle 90 %, the restart in the middle.
  const dropTimes = Array.from({ length: dropCount }, (_, i) => totalMs * (0.05 + (0.9 * (i + 0.5)) / Math.max(1, dropCount)));
  const restartAt = totalMs / 2;
  let dropsDone = 0;
  let restarted = false;
  let relogins = 0;
  const start = performance.now();
  await emulator.setRate(SOAK_RATE);
  let lastReport = start;
  const heapByMinute: number[] = [];
  /** Forced drops and the restart, to place any alarm that went missing. */
  const events: Array<{ at: number; what: string }> = [];
  const soakStartEpoch = epoch();
  while (performance.now() - start < totalMs) {
    await sleep(500);
    const t = performance.now() - start;
    while (dropsDone < dropTimes.length && dropTimes[dropsDone]! <= t) {
      if (emulator.state === 'up') await fetch(`${emulator.url}/__emulator/ws/drop`, { method: 'POST', headers: faults }).catch(() => {});
      events.push({ at: epoch(), what: 'drop' });
      dropsDone++;
    }
    if (!restarted && t >= restartAt) {
      restarted = true;
      events.push({ at: epoch(), what: 'restart' });
      await fetch(`${emulator.url}/__emulator/restart`, {
        method: 'POST',
        headers: faults,
        body: JSON.stringify({ seconds: restartSeconds }),
      });
    }
    // The device forgot the session: a supervisor logs in again, and the wall backfills.
    if (emulator.state === 'up' && (await onLoginPage())) {
      await logIn(page);
      relogins++;
    }
    w.add(await drain());
    if (performance.now() - lastReport > 60_000) {
      lastReport = performance.now();
      // After a GC, so the trend over the minutes says whether anything accumulates.
      const h = await heap();
      heapByMinute.push(h.used);
      log(
        `  ${((performance.now() - start) / 60_000).toFixed(1)} min: ${sent.size} sent, ${w.arrivals.size} on the wall, ${dropsDone} drops${restarted ? ', restarted' : ''}, ` +
          `JS heap ${mb(h.used)}, DOM nodes ${h.nodes}`,
      );
    }
  }
  await emulator.setRate(0);
  await emulator.whenUp();
  if (await onLoginPage()) {
    await logIn(page);
    relogins++;
  }
  await waitLive(page);
  // The last backfill (1036 pages) and paints.
  await sleep(8000);
  w.add(await drain());
  const soakEndHeap = await heap();

  let alarms = 0;
  let alarmsLost = 0;
  const lostSamples: string[] = [];
  let alarmsUnseen = 0;
  let others = 0;
  let othersMissed = 0;
  for (const [id, s] of sent) {
    const got = w.arrivals.has(id);
    if (s.alarm) {
      alarms++;
      if (!w.reached.has(id)) {
        alarmsLost++;
        if (lostSamples.length < 5) {
          const near = events.reduce((a, e) => (Math.abs(e.at - s.at) < Math.abs(a.at - s.at) ? e : a), {
            at: Number.POSITIVE_INFINITY,
            what: 'nothing',
          });
          lostSamples.push(
            `${id} sent at ${((s.at - soakStartEpoch) / 1000).toFixed(1)} s, ${((s.at - near.at) / 1000).toFixed(2)} s after a ${near.what}`,
          );
        }
      } else if (!got) alarmsUnseen++;
    } else {
      others++;
      if (!got) othersMissed++;
    }
  }
  const backfilledAlarms = [...w.backfilled].filter((id) => sent.get(id)?.alarm).length;
  log(`  sent: ${sent.size} captures, of which ${alarms} alarms (whitelist matches, stored in the alarm history)`);
  const told = w.notShown - notShownAtStart;
  log(
    `  alarms that never reached the console: ${alarmsLost} (the wall said ${told} of its gaps' alarms are only in the alarm search)   ` +
      `duplicated on the wall: ${w.duplicates}   recovered by backfill: ${backfilledAlarms}`,
  );
  if (lostSamples.length) log(`  never reached: ${lostSamples.join('; ')}`);
  log(
    `  alarms that reached the console but were older than the ${DEFAULT_CAPACITY} it keeps (never on the wall, counted in its notice): ${alarmsUnseen}`,
  );
  log(
    `  drops forced: ${dropsDone}, device restarts: ${restarted ? 1 : 0}, logins after the restart: ${relogins}, ` +
      `messages the device dropped for a slow subscriber: ${emulator.hub.stats().dropped - hubBefore}`,
  );
  log(
    `  non-alarm captures (strangers, bodies) pushed while disconnected and so not shown: ${othersMissed} of ${others} (not in the alarm history, by design)`,
  );
  log(
    `  long tasks >50 ms: ${w.long.length} (max ${w.long.length ? Math.max(...w.long).toFixed(0) : 0} ms), frames dropped ${w.dropped} of ${w.frames}`,
  );
  log(
    `  JS heap: ${mb(heapAtStart.used)} at the start of the bench, ${mb(soakStartHeap.used)} at the soak's start → ${mb(soakEndHeap.used)} after ${soakMinutes} min at ${SOAK_RATE}/s (after GC)`,
  );
  log(`  DOM nodes: ${soakStartHeap.nodes} → ${soakEndHeap.nodes}`);
  if (heapByMinute.length >= 4) {
    // Least squares over the minutes: MB per hour if it went on like this.
    const n = heapByMinute.length;
    const mx = (n - 1) / 2;
    const my = heapByMinute.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    heapByMinute.forEach((y, x) => {
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
    });
    log(
      `  JS heap trend over the minutes: ${(((sxy / sxx) * 60) / 1024 / 1024).toFixed(1)} MB per hour (min ${mb(Math.min(...heapByMinute))}, max ${mb(Math.max(...heapByMinute))})`,
    );
  }
}

if (pageErrors.length) log(`\nPage errors: ${pageErrors.slice(0, 5).join(' | ')}`);

await browser.close();
server.kill();
await emulator.close();
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(outDir, { recursive: true, force: true });
