// npm run bench:gallery [-- --faces N --files N --distinct --dist DIR --keep]
//
// The console in Chromium (Playwright) against an emulator holding a library
// of 100 000 faces, measuring what a user waits for:
//   - time to the first thumbnails when the gallery opens (a fresh page load,
//     and a navigation inside the app from the libraries list);
//   - time to show page 2000 (the last page of 50) typed into the pager;
//   - the batch-import rate for 1 000 files, through the import page (1030 in
//     chunks, the report read back per chunk), and the page's JS heap after it.
// The library is written straight into the emulator's SQLite (enrolling
// 100 000 pictures would take hours); its rows share 500 small pictures so
// thumbnails are real image loads, a shortcut for measuring the console,
// never what a device stores. The imported files are face crops of face-api's
// sample photos, repeated: the engine caches an analysis by content, so the
// rate measures the console and the device's pipeline, not face detection
// (--distinct makes every file's bytes unique, so each one is detected).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import { build, preview } from 'vite';
import { createClient } from '../src/api/client';
import { createLibrary, login, queryFaces } from '../src/api/protocol';
import { loadFacePool } from '../emulator/faces/pool';
import { startEmulator } from '../emulator/index';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';

const { values: args } = parseArgs({
  options: {
    faces: { type: 'string', default: '100000' },
    files: { type: 'string', default: '1000' },
    /** Every imported file different bytes: each one goes through face detection. */
    distinct: { type: 'boolean', default: false },
    /** An existing production build (else one is made in a temp folder). */
    dist: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const FACES = Number(args.faces);
const FILES = Number(args.files);
const PAGE_SIZE = 50;
const SHARED_PICTURES = 500;
const THUMBS_WAITED = 8;

const say = (m: string) => console.log(`[bench:gallery] ${m}`);
const rows: { what: string; value: string; note: string }[] = [];
const ms = (n: number) => `${n.toFixed(0)} ms`;

function table(): string {
  const all = [{ what: 'measure', value: 'value', note: 'note' }, ...rows];
  const w = (k: 'what' | 'value') => Math.max(...all.map((r) => r[k].length));
  const line = (r: (typeof all)[number]) => `${r.what.padEnd(w('what'))}  ${r.value.padStart(w('value'))}  ${r.note}`;
  return [line(all[0]!), '-'.repeat(line(all[0]!).length), ...all.slice(1).map(line)].join('\n');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-bench-gallery-'));
const dataDir = path.join(tmp, 'device');
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', dataDir, quiet: true, demoRecords: 0, model: 'm8s' });
const ctx = emulator.ctx;
let session: string | null = null;
const call = createClient({ baseUrl: emulator.url, getSession: () => session });

/** The n-th row's name, so a page's first card is known in advance. */
const nameOf = (i: number) => `Bench ${String(i).padStart(6, '0')}`;

async function fillLibrary(libId: number): Promise<void> {
  // 500 small distinct pictures (tinted crops of a sample photo), shared by the rows.
  await ctx.engine.ready();
  const pool = await loadFacePool(ctx.engine);
  if (pool.length === 0) throw new Error('no face in the sample photos');
  for (let p = 0; p < SHARED_PICTURES; p++) {
    const src = pool[p % pool.length]!.jpeg;
    const jpeg = await sharp(src)
      .resize(120, 120)
      .modulate({ hue: (p * 37) % 360, brightness: 0.9 + (p % 5) * 0.05 })
      .jpeg({ quality: 80 })
      .toBuffer();
    ctx.files.write(`img/bench/${p}.jpg`, jpeg);
  }
  const insert = ctx.db.prepare(
    `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
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
      for (let j = 0; j < 128; j++) feature[j] = feature[j]! * scale;
      insert.run(
        `bench-${i}`,
        libId,
        `img/bench/${i % SHARED_PICTURES}.jpg`,
        String(110101_19700101_0000n + BigInt(i) * 7919n).padStart(18, '0'),
        nameOf(i),
        String(i % 2),
        String(1 + (i % 90)),
        ['Beijing', 'Shanghai', 'Wuhan', 'Shenzhen'][i % 4]!,
        now,
        Buffer.from(feature.buffer.slice(0)),
      );
    }
  })();
}

/**
 * Import files, written to a folder (Chromium then reads them from disk, as
 * for a user's pick): the convention's names, real face crops, repeated unless
 * --distinct.
 */
async function importFiles(dir: string): Promise<string[]> {
  const pool = await loadFacePool(ctx.engine);
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < FILES; i++) {
    let buffer = pool[i % pool.length]!.jpeg;
    // An EXIF description makes the bytes unique without changing the picture.
    if (args.distinct)
      buffer = await sharp(buffer)
        .jpeg({ quality: 90 })
        .withMetadata({ exif: { IFD0: { ImageDescription: `bench ${i}` } } })
        .toBuffer();
    const file = path.join(dir, `Import ${i}_imp-${i}_#_${i % 2}_${20 + (i % 60)}_#.jpg`);
    fs.writeFileSync(file, buffer);
    out.push(file);
  }
  return out;
}

async function firstThumbs(page: Page): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.face-grid img')).slice(0, n);
          if (imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0)) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    THUMBS_WAITED,
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("No Chromium: install Debian's chromium or set CHROMIUM_PATH");
  session = await call(login, { user_name: ctx.options.user, user_pwd: ctx.options.password });
  say(`emulator at ${emulator.url}, ${os.cpus().length} cores`);

  let t = performance.now();
  const { lib_id: libId } = await call(createLibrary, { lib_name: 'bench gallery', lib_type: 1 });
  await fillLibrary(libId);
  const total = (await call(queryFaces, { lib_id: libId, qry_len: 1 })).total_num;
  rows.push({
    what: `fill ${total.toLocaleString('en')} faces (SQL)`,
    value: ms(performance.now() - t),
    note: `${SHARED_PICTURES} shared pictures`,
  });
  say(`library ${libId}: ${total} faces`);

  let outDir = args.dist;
  if (!outDir) {
    outDir = path.join(tmp, 'dist');
    say('building the console…');
    await build({ root: path.resolve(import.meta.dirname, '..'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  process.env.DEVICE_URL = emulator.url;
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!base) throw new Error('vite preview did not say where it listens');

  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    // tsx keeps function names with a __name() helper, which the page does not have.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    // Logged in as the console keeps it (sessionStorage), so the login page is not what is timed.
    const browserSession = await call(login, { user_name: ctx.options.user, user_pwd: ctx.options.password });
    await context.addInitScript(
      ([sid, user]) => sessionStorage.setItem('nebula.session', JSON.stringify({ state: { sessionId: sid, user }, version: 0 })),
      [browserSession, ctx.options.user] as const,
    );
    const page = await context.newPage();
    page.setDefaultTimeout(10 * 60_000);

    // Warm-up: the app's chunks in the HTTP cache, as for a user who has the console open.
    await page.goto(`${base}/libraries`);
    await page.getByRole('link', { name: 'bench gallery' }).waitFor();

    // 1a. A fresh load of the gallery URL.
    await page.goto(`${base}/libraries/${libId}`);
    const coldMs = await firstThumbs(page);
    rows.push({
      what: 'first thumbnails, page load',
      value: ms(coldMs),
      note: `navigation start → ${THUMBS_WAITED} thumbnails decoded (${PAGE_SIZE} a page)`,
    });
    say(`first thumbnails (load): ${ms(coldMs)}`);

    // 1b. From the libraries list, inside the app.
    await page.goto(`${base}/libraries`);
    await page.getByRole('link', { name: 'bench gallery' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await page.getByRole('link', { name: 'bench gallery' }).click();
    const inApp = (await firstThumbs(page)) - (await page.evaluate(() => (window as unknown as { __t0: number }).__t0));
    rows.push({ what: 'first thumbnails, in-app navigation', value: ms(inApp), note: 'click on the library → thumbnails' });
    say(`first thumbnails (in app): ${ms(inApp)}`);

    // 2. Page 2000 through the pager's "go to" box.
    const last = Math.ceil(total / PAGE_SIZE);
    const target = Math.min(2000, last);
    const expected = nameOf((target - 1) * PAGE_SIZE);
    const jumper = page.getByRole('textbox', { name: 'Page' });
    await jumper.fill(String(target));
    await page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await jumper.press('Enter');
    const pageMs = await page.evaluate(
      ([name, n]) =>
        new Promise<number>((resolve) => {
          const t0 = (window as unknown as { __t0: number }).__t0;
          const check = () => {
            const first = document.querySelector('.face-grid .face-card__name')?.textContent;
            const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.face-grid img')).slice(0, n);
            if (first === name && imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0)) resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          check();
        }),
      [expected, THUMBS_WAITED] as const,
    );
    rows.push({ what: `show page ${target}`, value: ms(pageMs), note: `Enter in the pager → "${expected}" and its thumbnails shown` });
    say(`page ${target}: ${ms(pageMs)}`);
    const heapBefore = await heapMb(page);

    // 3. Import 1 000 files.
    const files = await importFiles(path.join(tmp, 'import'));
    await page.goto(`${base}/libraries/${libId}/import`);
    t = performance.now();
    await page.getByTestId('import-files-input').setInputFiles(files);
    await page.getByRole('button', { name: `Import the files (${FILES})` }).waitFor();
    const pickMs = performance.now() - t;
    rows.push({ what: `check ${FILES} file names`, value: ms(pickMs), note: 'pick → table ready (names parsed, problems found)' });
    const started = performance.now();
    await page.getByRole('button', { name: `Import the files (${FILES})` }).click();
    await page
      .getByRole('region', { name: 'Import progress' })
      .getByRole('status')
      .filter({ hasText: 'Finished' })
      .waitFor({ timeout: 60 * 60_000 });
    const importS = (performance.now() - started) / 1000;
    const summary = (await page.getByRole('region', { name: 'Import progress' }).getByRole('status').textContent()) ?? '';
    rows.push({
      what: `import ${FILES} files`,
      value: `${(FILES / importS).toFixed(1)} files/s`,
      note: `${importS.toFixed(1)} s; ${summary.replace(/\s+/g, ' ').trim()}${args.distinct ? '; every file detected' : '; repeated pictures (engine cache)'}`,
    });
    say(`import: ${(FILES / importS).toFixed(1)} files/s`);
    const heapAfter = await heapMb(page);
    rows.push({ what: 'JS heap before import', value: `${heapBefore.toFixed(1)} MB`, note: `after GC, gallery at page ${target}` });
    rows.push({
      what: 'JS heap after import',
      value: `${heapAfter.toFixed(1)} MB`,
      note: `after GC, ${FILES} rows with their outcomes held`,
    });
    const stored = (await call(queryFaces, { lib_id: libId, qry_len: 1 })).total_num - total;
    rows.push({ what: 'stored by the import', value: String(stored), note: `of ${FILES}` });
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

const began = performance.now();
try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await emulator.close();
  if (args.keep) say(`data kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(
  `\nSenseNebula-M console gallery benchmark — ${FACES.toLocaleString('en')} faces, ${FILES} files imported, Chromium, ${os.cpus().length} cores\n`,
);
console.log(table());
console.log(`\ntotal ${((performance.now() - began) / 1000).toFixed(0)} s`);
