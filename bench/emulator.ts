// npm run bench:emulator [-- --faces N --records N --runs N --keep]
//
// An emulator in a temp folder, filled with a 100 000-face library and a
// million snapshot records, measured over loopback HTTP with the console's own
// client: median and p99 of the queries the console makes most, and the
// enrolment rate with a warm engine. Rows are written straight into the store
// (enrolling 100 000 pictures would take hours); the record pictures are a
// handful of shared files under record/bench/ — a shortcut for measuring
// queries, never what the device does with real captures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createClient } from '../src/api/client';
import { DeviceError } from '../src/api/errors';
import { createLibrary, enrolFace, login, queryFaces } from '../src/api/protocol';
import type { Operation, RequestOf } from '../src/api/protocol/operation';
import { deleteAllSnapshots, exportSnapshotsPage, queryAlarms, queryBodies, querySnapshots } from '../src/api/protocol/records';
import { seedBulkHistory, type PoolFace } from '../emulator/demo/history';
import { loadFacePool, samplePhotoFiles } from '../emulator/faces/pool';
import { startEmulator } from '../emulator/index';
import { HANDLERS } from '../emulator/operations';
import { storageUsedBytes } from '../emulator/store/records';

const { values: args } = parseArgs({
  options: {
    faces: { type: 'string', default: '100000' },
    records: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '200' },
    /** Keep the data folder for a look afterwards. */
    keep: { type: 'boolean', default: false },
  },
});
const FACES = Number(args.faces);
const RECORDS = Number(args.records);
const DAYS = Number(args.days);
const RUNS = Number(args.runs);
/** No measured loop runs longer than this, whatever RUNS says. */
const LOOP_BUDGET_MS = 20_000;
const ENROL_RUNS = 60;

// ---- output ---------------------------------------------------------------------

interface Row {
  what: string;
  runs: number | string;
  median: string;
  p99: string;
  note: string;
}
const rows: Row[] = [];
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const say = (m: string) => console.log(`[bench] ${m}`);

function table(): string {
  const head: Row = { what: 'measure', runs: 'runs', median: 'median ms', p99: 'p99 ms', note: 'note' };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => String(r[k]).length));
  const line = (r: Row) =>
    `${String(r.what).padEnd(w('what'))}  ${String(r.runs).padStart(w('runs'))}  ${r.median.padStart(w('median'))}  ${r.p99.padStart(w('p99'))}  ${r.note}`;
  return [line(head), '-'.repeat(line(head).length), ...rows.map(line)].join('\n');
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;
}

// ---- setup ------------------------------------------------------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-'));
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, quiet: true, demoRecords: 0, model: 'm8s', rate: 0 });
const ctx = emulator.ctx;
let session: string | null = null;
const call = createClient({ baseUrl: emulator.url, getSession: () => session });

async function main(): Promise<void> {
  session = await call(login, { user_name: ctx.options.user, user_pwd: ctx.options.password });
  say(`emulator at ${emulator.url}, data in ${dataDir}, ${os.cpus().length} cores`);

  // A few real pictures: centre crops of face-api's sample photos.
  const photos = samplePhotoFiles();
  const crops: PoolFace[] = await Promise.all(
    photos.map(async (file, i) => ({
      id: `sample-${i}`,
      jpeg: await sharp(file).resize(160, 160, { fit: 'cover', position: 'attention' }).jpeg({ quality: 85 }).toBuffer(),
    })),
  );

  // ---- the library: 100 000 faces, straight into the store
  let t = performance.now();
  const libId = HANDLERS.has(createLibrary.msgId)
    ? (await call(createLibrary, { lib_name: 'bench', lib_type: 1 })).lib_id
    : Number(
        ctx.db
          .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, 1, ?, ?)')
          .run('bench', ctx.clock.format(), ctx.clock.format()).lastInsertRowid,
      );
  const names = fillFaces(libId, crops);
  rows.push({
    what: `fill ${FACES.toLocaleString('en')} faces (SQL)`,
    runs: 1,
    median: ms(performance.now() - t),
    p99: '',
    note: 'random 128-d descriptors',
  });

  // ---- a million records
  t = performance.now();
  let lastShown = 0;
  const hist = await seedBulkHistory(ctx, {
    count: RECORDS,
    days: DAYS,
    pool: crops,
    onProgress: (done) => {
      if (done - lastShown >= 200_000 || done === RECORDS) {
        say(`records: ${done.toLocaleString('en')} / ${RECORDS.toLocaleString('en')}`);
        lastShown = done;
      }
    },
  });
  const fillMs = performance.now() - t;
  rows.push({
    what: `fill ${RECORDS.toLocaleString('en')} records (bulk)`,
    runs: 1,
    median: ms(fillMs),
    p99: '',
    note: `${hist.faces} faces (${hist.alarms} alarms), ${hist.bodies} bodies over ${DAYS} days; ${Math.round(RECORDS / (fillMs / 1000)).toLocaleString('en')} rows/s`,
  });
  say(`store: ${(fs.statSync(path.join(dataDir, 'device.db')).size / 1e6).toFixed(0)} MB database`);

  // ---- queries
  const days = ctx.db
    .prepare<[], { d: string }>('SELECT DISTINCT substr(trigger, 1, 10) AS d FROM records WHERE kind = 1 ORDER BY d')
    .all()
    .map((r) => r.d);
  let k = 0;
  const dayRange = () => {
    const d = days[k++ % days.length]!;
    return { start_time: `${d} 00:00:00`, stop_time: `${d} 23:59:59` };
  };
  const channel = () => (k % ctx.spec.channels) + 1;

  if (HANDLERS.has(queryFaces.msgId)) {
    const fuzzy = ['wang', '北京', 'Emily', '4242', 'zh', 'nobody-at-all'];
    await measure('1035 fuzzy key, first page', queryFaces, () => ({ lib_id: libId, fuzzy_key: fuzzy[k++ % fuzzy.length]!, qry_len: 50 }));
    await measure('1035 exact name', queryFaces, () => ({ lib_id: libId, person_name: names[(k++ * 7919) % names.length]! }));
    await measure('1035 whole library, deep page', queryFaces, () => ({ lib_id: libId, start_no: FACES - 49 - (k++ % 1000), qry_len: 50 }));
  } else {
    rows.push({ what: '1035 face query', runs: '-', median: '', p99: '', note: 'skipped: no 1035 handler in emulator/operations yet' });
  }

  // Counts are cached per filter (store/records.ts); "cold" rows vary stop_time
  // by a second each run so every run counts afresh.
  let second = 0;
  const coldStop = () =>
    `2099-12-31 23:${String(59 - (Math.floor(second / 60) % 60)).padStart(2, '0')}:${String(59 - (second++ % 60)).padStart(2, '0')}`;
  await measure('1037 channel + one day, page 1', querySnapshots, () => ({ ...dayRange(), channel: channel(), qry_len: 50 }));
  await measure('1037 channel + one day, pages 2-5', querySnapshots, () => ({
    ...dayRange(),
    channel: channel(),
    start_no: 1 + 50 * (1 + (k % 4)),
    qry_len: 50,
  }));
  await measure('1037 one week, page 1', querySnapshots, () => {
    const from = days[k++ % Math.max(1, days.length - 7)]!;
    return { start_time: `${from} 00:00:00`, stop_time: `${days[days.indexOf(from) + 6] ?? from} 23:59:59`, qry_len: 50 };
  });
  await measure('1037 everything, page 1, cold count', querySnapshots, () => ({ stop_time: coldStop(), qry_len: 50 }), 100);
  await measure('1037 everything, pages 1-20', querySnapshots, () => ({ start_no: 1 + 50 * (k++ % 20), qry_len: 50 }));
  await measure('1037 library type, page 1, cold count', querySnapshots, () => ({ lib_type: 1, stop_time: coldStop(), qry_len: 50 }), 100);
  const faceTotal = hist.faces;
  await measure(
    '1037 deep page (middle of all)',
    querySnapshots,
    () => ({ start_no: Math.floor(faceTotal / 2) - (k++ % 1000) * 50, qry_len: 50 }),
    50,
  );
  await measure(
    '1037 deep page (channel, last)',
    querySnapshots,
    () => ({ channel: channel(), start_no: Math.floor(faceTotal / ctx.spec.channels) - 200, qry_len: 50 }),
    50,
  );
  await measure('1036 alarms by library, page 1', queryAlarms, () => ({ lib_ids: String(libId), channel: channel(), qry_len: 50 }));
  await measure('1046 bodies, channel + one day', queryBodies, () => ({ ...dayRange(), channel: channel(), qry_len: 50 }));
  await measure('1040 export 500 snapshots', exportSnapshotsPage, () => ({ ...dayRange(), qry_len: 500 }), 10);

  // ---- enrolment with a warm engine
  await enrolment(libId);

  // ---- delete everything
  t = performance.now();
  await call(deleteAllSnapshots, {});
  const delMs = performance.now() - t;
  const left = (await call(querySnapshots, {})).total_num;
  rows.push({
    what: `1045 delete all ${RECORDS.toLocaleString('en')} records`,
    runs: 1,
    median: ms(delMs),
    p99: '',
    note: `${left} left, storage ${storageUsedBytes(ctx)} B`,
  });
}

/** 100 000 faces with varied person fields, 128 random floats each; the first few with a real picture. */
function fillFaces(libId: number, crops: PoolFace[]): string[] {
  const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Smith', 'Brown', '王', '李', '张', '刘', '陈'];
  const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Yang', 'Emily', 'James', '伟', '芳', '娜', '敏', '静'];
  const CITIES = ['Beijing', 'Shanghai', 'Wuhan', 'Shenzhen', '北京市朝阳区', '上海市徐汇区', '武汉市江汉区', 'London'];
  const insert = ctx.db.prepare(
    `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const names: string[] = [];
  const feature = new Float32Array(128);
  const now = ctx.clock.format();
  ctx.db.transaction(() => {
    for (let i = 0; i < FACES; i++) {
      let norm = 0;
      for (let j = 0; j < 128; j++) {
        const v = Math.random() - 0.5;
        feature[j] = v;
        norm += v * v;
      }
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < 128; j++) feature[j] = (feature[j] ?? 0) * scale;
      const imgId = `bench-${i}`;
      const imgPath = `img/${libId}_${imgId}.jpg`;
      if (i < crops.length) ctx.files.write(imgPath, crops[i]!.jpeg);
      const name = `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}${i % 97}`;
      names.push(name);
      const idcard = String(110101_19700101_0000n + BigInt(i) * 7919n).padStart(18, '0');
      insert.run(
        imgId,
        libId,
        imgPath,
        idcard,
        name,
        String(i % 2),
        String(1 + (i % 90)),
        CITIES[i % CITIES.length],
        now,
        Buffer.from(feature.buffer.slice(0)),
      );
    }
  })();
  return names;
}

/** Median and p99 of one request, RUNS times (or fewer if the loop budget runs out). */
async function measure<Op extends Operation>(what: string, op: Op, req: () => RequestOf<Op>, runs = RUNS): Promise<void> {
  if (!HANDLERS.has(op.msgId)) {
    rows.push({ what, runs: '-', median: '', p99: '', note: `skipped: no ${op.msgId} handler yet` });
    return;
  }
  // Two unmeasured calls: prepared statements and the page cache.
  for (let i = 0; i < 2; i++) await call(op, req()).catch(() => undefined);
  const times: number[] = [];
  let totals = 0;
  let refused = '';
  const started = performance.now();
  for (let i = 0; i < runs && performance.now() - started < LOOP_BUDGET_MS; i++) {
    const t = performance.now();
    try {
      const ans = (await call(op, req())) as { total_num?: number };
      totals += ans.total_num ?? 0;
    } catch (e) {
      refused = e instanceof DeviceError ? `refused ${e.code}` : String(e);
    }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const note = refused || `avg total_num ${Math.round(totals / times.length).toLocaleString('en')}`;
  rows.push({ what, runs: times.length, median: ms(quantile(times, 0.5)), p99: ms(quantile(times, 0.99)), note });
  say(`${what}: median ${ms(quantile(times, 0.5))} ms, p99 ${ms(quantile(times, 0.99))} ms`);
}

/** 1029 into the 100 000-face library, the same picture each time (the engine's cache answers), new img_ids. */
async function enrolment(libId: number): Promise<void> {
  const what = '1029 enrol, warm engine cache';
  if (!HANDLERS.has(enrolFace.msgId)) {
    rows.push({ what, runs: '-', median: '', p99: '', note: 'skipped: no 1029 handler yet' });
    return;
  }
  let picture: Buffer;
  try {
    const t = performance.now();
    await ctx.engine.ready();
    const pool = await loadFacePool(ctx.engine);
    if (pool.length === 0) throw new Error('no face in the sample photos');
    picture = pool[0]!.jpeg;
    say(`engine ready and face pool loaded in ${ms(performance.now() - t)} ms`);
  } catch (e) {
    rows.push({
      what,
      runs: '-',
      median: '',
      p99: '',
      note: `skipped: engine not available (${e instanceof Error ? e.message : String(e)})`,
    });
    return;
  }
  const bytes = new Uint8Array(picture);
  const img = () => new File([bytes], 'face.jpg', { type: 'image/jpeg' });
  // The first enrolment fills the engine's cache.
  await call(enrolFace, { lib_id: libId, img_id: 'warm-0', img: img() });
  const times: number[] = [];
  const started = performance.now();
  let failed = '';
  for (let i = 1; i <= ENROL_RUNS && performance.now() - started < LOOP_BUDGET_MS; i++) {
    const t = performance.now();
    try {
      await call(enrolFace, { lib_id: libId, img_id: `warm-${i}`, img: img() });
    } catch (e) {
      failed = e instanceof DeviceError ? `refused ${e.code}` : String(e);
    }
    times.push(performance.now() - t);
  }
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  rows.push({
    what,
    runs: times.length,
    median: ms(quantile(times, 0.5)),
    p99: ms(quantile(times, 0.99)),
    note: failed || `${(times.length / (wall / 1000)).toFixed(1)} enrolments/s`,
  });
}

const began = performance.now();
try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await emulator.close();
  if (args.keep) say(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `\nSenseNebula-M emulator benchmark — ${FACES.toLocaleString('en')} faces, ${RECORDS.toLocaleString('en')} records, loopback HTTP, ${os.cpus().length} cores\n`,
);
console.log(table());
console.log(`\ntotal ${((performance.now() - began) / 1000).toFixed(0)} s`);
