import fs from 'node:fs';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_ATTR_VALUES, completeBodyAttr, FACE_ATTR_VALUES } from '../../src/api/protocol/attributes';
import {
  deleteAllSnapshots,
  exportAlarmsChosen,
  exportAlarmsPage,
  exportBodiesChosen,
  exportBodiesPage,
  exportSnapshotsChosen,
  exportSnapshotsPage,
  queryAlarms,
  queryBodies,
  querySnapshots,
} from '../../src/api/protocol/records';
import type { EmulatorContext } from '../context';
import { seedHistory, type PoolFace } from '../demo/history';
import { deleteOldestRecords, insertRecord, storageUsedBytes, type MatchedFace } from '../store/records';
import { startTestDevice, type TestDevice } from '../testing';

const FACE_ATTR = {
  st_age: 'st_adult',
  mustache_style: 'mustache_style_type_none',
  respirator_color: 'color_type_none',
  glass_style: 'glasses_style_type_none',
  gender_code: 'female',
  st_expression: 'st_calm',
  cap_style: 'hat_style_type_none',
  st_age_value: '26.000000',
};

async function jpeg(hue: number, w = 96, h = 96): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: { r: hue, g: 255 - hue, b: 128 } } })
    .jpeg()
    .toBuffer();
}

async function tinyPool(n: number): Promise<PoolFace[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => ({ id: `pool-${i}`, jpeg: await jpeg(30 * i) })));
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

function unzip(buf: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function download(dev: TestDevice, url: string): Promise<ZipEntry[]> {
  const res = await fetch(`${dev.url}/ws/${url}`);
  expect(res.status).toBe(200);
  return unzip(Buffer.from(await res.arrayBuffer()));
}

/** Posts past the client (which would refuse an out-of-range request itself). */
async function raw(dev: TestDevice, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${dev.url}/api/json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', sessionid: dev.session() ?? '' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { code: number }).code;
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: { code?: number }) => e.code ?? -1,
  );

function addLibraryFace(
  ctx: EmulatorContext,
  libName: string,
  libType: 1 | 2,
  imgId: string,
  picture: Buffer | null,
): { lib_id: number; face: MatchedFace } {
  const now = '2024-05-01 08:00:00';
  let lib = ctx.db.prepare<[string], { lib_id: number }>('SELECT lib_id FROM libraries WHERE lib_name = ?').get(libName);
  if (!lib) {
    const info = ctx.db
      .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, ?, ?, ?)')
      .run(libName, libType, now, now);
    lib = { lib_id: Number(info.lastInsertRowid) };
  }
  const face: MatchedFace = {
    img_id: imgId,
    img_path: `img/${lib.lib_id}_${imgId}.jpg`,
    person_idcard: `11010${imgId.length}`,
    person_name: `Person ${imgId}`,
    person_gender: '1',
    person_age: '41',
    person_addr: 'Haidian',
    create_time: now,
  };
  ctx.db
    .prepare(
      `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time)
       VALUES (@img_id, @lib_id, @img_path, @person_idcard, @person_name, @person_gender, @person_age, @person_addr, @create_time)`,
    )
    .run({ ...face, lib_id: lib.lib_id });
  if (picture) ctx.files.write(face.img_path, picture);
  return { lib_id: lib.lib_id, face };
}

describe('snapshot, alarm and body records (§3.13-3.18, §3.21-3.24)', () => {
  let dev: TestDevice;
  let ctx: EmulatorContext;
  let black: { lib_id: number; face: MatchedFace };
  let white: { lib_id: number; face: MatchedFace };
  const ids = { faces: [] as string[], alarms: [] as string[], bodies: [] as string[] };

  beforeAll(async () => {
    dev = await startTestDevice({ model: 'm8s' });
    ctx = dev.emulator.ctx;
    const snap = await jpeg(40);
    black = addLibraryFace(ctx, 'Wanted', 1, 'black-1', await jpeg(200, 120, 160));
    // The whitelist face's picture is gone (deleted from the library after the alarm).
    white = addLibraryFace(ctx, 'Staff', 2, 'white-1', null);
    // 30 face snapshots on 2024-05-10 from 08:00:00, one a minute, channels 1-3;
    // every fifth an alarm (alternating black / white), every third a near miss.
    for (let i = 0; i < 30; i++) {
      const trigger = `2024-05-10 08:${String(i).padStart(2, '0')}:00`;
      const channel = (i % 3) + 1;
      const alarmLib = i % 5 === 0 ? ((i / 5) % 2 === 0 ? black : white) : null;
      const lib = alarmLib ?? (i % 3 === 0 ? black : null);
      const lib_name = lib === black ? 'Wanted' : 'Staff';
      const rec = insertRecord(ctx, {
        kind: 'face',
        snap_id: `face-${String(i).padStart(2, '0')}`,
        channel,
        camera_name: `Cam ${channel}`,
        position: 'Gate',
        trigger,
        threshold: 80,
        quality: 90,
        candidate: lib
          ? { lib_id: lib.lib_id, lib_name, lib_type: lib === black ? 1 : 2, similarity: alarmLib ? 91 : 40, face: lib.face }
          : null,
        face_attr: FACE_ATTR,
        snap,
      });
      ids.faces.push(rec.snap_id);
      if (rec.alarm) ids.alarms.push(rec.snap_id);
    }
    for (let i = 0; i < 6; i++) {
      const rec = insertRecord(ctx, {
        kind: 'body',
        snap_id: `body-${i}`,
        channel: (i % 2) + 1,
        camera_name: `Cam ${(i % 2) + 1}`,
        position: '',
        trigger: `2024-05-11 09:0${i}:00`,
        quality: 67,
        body_attr: { st_pedestrian_angle: 'st_front', gender_code: 'male', coat_color: 'blue', bag_style: 'bag_style_type_none' },
        snap: await jpeg(100, 64, 128),
      });
      ids.bodies.push(rec.snap_id);
    }
    // Summed once here; from now on kept by every insert and delete.
    storageUsedBytes(ctx);
  });
  afterAll(() => dev.close());

  it('pages face snapshots newest first, with the total', async () => {
    const p1 = await dev.call(querySnapshots, { start_no: 1, qry_len: 10 });
    expect(p1.total_num).toBe(30);
    expect(p1.result_num).toBe(10);
    expect(p1.record.map((r) => r.snap_id)).toEqual(ids.faces.slice(20).reverse());
    const p3 = await dev.call(querySnapshots, { start_no: 21, qry_len: 50 });
    expect(p3.record.map((r) => r.snap_id)).toEqual(ids.faces.slice(0, 10).reverse());
    const past = await dev.call(querySnapshots, { start_no: 31 });
    expect(past).toEqual({ record: [], result_num: 0, total_num: 30 });
    // Default page: 10.
    expect((await dev.call(querySnapshots, {})).result_num).toBe(10);
  });

  it('answers the reference record shape, with "no library" values on plain snapshots', async () => {
    const [plain] = (await dev.call(querySnapshots, { start_time: '2024-05-10 08:01:00', stop_time: '2024-05-10 08:01:00' })).record;
    expect(plain).toEqual({
      camera_name: 'Cam 2',
      channel: 2,
      lib_id: 0,
      lib_name: '',
      lib_type: 0,
      position: 'Gate',
      ranking: 0,
      similarity: -1,
      snap_id: 'face-01',
      snap_path: 'record/face-01.jpg',
      threshold: 80,
      trigger: '2024-05-10 08:01:00',
      face_attr: FACE_ATTR,
    });
    const picture = await fetch(`${dev.url}/ws/${plain!.snap_path}`);
    expect(picture.headers.get('content-type')).toContain('image/jpeg');
    const [nearMiss] = (await dev.call(querySnapshots, { start_time: '2024-05-10 08:03:00', stop_time: '2024-05-10 08:03:00' })).record;
    expect(nearMiss).toMatchObject({ lib_id: black.lib_id, lib_name: 'Wanted', lib_type: 1, ranking: 1, similarity: 40 });
  });

  it('filters by channel, inclusive time range, library name and type', async () => {
    const ch2 = await dev.call(querySnapshots, { channel: 2, qry_len: 50 });
    expect(ch2.total_num).toBe(10);
    expect(ch2.record.every((r) => r.channel === 2)).toBe(true);
    const range = await dev.call(querySnapshots, { start_time: '2024-05-10 08:05:00', stop_time: '2024-05-10 08:09:00', qry_len: 50 });
    expect(range.record.map((r) => r.trigger)).toEqual(['09', '08', '07', '06', '05'].map((m) => `2024-05-10 08:${m}:00`));
    const open = await dev.call(querySnapshots, { start_time: '2024-05-10 08:25:00' });
    expect(open.total_num).toBe(5);
    const until = await dev.call(querySnapshots, { stop_time: '2024-05-10 08:02:00' });
    expect(until.total_num).toBe(3);
    const both = await dev.call(querySnapshots, { channel: 1, start_time: '2024-05-10 08:00:00', stop_time: '2024-05-10 08:10:00' });
    expect(both.record.map((r) => r.snap_id)).toEqual(['face-09', 'face-06', 'face-03', 'face-00']);
    const wanted = await dev.call(querySnapshots, { lib_name: 'Wanted', qry_len: 50 });
    expect(wanted.record.every((r) => r.lib_name === 'Wanted')).toBe(true);
    const staff = await dev.call(querySnapshots, { lib_type: 2, qry_len: 50 });
    expect(staff.record.map((r) => r.snap_id).sort()).toEqual(['face-05', 'face-15', 'face-25']);
    expect((await dev.call(querySnapshots, { lib_name: 'Nobody' })).total_num).toBe(0);
  });

  it('refuses an out-of-range channel, qry_len 51 and a start after the stop (-3596)', async () => {
    expect(await code(dev.call(querySnapshots, { channel: 17 }))).toBe(-3596);
    expect(await code(dev.call(querySnapshots, { channel: 0 }))).toBe(-3596);
    expect(await code(dev.call(queryBodies, { channel: 17 }))).toBe(-3596);
    expect(await code(dev.call(queryAlarms, { channel: 99 }))).toBe(-3596);
    expect(await code(dev.call(querySnapshots, { start_time: '2024-05-11 00:00:00', stop_time: '2024-05-10 00:00:00' }))).toBe(-3596);
    expect(await raw(dev, { msg_id: '1037', qry_len: 51 })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1036', qry_len: 51 })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1046', qry_len: 51 })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1040', qry_len: 501 })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1037', start_time: '2024/05/10' })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1037', qry_len: 50 })).toBe(0);
    expect(await raw(dev, { msg_id: '1040', qry_len: 500 })).toBe(0);
  });

  it('answers alarms with the matched person, filtered by library ids', async () => {
    const all = await dev.call(queryAlarms, { qry_len: 50 });
    expect(all.total_num).toBe(6);
    expect(all.record.map((r) => r.snap_id)).toEqual([...ids.alarms].reverse());
    const first = all.record.find((r) => r.snap_id === 'face-00')!;
    expect(first).toMatchObject({
      lib_id: black.lib_id,
      lib_name: 'Wanted',
      lib_type: 1,
      similarity: 91,
      threshold: 80,
      ranking: 1,
      img_id: 'black-1',
      img_path: black.face.img_path,
      person_name: 'Person black-1',
      person_gender: '1',
      person_age: '41',
      create_time: '2024-05-01 08:00:00',
    });
    const staff = await dev.call(queryAlarms, { lib_ids: String(white.lib_id) });
    expect(staff.record.map((r) => r.snap_id)).toEqual(['face-25', 'face-15', 'face-05']);
    expect((await dev.call(queryAlarms, { lib_ids: `${black.lib_id},${white.lib_id}` })).total_num).toBe(6);
    expect((await dev.call(queryAlarms, { lib_ids: '' })).total_num).toBe(6);
    expect((await dev.call(queryAlarms, { lib_type: 1, channel: 1 })).record.map((r) => r.snap_id)).toEqual(['face-00']);
  });

  it('exports a page of snapshots as a zip of crops and a CSV', async () => {
    const ans = await dev.call(exportSnapshotsPage, { channel: 1, qry_len: 4 });
    expect(ans).toMatchObject({ result_num: 4, total_num: 10 });
    expect(ans.export_url).toMatch(/^tmp\/catch_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}(-\d+)?\.zip$/);
    const entries = await download(dev, ans.export_url);
    expect(entries.map((e) => e.name).sort()).toEqual(['catch.csv', 'face-18.jpg', 'face-21.jpg', 'face-24.jpg', 'face-27.jpg']);
    const jpg = entries.find((e) => e.name === 'face-27.jpg')!;
    expect((await sharp(jpg.data).metadata()).format).toBe('jpeg');
    const csv = entries
      .find((e) => e.name === 'catch.csv')!
      .data.toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(5);
    const header = csv[0]!.split(',');
    expect(header).toEqual(
      expect.arrayContaining(['snap_id', 'trigger', 'channel', 'similarity', 'st_age', 'st_age_value', 'gender_code', 'picture']),
    );
    const row = csv[1]!.split(',');
    expect(row[header.indexOf('snap_id')]).toBe('face-27');
    expect(row[header.indexOf('gender_code')]).toBe('female');
    expect(row[header.indexOf('picture')]).toBe('face-27.jpg');
  });

  it('answers -2100 when a page has nothing to export', async () => {
    expect(await code(dev.call(exportSnapshotsPage, { start_time: '2030-01-01 00:00:00' }))).toBe(-2100);
    expect(await code(dev.call(exportSnapshotsPage, { start_no: 31 }))).toBe(-2100);
    expect(await code(dev.call(exportBodiesPage, { channel: 5 }))).toBe(-2100);
    expect(await code(dev.call(exportAlarmsPage, { lib_ids: '999' }))).toBe(-2100);
  });

  it('exports chosen snapshots and names the ids it could not find', async () => {
    const ans = await dev.call(exportSnapshotsChosen, { snap_ids: 'face-01,nope,face-02,body-0' });
    expect(ans).toMatchObject({ result_num: 2, total_num: 4, failed_img_ids: 'nope,body-0' });
    const names = (await download(dev, ans.export_url)).map((e) => e.name).sort();
    expect(names).toEqual(['catch.csv', 'face-01.jpg', 'face-02.jpg']);
    expect(await code(dev.call(exportSnapshotsChosen, { snap_ids: 'nope,also-nope' }))).toBe(-2100);
    expect(await raw(dev, { msg_id: '1043', snap_ids: '' })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1043', snap_ids: Array.from({ length: 51 }, (_, i) => `x${i}`).join(',') })).toBe(-3596);
  });

  it('exports alarms with the library picture while the library still has it (lib_ids required)', async () => {
    expect(await raw(dev, { msg_id: '1039' })).toBe(-3596);
    expect(await raw(dev, { msg_id: '1039', lib_ids: '' })).toBe(-3596);
    const ans = await dev.call(exportAlarmsPage, { lib_ids: `${black.lib_id},${white.lib_id}`, qry_len: 500 });
    expect(ans).toMatchObject({ result_num: 6, total_num: 6 });
    const entries = await download(dev, ans.export_url);
    expect(ans.export_url).toMatch(/^tmp\/alarm_/);
    const names = entries.map((e) => e.name).sort();
    // One library picture for the blacklist face (shared by three alarms); the whitelist one is gone.
    expect(names).toEqual(['alarm.csv', ...[...ids.alarms].sort().map((i) => `${i}.jpg`), 'library/black-1.jpg'].sort());
    const csv = entries
      .find((e) => e.name === 'alarm.csv')!
      .data.toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = csv[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['img_id', 'person_name', 'person_idcard', 'library_picture']));
    const white25 = csv.find((l) => l.startsWith('face-25,'))!.split(',');
    expect(white25[header.indexOf('img_id')]).toBe('white-1');
    expect(white25[header.indexOf('library_picture')]).toBe('');

    const chosen = await dev.call(exportAlarmsChosen, { snap_ids: 'face-00,face-01' });
    // face-01 is a snapshot but not an alarm.
    expect(chosen).toMatchObject({ result_num: 1, total_num: 2, failed_img_ids: 'face-01' });
    expect((await download(dev, chosen.export_url)).map((e) => e.name).sort()).toEqual(['alarm.csv', 'face-00.jpg', 'library/black-1.jpg']);
    expect(await code(dev.call(exportAlarmsChosen, { snap_ids: 'face-01' }))).toBe(-2100);
  });

  it('queries and exports body snapshots', async () => {
    const page = await dev.call(queryBodies, { channel: 1, start_time: '2024-05-11 09:00:00', stop_time: '2024-05-11 09:04:00' });
    expect(page.total_num).toBe(3);
    expect(page.record[0]).toEqual({
      camera_name: 'Cam 1',
      channel: 1,
      position: '',
      quality: 67,
      snap_id: 'body-4',
      snap_path: 'record/body/body-4.jpg',
      trigger: '2024-05-11 09:04:00',
      // Every attribute of Appendix C, "" where the record has none.
      body_attr: completeBodyAttr({
        st_pedestrian_angle: 'st_front',
        gender_code: 'male',
        coat_color: 'blue',
        bag_style: 'bag_style_type_none',
      }),
    });
    expect(Object.keys(page.record[0]!.body_attr).sort()).toEqual(Object.keys(BODY_ATTR_VALUES).sort());
    expect(page.record[0]!.body_attr).toMatchObject({ st_umbrella: '', st_respirator: '', st_bag: '' });
    const ans = await dev.call(exportBodiesPage, {});
    expect(ans).toMatchObject({ result_num: 6, total_num: 6 });
    const entries = await download(dev, ans.export_url);
    expect(entries.map((e) => e.name)).toContain('body.csv');
    const header = entries
      .find((e) => e.name === 'body.csv')!
      .data.toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(header).toEqual(expect.arrayContaining(['quality', ...Object.keys(BODY_ATTR_VALUES)]));
    const chosen = await dev.call(exportBodiesChosen, { snap_ids: 'body-1,face-00' });
    expect(chosen).toMatchObject({ result_num: 1, total_num: 2, failed_img_ids: 'face-00' });
  });

  it('keeps totals exact as new records come in (counts are cached per filter)', async () => {
    const filter = { channel: 3, start_time: '2024-05-10 00:00:00', stop_time: '2024-05-10 23:59:59' };
    const before = (await dev.call(querySnapshots, filter)).total_num;
    const alarmsBefore = (await dev.call(queryAlarms, { lib_ids: String(black.lib_id) })).total_num;
    const add = (snap_id: string, channel: number, trigger: string, similarity: number) =>
      insertRecord(ctx, {
        kind: 'face',
        snap_id,
        channel,
        camera_name: 'Cam',
        position: '',
        trigger,
        threshold: 80,
        quality: 80,
        candidate: { lib_id: black.lib_id, lib_name: 'Wanted', lib_type: 1, similarity, face: black.face },
        face_attr: FACE_ATTR,
        snap: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      });
    add('late-1', 3, '2024-05-10 23:59:59', 95);
    add('late-2', 2, '2024-05-10 12:00:00', 95);
    add('late-3', 3, '2024-05-11 00:00:00', 10);
    expect((await dev.call(querySnapshots, filter)).total_num).toBe(before + 1);
    expect((await dev.call(querySnapshots, { ...filter, qry_len: 1 })).record[0]!.snap_id).toBe('late-1');
    expect((await dev.call(queryAlarms, { lib_ids: String(black.lib_id) })).total_num).toBe(alarmsBefore + 2);
  });

  it('drops the oldest records and their pictures for an overwrite policy', async () => {
    const total = (await dev.call(querySnapshots, {})).total_num;
    const used = storageUsedBytes(ctx);
    const freed = deleteOldestRecords(ctx, 2);
    expect(freed).toBeGreaterThan(0);
    expect(storageUsedBytes(ctx)).toBe(used - freed);
    // The first two stored: face-00 and face-01.
    expect((await dev.call(querySnapshots, {})).total_num).toBe(total - 2);
    expect(await code(dev.call(exportSnapshotsChosen, { snap_ids: 'face-00,face-01' }))).toBe(-2100);
    expect(ctx.files.read('record/face-00.jpg')).toBeNull();
    expect(ctx.files.read('record/face-02.jpg')).not.toBeNull();
  });

  it('counts the bytes records take, and 1045 deletes every record and picture', async () => {
    const before = storageUsedBytes(ctx);
    expect(before).toBeGreaterThan(0);
    const sum = ctx.db.prepare<[], { n: number }>('SELECT SUM(bytes) AS n FROM records').get()!.n;
    expect(before).toBe(sum);
    await dev.call(deleteAllSnapshots, {});
    expect((await dev.call(querySnapshots, {})).total_num).toBe(0);
    expect((await dev.call(queryAlarms, {})).total_num).toBe(0);
    expect((await dev.call(queryBodies, {})).total_num).toBe(0);
    expect(storageUsedBytes(ctx)).toBe(0);
    expect((await fetch(`${dev.url}/ws/record/face-01.jpg`)).status).toBe(404);
    expect(fs.existsSync(ctx.files.resolve('record')!)).toBe(false);
    // The library keeps its own pictures.
    expect(ctx.files.read(black.face.img_path)).not.toBeNull();
    // Twice is fine, and new records come in afterwards.
    await dev.call(deleteAllSnapshots, {});
    insertRecord(ctx, { kind: 'body', channel: 1, camera_name: 'c', position: '', quality: 50, body_attr: {}, snap: await jpeg(5) });
    expect((await dev.call(queryBodies, {})).total_num).toBe(1);
    expect(storageUsedBytes(ctx)).toBeGreaterThan(0);
  });
});

describe('demo history', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ model: 'm4s' });
  });
  afterAll(() => dev.close());

  it('spreads realistic snapshots, alarms and bodies over the days and channels', async () => {
    const ctx = dev.emulator.ctx;
    const staff = addLibraryFace(ctx, 'Staff', 2, 'emp-1', await jpeg(10));
    addLibraryFace(ctx, 'Staff', 2, 'emp-2', await jpeg(20));
    addLibraryFace(ctx, 'Wanted', 1, 'bad-1', await jpeg(30));
    const started = Date.now();
    const result = await seedHistory(ctx, { count: 1500, days: 6, pool: await tinyPool(4) });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.faces + result.bodies).toBe(1500);
    expect(result.bodies).toBeGreaterThan(100);
    expect(result.alarms).toBeGreaterThan(20);

    const days = ctx.db.prepare<[], { d: string }>('SELECT DISTINCT substr(trigger, 1, 10) AS d FROM records').all();
    expect(days.length).toBeGreaterThanOrEqual(5);
    const now = ctx.clock.format();
    const newest = await dev.call(querySnapshots, { qry_len: 1 });
    expect(newest.record[0]!.trigger <= now).toBe(true);
    // Daytime is busier than the small hours.
    const hour = (from: string, to: string) =>
      ctx.db
        .prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM records WHERE substr(trigger, 12, 2) BETWEEN ? AND ?')
        .get(from, to)!.n;
    expect(hour('08', '09')).toBeGreaterThan(hour('02', '03') * 3);
    // Without cameras: channels 1-4, "Channel N".
    const channels = ctx.db
      .prepare<[], { channel: number; camera_name: string }>('SELECT DISTINCT channel, camera_name FROM records ORDER BY channel')
      .all();
    expect(channels).toEqual([1, 2, 3, 4].map((c) => ({ channel: c, camera_name: `Channel ${c}` })));

    const faces = await dev.call(querySnapshots, { qry_len: 50 });
    for (const r of faces.record) {
      for (const [k, values] of Object.entries(FACE_ATTR_VALUES)) expect(values).toContain(r.face_attr[k as keyof typeof r.face_attr]);
      expect(r.face_attr.st_age_value).toMatch(/^\d+\.000000$/);
    }
    const alarms = await dev.call(queryAlarms, { qry_len: 50 });
    expect(alarms.total_num).toBe(result.alarms);
    const types = new Set<number>();
    for (const a of alarms.record) {
      expect(a.similarity).toBeGreaterThanOrEqual(a.threshold);
      expect(['emp-1', 'emp-2', 'bad-1']).toContain(a.img_id);
      if (a.img_id === 'emp-1') expect(a).toMatchObject({ img_path: staff.face.img_path, person_name: 'Person emp-1', lib_type: 2 });
      types.add(a.lib_type);
    }
    const allTypes = ctx.db.prepare<[], { t: number }>('SELECT DISTINCT lib_type AS t FROM records WHERE alarm = 1').all();
    expect(allTypes.map((t) => t.t).sort((a, b) => a - b)).toEqual([1, 2]);
    expect(types.size).toBeGreaterThan(0);
    const bodies = await dev.call(queryBodies, { qry_len: 50 });
    for (const b of bodies.record) {
      expect(Object.keys(b.body_attr).sort()).toEqual(Object.keys(BODY_ATTR_VALUES).sort());
      for (const [k, v] of Object.entries(b.body_attr))
        if (v !== '') expect(BODY_ATTR_VALUES[k as keyof typeof BODY_ATTR_VALUES]).toContain(v);
      expect(b.body_attr.gender_code).toBeDefined();
      if (b.body_attr.st_bag) expect(b.body_attr.bag_color).toBeDefined();
      else expect(b.body_attr.bag_style).toBe('bag_style_type_none');
    }
    const body = await fetch(`${dev.url}/ws/${bodies.record[0]!.snap_path}`);
    const meta = await sharp(Buffer.from(await body.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([128, 256]);
    // Every snapshot has its own file.
    const paths = ctx.db.prepare<[], { n: number; d: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT snap_path) AS d FROM records').get()!;
    expect(paths.d).toBe(paths.n);
  });
});
