// npm run bench:overview [-- --records N --days N]
//
// What the overview costs: requests per page view (first view and a refresh)
// and the time to its first chart (alarms by hour today; yesterday's bars follow) and to
// every number, on the emulator's demo history and then with a million more
// records (the bulk filler of bench/emulator.ts, over 30 days). It runs the
// overview's own plan, fetchers and 4-slot limiter (src/features/overview)
// with the console's client over loopback HTTP, in the order the page asks;
// the browser's drawing is not in these times (Chart.js draws 48 bars in a
// few ms). The machine's load average is printed beside every time: the
// machine is shared, and a time means little without it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Call } from '../src/api/client';
import { getCpu, getMemory, getStorage, getTime, listCameras, listLibraries, login } from '../src/api/protocol';
import { parseDeviceTime } from '../src/api/protocol/device-time';
import { seedBulkHistory, type PoolFace } from '../emulator/demo/history';
import { startEmulator } from '../emulator/index';
import { testCacheDir } from '../emulator/faces/paths';
import { samplePhotoFiles } from '../emulator/faces/pool';
import sharp from 'sharp';
import { createLimiter } from '../src/features/overview/api/limiter';
import { fetchCount, fetchTopPersons } from '../src/features/overview/api/overview-fetch';
import { IN_FLIGHT } from '../src/features/overview/api/overview-queries';
import { dayStart, isFinal } from '../src/features/overview/model/buckets';
import { askable, overviewPlan, type Count } from '../src/features/overview/model/plan';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '30' },
    demo: { type: 'string', default: '5000' },
  },
});
const RECORDS = Number(args.records);
const DAYS = Number(args.days);
const say = (m: string) => console.log(`[bench] ${m}`);
const load = () =>
  `load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-overview-'));
const t0 = performance.now();
const emulator = await startEmulator({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  quiet: true,
  demo: true,
  demoRecords: Number(args.demo),
  rate: 0,
  cacheDir: testCacheDir(),
});
say(
  `emulator with the demo history (${args.demo} records) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${os.cpus().length} cores, ${load()}`,
);

let session: string | null = null;
const raw = createClient({ baseUrl: emulator.url, getSession: () => session });
session = await raw(login, { user_name: emulator.ctx.options.user, user_pwd: emulator.ctx.options.password });

interface Result {
  requests: number;
  firstChartMs: number;
  allMs: number;
}

const key = (c: Count) => `${c.filter.set}|${c.filter.channel ?? ''}|${c.filter.libId ?? ''}|${c.bucket.startTime}|${c.bucket.stopTime}`;

/**
 * One page view as the page makes it: the clock, the shared lists and the
 * device's state at once; then every count not final in `cache`, through the
 * 4-slot limiter, in the page's order (hours first: the first chart).
 */
async function view(cache: Map<string, number>, first: boolean): Promise<Result> {
  let requests = 0;
  const call: Call = (op, req, opts) => {
    requests++;
    return raw(op, req, opts);
  };
  const limit = createLimiter(IN_FLIGHT);
  const start = performance.now();
  // A refresh re-reads only what goes stale: the status every 30 s, the clock and lists every 5 minutes (counted as if due).
  const shared = first
    ? [call(listCameras, {}), call(listLibraries, {}), call(getStorage, {}), call(getCpu, {}), call(getMemory, {})]
    : [call(getStorage, {}), call(getCpu, {}), call(getMemory, {})];
  const time = await call(getTime, {});
  const now = parseDeviceTime(time.sys_time)!;
  // The page asks each list once (above, on a first view) and keeps it.
  const [cams, libs] = await Promise.all([raw(listCameras, {}), raw(listLibraries, {})]);
  const plan = overviewPlan(dayStart(now), { channels: cams.camera.map((c) => c.channel), libraryIds: libs.map((l) => l.lib_id), days: 7 });
  const ask = (cs: Count[]) =>
    Promise.all(
      askable(cs, now).map(async (c) => {
        const k = key(c);
        if (cache.has(k)) return cache.get(k)!;
        const n = await limit(() => fetchCount(call, c.filter, c.bucket));
        if (isFinal(c.bucket, now)) cache.set(k, n);
        return n;
      }),
    );
  let firstChartMs = 0;
  // The first chart is drawn once today's hours are in (yesterday's bars follow).
  const hours = ask(plan.alarmsByHour).then(() => (firstChartMs = performance.now() - start));
  await Promise.all([
    hours,
    ask(plan.alarmsYesterday),
    ask(plan.snapshotsByHour),
    ask(plan.alarmsByDay),
    ask(plan.perCamera),
    ask(plan.perLibrary),
    fetchTopPersons(call, plan.today, undefined, limit),
    ...shared,
  ]);
  return { requests, firstChartMs, allMs: performance.now() - start };
}

const lines: string[] = [];
async function measure(what: string): Promise<void> {
  const cache = new Map<string, number>();
  const first = await view(cache, true);
  const refresh = await view(cache, false);
  const row = (k: string, r: Result) =>
    `  ${what.padEnd(34)} ${k.padEnd(8)} ${String(r.requests).padStart(4)} requests   first chart ${r.firstChartMs.toFixed(0).padStart(6)} ms   all numbers ${r.allMs.toFixed(0).padStart(6)} ms   (${load()})`;
  lines.push(row('first', first), row('refresh', refresh));
  say(lines.at(-2)!.trim());
  say(lines.at(-1)!.trim());
}

await measure(`demo history (${args.demo} records)`);

// ---- a million more records, as bench/emulator.ts fills them
if (RECORDS > 0) {
  const t = performance.now();
  let shown = 0;
  // The bulk rows point at a handful of shared pictures, as in bench/emulator.ts.
  const pool: PoolFace[] = await Promise.all(
    samplePhotoFiles().map(async (file, i) => ({
      id: `sample-${i}`,
      jpeg: await sharp(file).resize(160, 160, { fit: 'cover', position: 'attention' }).jpeg({ quality: 85 }).toBuffer(),
    })),
  );
  const hist = await seedBulkHistory(emulator.ctx, {
    count: RECORDS,
    days: DAYS,
    pool,
    onProgress: (done) => {
      if (done - shown >= 250_000 || done === RECORDS)
        say(`records: ${(shown = done).toLocaleString('en')} / ${RECORDS.toLocaleString('en')} (${load()})`);
    },
  });
  say(
    `filled ${RECORDS.toLocaleString('en')} records (${hist.alarms} alarms) over ${DAYS} days in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  await measure(`+${RECORDS.toLocaleString('en')} records over ${DAYS} days`);
}

console.log('\nSenseNebula-M console — overview cost per page view (4 requests in flight at most; aim: first chart <= 1000 ms)\n');
for (const l of lines) console.log(l);
console.log(
  '\n  first: clock, cameras, libraries, storage, CPU, memory, every count of today / yesterday / 7 days / cameras / libraries, the top-person pages.\n' +
    '  refresh: the counts not yet final (current hour and day, per camera, per library), the top-person pages and the status reads.\n',
);
await emulator.close();
fs.rmSync(dataDir, { recursive: true, force: true });
