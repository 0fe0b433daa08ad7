import sharp from 'sharp';
import yauzl from 'yauzl';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLibrary,
  deleteFace,
  deleteFaces,
  deleteLibrary,
  enrolBatch,
  enrolBatchB64,
  enrolFace,
  enrolFaceB64,
  exportFacesChosen,
  exportFacesPage,
  getFace,
  listLibraries,
  queryFaces,
  updateFace,
} from '../../src/api/protocol';
import { startTestDevice, type TestDevice } from '../testing';
import { blankPicture, facePicture, file, SMALL_WIDTH, stubEngine } from './faces.fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function rawJson(dev: TestDevice, body: Record<string, unknown>): Promise<{ code: number; data: unknown }> {
  const res = await fetch(`${dev.url}/api/json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', sessionid: dev.session() ?? '' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { code: number; data: unknown };
}

async function rawForm(dev: TestDevice, fields: Record<string, string>, files: Record<string, File>): Promise<{ code: number }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, f, f.name);
  const res = await fetch(`${dev.url}/api/form`, { method: 'POST', headers: { sessionid: dev.session() ?? '' }, body: form });
  return (await res.json()) as { code: number };
}

function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
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

/** A CSV as the emulator writes it (BOM, CRLF, quoted cells) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

async function download(dev: TestDevice, path: string): Promise<Buffer> {
  const res = await fetch(`${dev.url}/ws/${path}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('faces of a library (§3.6-3.12, 3.19, 3.20, 3.27, 3.28)', () => {
  let dev: TestDevice;
  let lib: number;
  let seed = 1;
  const pic = (format: Parameters<typeof facePicture>[1] = 'jpeg', width?: number) => facePicture(seed++, format, width);

  beforeAll(async () => {
    dev = await startTestDevice({}, { engine: stubEngine() });
  });
  afterAll(() => dev.close());
  beforeEach(async () => {
    for (const l of await dev.call(listLibraries, {})) await dev.call(deleteLibrary, { lib_id: l.lib_id });
    lib = (await dev.call(createLibrary, { lib_name: 'faces', lib_type: 2 })).lib_id;
  });

  describe('enrol one (1029, 1051) and read it back (1032)', () => {
    it('stores the person, the picture and the descriptor', async () => {
      const jpeg = await pic();
      const { img_id } = await dev.call(enrolFace, {
        lib_id: lib,
        img_id: 'zhang-san-01',
        person_name: '张三',
        person_idcard: '110101199003074512',
        person_gender: '1',
        person_age: '34',
        person_addr: '北京市朝阳区, 建国路 88 号',
        img: file(jpeg, 'zhangsan.jpg'),
      });
      expect(img_id).toBe('zhang-san-01');
      const face = await dev.call(getFace, { lib_id: lib, img_id });
      expect(face).toMatchObject({
        img_id: 'zhang-san-01',
        lib_id: lib,
        person_name: '张三',
        person_idcard: '110101199003074512',
        person_gender: '1',
        person_age: '34',
        person_addr: '北京市朝阳区, 建国路 88 号',
        create_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        img_path: expect.stringMatching(new RegExp(`^img/${lib}_[0-9a-f-]{36}\\.jpg$`)),
      });
      // img is plain base64 of the stored picture (a JPEG sent is kept byte for byte).
      const stored = await download(dev, face.img_path);
      expect(Buffer.from(face.img, 'base64').equals(stored)).toBe(true);
      expect(stored.equals(jpeg)).toBe(true);
      const feat = face.img_feat.split(',').map(Number);
      expect(feat).toHaveLength(128);
      expect(feat.every(Number.isFinite)).toBe(true);
    });

    it('assigns a uuid when img_id is absent or empty, and leaves person fields empty', async () => {
      const a = await dev.call(enrolFace, { lib_id: lib, img: file(await pic(), 'a.jpg') });
      const b = await dev.call(enrolFace, { lib_id: lib, img_id: '', img: file(await pic(), 'b.jpg') });
      expect(a.img_id).toMatch(UUID);
      expect(b.img_id).toMatch(UUID);
      expect(a.img_id).not.toBe(b.img_id);
      expect(await dev.call(getFace, { lib_id: lib, img_id: a.img_id })).toMatchObject({
        person_name: '',
        person_idcard: '',
        person_gender: '',
        person_age: '',
        person_addr: '',
      });
    });

    it('checks img_id: -2754 past 48 characters, -3596 for other characters, -1100 when anywhere on the device', async () => {
      const ok = 'a'.repeat(48);
      await dev.call(enrolFace, { lib_id: lib, img_id: ok, img: file(await pic(), 'a.jpg') });
      await expect(dev.call(enrolFace, { lib_id: lib, img_id: 'b'.repeat(49), img: file(await pic(), 'a.jpg') })).rejects.toMatchObject({
        code: -2754,
      });
      for (const bad of ['a_b', 'a.b', 'a b', '张三', 'a/b']) {
        await expect(dev.call(enrolFace, { lib_id: lib, img_id: bad, img: file(await pic(), 'a.jpg') })).rejects.toMatchObject({
          code: -3596,
        });
      }
      await expect(dev.call(enrolFace, { lib_id: lib, img_id: ok, img: file(await pic(), 'a.jpg') })).rejects.toMatchObject({
        code: -1100,
      });
      const other = (await dev.call(createLibrary, { lib_name: 'other', lib_type: 1 })).lib_id;
      await expect(dev.call(enrolFace, { lib_id: other, img_id: ok, img: file(await pic(), 'a.jpg') })).rejects.toMatchObject({
        code: -1100,
      });
    });

    it('answers -117 for an unknown library', async () => {
      await expect(dev.call(enrolFace, { lib_id: 9999, img: file(await pic(), 'a.jpg') })).rejects.toMatchObject({ code: -117 });
      await expect(dev.call(getFace, { lib_id: 9999, img_id: 'x' })).rejects.toMatchObject({ code: -117 });
    });

    it('answers -122 when the library holds its capacity', async () => {
      const opts = dev.emulator.ctx.options;
      const saved = opts.libraryCapacity;
      opts.libraryCapacity = 2;
      try {
        await dev.call(enrolFace, { lib_id: lib, img: file(await pic(), 'a.jpg') });
        await dev.call(enrolFace, { lib_id: lib, img: file(await pic(), 'b.jpg') });
        await expect(dev.call(enrolFace, { lib_id: lib, img: file(await pic(), 'c.jpg') })).rejects.toMatchObject({ code: -122 });
        // Another library has its own room.
        const other = (await dev.call(createLibrary, { lib_name: 'other', lib_type: 1 })).lib_id;
        await dev.call(enrolFace, { lib_id: other, img: file(await pic(), 'c.jpg') });
      } finally {
        opts.libraryCapacity = saved;
      }
    });

    it('takes png, tif and bmp, stored as JPEG', async () => {
      for (const [format, name] of [
        ['png', 'a.png'],
        ['tiff', 'a.tif'],
        ['bmp', 'a.BMP'],
        ['jpeg', 'a.jpeg'],
      ] as const) {
        const original = await pic(format);
        const { img_id } = await dev.call(enrolFace, { lib_id: lib, img: file(original, name) });
        const face = await dev.call(getFace, { lib_id: lib, img_id });
        const meta = await sharp(await download(dev, face.img_path)).metadata();
        expect(meta).toMatchObject({ format: 'jpeg', width: 160, height: 160 });
      }
    });

    it('refuses other file types and broken pictures with -1104', async () => {
      const jpeg = await pic();
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(jpeg, 'a.gif') })).rejects.toMatchObject({ code: -1104 });
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(jpeg, 'noextension') })).rejects.toMatchObject({ code: -1104 });
      const gif = await sharp(await pic('png'))
        .gif()
        .toBuffer();
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(gif, 'a.jpg') })).rejects.toMatchObject({ code: -1104 });
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(Buffer.from('not a picture at all'), 'a.jpg') })).rejects.toMatchObject({
        code: -1104,
      });
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(jpeg.subarray(0, jpeg.length >> 1), 'a.jpg') })).rejects.toMatchObject({
        code: -1104,
      });
      const bmp = await pic('bmp');
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(bmp.subarray(0, 100), 'a.bmp') })).rejects.toMatchObject({ code: -1104 });
      expect((await dev.call(listLibraries, {}))[0]!.picture_no).toBe(0);
    });

    it('refuses a picture without a face (-1101) or with a poor one (-1102)', async () => {
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(await blankPicture(), 'a.jpg') })).rejects.toMatchObject({ code: -1101 });
      await expect(dev.call(enrolFace, { lib_id: lib, img: file(await pic('jpeg', SMALL_WIDTH), 'a.jpg') })).rejects.toMatchObject({
        code: -1102,
      });
    });

    it('refuses a bad gender or age (-3596) and a missing img file', async () => {
      const img = file(await pic(), 'a.jpg');
      expect((await rawForm(dev, { msg_id: '1029', lib_id: String(lib), person_gender: '2' }, { img })).code).toBe(-3596);
      expect((await rawForm(dev, { msg_id: '1029', lib_id: String(lib), person_age: '121' }, { img })).code).toBe(-3596);
      expect((await rawForm(dev, { msg_id: '1029', lib_id: String(lib), person_age: '0' }, { img })).code).toBe(-3596);
      expect((await rawForm(dev, { msg_id: '1029', lib_id: String(lib) }, {})).code).toBe(-3596);
      expect((await rawForm(dev, { msg_id: '1029', lib_id: String(lib), person_age: '120', person_gender: '0' }, { img })).code).toBe(0);
    });

    it('enrols from base64 (1051), also from a data URL, with the same rules', async () => {
      const jpeg = await pic();
      const { img_id } = await dev.call(enrolFaceB64, {
        lib_id: lib,
        img_id: 'b64-1',
        person_name: 'Alice Smith',
        img: { filename: 'alice.jpg', data: jpeg.toString('base64') },
      });
      expect(img_id).toBe('b64-1');
      const face = await dev.call(getFace, { lib_id: lib, img_id });
      expect(face.person_name).toBe('Alice Smith');
      expect(Buffer.from(face.img, 'base64').equals(jpeg)).toBe(true);
      const png = await pic('png');
      const url = await dev.call(enrolFaceB64, {
        lib_id: lib,
        img: { filename: 'a.png', data: `data:image/png;base64,${png.toString('base64')}` },
      });
      expect(url.img_id).toMatch(UUID);
      await expect(
        dev.call(enrolFaceB64, { lib_id: lib, img_id: 'b64-1', img: { filename: 'a.jpg', data: jpeg.toString('base64') } }),
      ).rejects.toMatchObject({ code: -1100 });
      await expect(dev.call(enrolFaceB64, { lib_id: lib, img: { filename: 'a.jpg', data: 'bm90IGFuIGltYWdl' } })).rejects.toMatchObject({
        code: -1104,
      });
      await expect(
        dev.call(enrolFaceB64, { lib_id: lib, img: { filename: 'a.txt', data: jpeg.toString('base64') } }),
      ).rejects.toMatchObject({ code: -1104 });
      const blank = await blankPicture('png');
      await expect(
        dev.call(enrolFaceB64, { lib_id: lib, img: { filename: 'a.png', data: blank.toString('base64') } }),
      ).rejects.toMatchObject({ code: -1101 });
    });
  });

  describe('delete and edit (1031, 1033, 1044)', () => {
    it('deletes one face and its picture; -126 when it is not in that library', async () => {
      const { img_id } = await dev.call(enrolFace, { lib_id: lib, img_id: 'gone', img: file(await pic(), 'a.jpg') });
      const face = await dev.call(getFace, { lib_id: lib, img_id });
      const other = (await dev.call(createLibrary, { lib_name: 'other', lib_type: 1 })).lib_id;
      await expect(dev.call(deleteFace, { lib_id: other, img_id })).rejects.toMatchObject({ code: -126 });
      await dev.call(deleteFace, { lib_id: lib, img_id });
      expect((await fetch(`${dev.url}/ws/${face.img_path}`)).status).toBe(404);
      await expect(dev.call(getFace, { lib_id: lib, img_id })).rejects.toMatchObject({ code: -126 });
      await expect(dev.call(deleteFace, { lib_id: lib, img_id })).rejects.toMatchObject({ code: -126 });
      await expect(dev.call(deleteFace, { lib_id: 9999, img_id })).rejects.toMatchObject({ code: -117 });
    });

    it('edits only the fields sent; "" clears one; -126 for an unknown face', async () => {
      await dev.call(enrolFace, {
        lib_id: lib,
        img_id: 'edit-me',
        person_name: 'Li Lei',
        person_age: '20',
        person_gender: '1',
        person_addr: 'Wuhan',
        img: file(await pic(), 'a.jpg'),
      });
      expect(await dev.call(updateFace, { lib_id: lib, img_id: 'edit-me', person_age: '90' })).toEqual({ img_id: 'edit-me', lib_id: lib });
      expect(await dev.call(getFace, { lib_id: lib, img_id: 'edit-me' })).toMatchObject({
        person_name: 'Li Lei',
        person_age: '90',
        person_gender: '1',
        person_addr: 'Wuhan',
      });
      await dev.call(updateFace, { lib_id: lib, img_id: 'edit-me', person_addr: '', person_name: '李雷' });
      expect(await dev.call(getFace, { lib_id: lib, img_id: 'edit-me' })).toMatchObject({
        person_name: '李雷',
        person_addr: '',
        person_age: '90',
      });
      await expect(dev.call(updateFace, { lib_id: lib, img_id: 'nobody', person_age: '1' })).rejects.toMatchObject({ code: -126 });
      expect((await rawJson(dev, { msg_id: '1033', lib_id: lib, img_id: 'edit-me', person_gender: 'm' })).code).toBe(-3596);
    });

    it('deletes many: the known ids go and it answers 0; -126 only when none is there', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push((await dev.call(enrolFace, { lib_id: lib, img_id: `m${i}`, img: file(await pic(), 'a.jpg') })).img_id);
      await dev.call(deleteFaces, { lib_id: lib, img_ids: `m0, m1,unknown` });
      const left = await dev.call(queryFaces, { lib_id: lib });
      expect(left.record.map((r) => r.img_id)).toEqual(['m2', 'm3']);
      await expect(dev.call(deleteFaces, { lib_id: lib, img_ids: 'm0,unknown' })).rejects.toMatchObject({ code: -126 });
      await expect(dev.call(deleteFaces, { lib_id: 9999, img_ids: 'm2' })).rejects.toMatchObject({ code: -117 });
      const fiftyOne = Array.from({ length: 51 }, (_, i) => `x${i}`).join(',');
      expect((await rawJson(dev, { msg_id: '1044', lib_id: lib, img_ids: fiftyOne })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1044', lib_id: lib, img_ids: 'm2,,m3' })).code).toBe(-3596);
      expect((await dev.call(listLibraries, {}))[0]!.picture_no).toBe(2);
    });
  });

  describe('query (1035)', () => {
    const people = [
      {
        img_id: 'p01',
        person_name: 'Zhang Wei',
        person_gender: '1',
        person_age: '34',
        person_idcard: '110101199003074512',
        person_addr: 'Beijing Chaoyang',
      },
      {
        img_id: 'p02',
        person_name: '王芳',
        person_gender: '0',
        person_age: '28',
        person_idcard: '310104199601011234',
        person_addr: '上海市徐汇区',
      },
      { img_id: 'p03', person_name: 'Emily Clark', person_gender: '0', person_age: '41', person_idcard: 'P1234567', person_addr: 'London' },
      { img_id: 'p04', person_name: 'zhang min', person_gender: '0', person_age: '1', person_idcard: '', person_addr: 'Wuhan' },
      {
        img_id: 'p05',
        person_name: '张伟',
        person_gender: '1',
        person_age: '34',
        person_idcard: '420102198811112222',
        person_addr: '武汉市江汉区',
      },
      { img_id: 'p06', person_name: 'O_Brien 99%', person_gender: '1', person_age: '61', person_idcard: '', person_addr: 'Dublin' },
    ] as const;

    beforeEach(async () => {
      for (const p of people) await dev.call(enrolFace, { lib_id: lib, ...p, img: file(await pic(), 'a.jpg') });
    });
    const ids = (page: { record: { img_id: string }[] }) => page.record.map((r) => r.img_id);

    it('answers everything in creation order, paged', async () => {
      const all = await dev.call(queryFaces, { lib_id: lib });
      expect(all).toMatchObject({ result_num: 6, total_num: 6 });
      expect(ids(all)).toEqual(['p01', 'p02', 'p03', 'p04', 'p05', 'p06']);
      expect(all.record[0]).toEqual({
        img_id: 'p01',
        lib_id: lib,
        img_path: expect.stringMatching(/^img\//),
        create_time: expect.any(String),
        person_name: 'Zhang Wei',
        person_gender: '1',
        person_age: '34',
        person_idcard: '110101199003074512',
        person_addr: 'Beijing Chaoyang',
      });
      const page = await dev.call(queryFaces, { lib_id: lib, start_no: 3, qry_len: 2 });
      expect(page).toMatchObject({ result_num: 2, total_num: 6 });
      expect(ids(page)).toEqual(['p03', 'p04']);
      expect(await dev.call(queryFaces, { lib_id: lib, start_no: 7 })).toEqual({ record: [], result_num: 0, total_num: 6 });
    });

    it('matches exact fields exactly, all of them', async () => {
      expect(ids(await dev.call(queryFaces, { lib_id: lib, person_gender: '1' }))).toEqual(['p01', 'p05', 'p06']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, person_gender: '1', person_age: '34' }))).toEqual(['p01', 'p05']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, person_name: '张伟' }))).toEqual(['p05']);
      // Exact means exact: no substring, no case folding.
      expect((await dev.call(queryFaces, { lib_id: lib, person_name: 'Zhang' })).total_num).toBe(0);
      expect((await dev.call(queryFaces, { lib_id: lib, person_name: 'zhang wei' })).total_num).toBe(0);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, person_idcard: 'P1234567' }))).toEqual(['p03']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, person_addr: 'Wuhan', person_gender: '0' }))).toEqual(['p04']);
      const created = (await dev.call(getFace, { lib_id: lib, img_id: 'p01' })).create_time;
      expect((await dev.call(queryFaces, { lib_id: lib, create_time: created })).total_num).toBeGreaterThanOrEqual(1);
      // Empty fields are no filter.
      expect((await dev.call(queryFaces, { lib_id: lib, person_name: '' })).total_num).toBe(6);
    });

    it('matches fuzzy_key as a substring of name, id number or address, or as the gender or age', async () => {
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: 'zhang' }))).toEqual(['p01', 'p04']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '张' }))).toEqual(['p05']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '武汉' }))).toEqual(['p05']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '19900307' }))).toEqual(['p01']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '0' }))).toEqual(['p01', 'p02', 'p03', 'p04', 'p05']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '61' }))).toEqual(['p06']);
      // "男" is no gender on the wire: nobody.
      expect((await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '男' })).total_num).toBe(0);
      // % and _ are literal characters, not LIKE wildcards.
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '_' }))).toEqual(['p06']);
      expect(ids(await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '99%' }))).toEqual(['p06']);
      const paged = await dev.call(queryFaces, { lib_id: lib, fuzzy_key: '0', start_no: 5, qry_len: 2 });
      expect(paged).toMatchObject({ result_num: 1, total_num: 5 });
    });

    it('refuses fuzzy_key with an exact field, fuzzy_key over 40, qry_len 51 (-3596) and an unknown library (-117)', async () => {
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, fuzzy_key: 'a', person_name: 'b' })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, fuzzy_key: 'a', create_time: '2020-01-01 00:00:00' })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, fuzzy_key: 'a'.repeat(41) })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, fuzzy_key: 'a'.repeat(40) })).code).toBe(0);
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, qry_len: 51 })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1035', lib_id: lib, qry_len: 50 })).code).toBe(0);
      expect((await rawJson(dev, { msg_id: '1035' })).code).toBe(-3596);
      await expect(dev.call(queryFaces, { lib_id: 9999 })).rejects.toMatchObject({ code: -117 });
    });
  });

  describe('exports (1038, 1041)', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 5; i++) {
        await dev.call(enrolFace, {
          lib_id: lib,
          img_id: `e${i}`,
          person_name: i === 3 ? '=cmd, "quoted"' : `Person ${i}`,
          person_gender: i % 2 ? '1' : '0',
          person_age: String(20 + i),
          img: file(await pic(), 'a.jpg'),
        });
      }
    });

    it('exports a page as a zip of pictures named by img_id plus a CSV', async () => {
      const answer = await dev.call(exportFacesPage, { lib_id: lib, start_no: 2, qry_len: 3 });
      expect(answer).toMatchObject({
        result_num: 3,
        total_num: 5,
        export_url: expect.stringMatching(/^tmp\/face_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}(-\d+)?\.zip$/),
      });
      const entries = await unzip(await download(dev, answer.export_url));
      expect([...entries.keys()].sort()).toEqual(['e2.jpg', 'e3.jpg', 'e4.jpg', 'face.csv']);
      const face = await dev.call(getFace, { lib_id: lib, img_id: 'e3' });
      expect(entries.get('e3.jpg')!.equals(Buffer.from(face.img, 'base64'))).toBe(true);
      const csv = parseCsv(entries.get('face.csv')!.toString('utf8'));
      expect(csv[0]).toEqual([
        'img_id',
        'person_name',
        'person_idcard',
        'person_gender',
        'person_age',
        'person_addr',
        'create_time',
        'picture',
      ]);
      expect(csv.slice(1).map((r) => r[0])).toEqual(['e2', 'e3', 'e4']);
      // A formula-looking cell is defused; commas and quotes survive quoting.
      expect(csv[2]!.slice(0, 5)).toEqual(['e3', `'=cmd, "quoted"`, '', '1', '23']);
      expect(csv[2]![7]).toBe('e3.jpg');
    });

    it('defaults to the first 10, refuses qry_len 501 (-3596), and answers -2100 past the end', async () => {
      expect(await dev.call(exportFacesPage, { lib_id: lib })).toMatchObject({ result_num: 5, total_num: 5 });
      expect((await rawJson(dev, { msg_id: '1038', lib_id: lib, qry_len: 501 })).code).toBe(-3596);
      expect((await rawJson(dev, { msg_id: '1038', lib_id: lib, qry_len: 500 })).code).toBe(0);
      await expect(dev.call(exportFacesPage, { lib_id: lib, start_no: 6 })).rejects.toMatchObject({ code: -2100 });
      await expect(dev.call(exportFacesPage, { lib_id: 9999 })).rejects.toMatchObject({ code: -117 });
    });

    it('exports chosen faces, listing the ids it could not export', async () => {
      const answer = await dev.call(exportFacesChosen, { lib_id: lib, img_ids: 'e5,nobody,e1,e1' });
      expect(answer).toMatchObject({ failed_img_ids: 'nobody', result_num: 2, total_num: 3 });
      const entries = await unzip(await download(dev, answer.export_url));
      expect([...entries.keys()].sort()).toEqual(['e1.jpg', 'e5.jpg', 'face.csv']);
      const csv = parseCsv(entries.get('face.csv')!.toString('utf8'));
      expect(csv.slice(1).map((r) => r[0])).toEqual(['e5', 'e1']);
      await expect(dev.call(exportFacesChosen, { lib_id: lib, img_ids: 'nobody,none' })).rejects.toMatchObject({ code: -2100 });
      const fiftyOne = Array.from({ length: 51 }, (_, i) => `e${i}`).join(',');
      expect((await rawJson(dev, { msg_id: '1041', lib_id: lib, img_ids: fiftyOne })).code).toBe(-3596);
    });
  });

  describe('batch enrol (1030, 1052)', () => {
    async function report(url: string) {
      expect(url).toMatch(/^tmp\/image_.*\.csv$/);
      return parseCsv((await download(dev, url)).toString('utf8'));
    }

    it('enrols what it can and reports every file', async () => {
      await dev.call(enrolFace, { lib_id: lib, img_id: 'taken', img: file(await pic(), 'a.jpg') });
      const files = [
        ['zhangsan_asdqwe12345_32011111_0_23_beijing.jpg', await pic()],
        ['李四_#_#_1_41_上海.png', await pic('png')],
        ['wangwu_dup-1_#_1_30_#.jpg', await pic()],
        ['again_dup-1_#_1_30_#.jpg', await pic()],
        ['taken_taken_#_#_#_#.jpg', await pic()],
        ['nofields.jpg', await pic()],
        ['a_b_c_2_20_d.jpg', await pic()],
        ['a_b_c_1_200_d.jpg', await pic()],
        [`a_${'x'.repeat(49)}_c_1_20_d.jpg`, await pic()],
        ['a_bad.id_c_1_20_d.jpg', await pic()],
        ['a_b2_c_1_20_d.gif', await pic()],
        ['blank_#_#_#_#_#.jpg', await blankPicture()],
        ['small_#_#_#_#_#.jpg', await pic('jpeg', SMALL_WIDTH)],
        ['broken_#_#_#_#_#.jpg', Buffer.from('garbage')],
        ['bmp_bmp-1_#_0_55_#.bmp', await pic('bmp')],
      ] as const;
      const answer = await dev.call(enrolBatch, { lib_id: lib, uuid: 'batch-1', img_: files.map(([name, data]) => file(data, name)) });
      expect(answer).toEqual({ url: 'tmp/image_batch-1.csv', err_count: 11 });

      const rows = await report(answer.url);
      expect(rows[0]).toEqual(['file_name', 'result', 'code', 'reason', 'img_id']);
      const byFile = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(rows).toHaveLength(files.length + 1);
      const outcome = (name: string) => byFile.get(name)!.slice(1, 4);
      expect(outcome('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg')).toEqual(['ok', '0', '']);
      expect(byFile.get('zhangsan_asdqwe12345_32011111_0_23_beijing.jpg')![4]).toBe('asdqwe12345');
      expect(byFile.get('李四_#_#_1_41_上海.png')![4]).toMatch(UUID);
      expect(outcome('wangwu_dup-1_#_1_30_#.jpg')).toEqual(['ok', '0', '']);
      expect(outcome('again_dup-1_#_1_30_#.jpg')).toEqual(['failed', '-1100', "'img_id' exists."]);
      expect(outcome('taken_taken_#_#_#_#.jpg')).toEqual(['failed', '-1100', "'img_id' exists."]);
      expect(outcome('nofields.jpg')).toEqual(['failed', '-3596', 'Parameter input error']);
      expect(outcome('a_b_c_2_20_d.jpg')[1]).toBe('-3596');
      expect(outcome('a_b_c_1_200_d.jpg')[1]).toBe('-3596');
      expect(outcome(`a_${'x'.repeat(49)}_c_1_20_d.jpg`)).toEqual(['failed', '-2754', 'The img_id is too long']);
      expect(outcome('a_bad.id_c_1_20_d.jpg')[1]).toBe('-3596');
      expect(outcome('a_b2_c_1_20_d.gif')[1]).toBe('-1104');
      expect(outcome('blank_#_#_#_#_#.jpg')).toEqual(['failed', '-1101', 'No face detected']);
      expect(outcome('small_#_#_#_#_#.jpg')).toEqual(['failed', '-1102', 'The face image quality is too low']);
      expect(outcome('broken_#_#_#_#_#.jpg')[1]).toBe('-1104');
      expect(outcome('bmp_bmp-1_#_0_55_#.bmp')[0]).toBe('ok');

      expect(await dev.call(getFace, { lib_id: lib, img_id: 'asdqwe12345' })).toMatchObject({
        person_name: 'zhangsan',
        person_idcard: '32011111',
        person_gender: '0',
        person_age: '23',
        person_addr: 'beijing',
      });
      const lisi = await dev.call(queryFaces, { lib_id: lib, person_name: '李四' });
      expect(lisi.record[0]).toMatchObject({ person_idcard: '', person_gender: '1', person_age: '41', person_addr: '上海' });
      expect((await dev.call(queryFaces, { lib_id: lib })).total_num).toBe(5);
    });

    it('does the same from base64 (1052), and stops at the capacity per file (-122)', async () => {
      const opts = dev.emulator.ctx.options;
      const saved = opts.libraryCapacity;
      opts.libraryCapacity = 2;
      try {
        const imgs = [];
        for (const name of ['a_#_#_1_20_#.jpg', 'b_#_#_0_21_#.jpg', 'c_#_#_1_22_#.jpg']) {
          imgs.push({ filename: name, data: (await pic()).toString('base64') });
        }
        const answer = await dev.call(enrolBatchB64, { lib_id: lib, uuid: 'b64 batch/1', imgs });
        expect(answer).toEqual({ url: 'tmp/image_b64-batch-1.csv', err_count: 1 });
        const rows = await report(answer.url);
        expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
          ['a_#_#_1_20_#.jpg', 'ok', '0'],
          ['b_#_#_0_21_#.jpg', 'ok', '0'],
          ['c_#_#_1_22_#.jpg', 'failed', '-122'],
        ]);
      } finally {
        opts.libraryCapacity = saved;
      }
    });

    it('refuses the whole batch for an unknown library (-117) and without files or uuid (-3596)', async () => {
      await expect(dev.call(enrolBatch, { lib_id: 9999, uuid: 'x', img_: [file(await pic(), 'a_#_#_1_20_#.jpg')] })).rejects.toMatchObject({
        code: -117,
      });
      expect((await rawForm(dev, { msg_id: '1030', lib_id: String(lib), uuid: 'x' }, {})).code).toBe(-3596);
      expect((await rawForm(dev, { msg_id: '1030', lib_id: String(lib) }, { img_1: file(await pic(), 'a_#_#_1_20_#.jpg') })).code).toBe(
        -3596,
      );
      expect((await rawJson(dev, { msg_id: '1052', lib_id: lib, uuid: 'x', imgs: [] })).code).toBe(-3596);
    });
  });
});
