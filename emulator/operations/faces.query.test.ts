// §3.10 on a large library: every query shape answers the right page and
// total_num, checked against a plain filter of the same rows. Rows are written
// straight into the store (enrolling them would take minutes). Speed is
// measured by `npm run bench:emulator` (100 000 faces), not asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, enrolFace, listLibraries, queryFaces } from '../../src/api/protocol';
import type { RequestOf } from '../../src/api/protocol/operation';
import { startTestDevice, type TestDevice } from '../testing';
import { facePicture, file, stubEngine } from './faces.fixtures';

const FACES = 20_000;
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Smith', 'Brown', '王', '李', '张', '刘', '陈'];
const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Yang', 'Emily', 'James', '伟', '芳', '娜', '敏', '静'];
const CITIES = ['Beijing', 'Shanghai', 'Wuhan', 'Shenzhen', '北京市朝阳区', '上海市徐汇区', '武汉市江汉区', 'London'];

interface Row {
  img_id: string;
  person_name: string;
  person_idcard: string;
  person_gender: string;
  person_age: string;
  person_addr: string;
}

const ROWS: Row[] = Array.from({ length: FACES }, (_, i) => ({
  img_id: `f${i}`,
  person_name: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}${i % 97}`,
  person_idcard: String(110101_19700101_0000n + BigInt(i) * 7919n).padStart(18, '0'),
  person_gender: String(i % 2),
  person_age: String(1 + (i % 90)),
  person_addr: CITIES[i % CITIES.length]!,
}));

type Filter = Omit<RequestOf<typeof queryFaces>, 'lib_id'>;

/** What §3.10 should answer, computed the slow way. */
function expected(f: Filter): { ids: string[]; total: number } {
  const exact = (['person_name', 'person_idcard', 'person_gender', 'person_age', 'person_addr'] as const).filter((k) => f[k]);
  const key = f.fuzzy_key?.toLowerCase();
  const hits = ROWS.filter(
    (r) =>
      exact.every((k) => r[k] === f[k]) &&
      (!key ||
        [r.person_name, r.person_idcard, r.person_addr].some((v) => v.toLowerCase().includes(key)) ||
        r.person_gender === f.fuzzy_key ||
        r.person_age === f.fuzzy_key),
  );
  // start_no is a 1-based row position (§3.5 "起始位置"), not a page number.
  const offset = Number(f.start_no ?? 1) - 1;
  return { ids: hits.slice(offset, offset + Number(f.qry_len ?? 10)).map((r) => r.img_id), total: hits.length };
}

describe('face query on a 100 000-face library', () => {
  let dev: TestDevice;
  let lib: number;

  beforeAll(async () => {
    dev = await startTestDevice({}, { engine: stubEngine() });
    lib = (await dev.call(createLibrary, { lib_name: 'big', lib_type: 2 })).lib_id;
    const db = dev.emulator.ctx.db;
    const insert = db.prepare(
      `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Rows as wide as real ones: a 128-float descriptor each.
    const feature = Buffer.from(new Float32Array(128).fill(0.05).buffer);
    db.transaction(() => {
      for (const r of ROWS) {
        insert.run(
          r.img_id,
          lib,
          `img/${lib}_${r.img_id}.jpg`,
          r.person_idcard,
          r.person_name,
          r.person_gender,
          r.person_age,
          r.person_addr,
          '2024-01-01 00:00:00',
          feature,
        );
      }
    })();
  }, 120_000);
  afterAll(() => dev.close());

  const cases: [string, Filter][] = [
    ['first page', {}],
    ['last page', { start_no: FACES - 49, qry_len: 50 }],
    ['exact name', { person_name: 'Zhang Emily2' }],
    ['exact id number', { person_idcard: ROWS[4242]!.person_idcard }],
    ['exact gender + age', { person_gender: '1', person_age: '34', qry_len: 50 }],
    ['exact gender, dense, deep page', { person_gender: '0', start_no: 8_000, qry_len: 50 }],
    ['fuzzy dense, first page', { fuzzy_key: '1', qry_len: 50 }],
    ['exact address, deep page', { person_addr: 'Wuhan', start_no: 2_000, qry_len: 50 }],
    ['exact address, past the end', { person_addr: 'Wuhan', start_no: 2_501, qry_len: 50 }],
    ['fuzzy common name', { fuzzy_key: 'zhang', qry_len: 50 }],
    ['fuzzy rare', { fuzzy_key: 'Emily9', qry_len: 50 }],
    ['fuzzy sparse', { fuzzy_key: 'James96', qry_len: 50 }],
    ['fuzzy none', { fuzzy_key: 'nobody-at-all' }],
    ['fuzzy digits, second page', { fuzzy_key: '4242', start_no: 51, qry_len: 50 }],
    ['fuzzy Chinese, deep page', { fuzzy_key: '武汉', start_no: 1_000, qry_len: 50 }],
  ];

  it.each(cases)('%s', async (_label, filter) => {
    const req = { lib_id: lib, ...filter };
    const first = await dev.call(queryFaces, req);
    const want = expected(filter);
    expect(first.total_num).toBe(want.total);
    expect(first.record.map((r) => r.img_id)).toEqual(want.ids);
  });

  it('counts the library and enrols into it', async () => {
    const [big] = await dev.call(listLibraries, {});
    expect(big!.picture_no).toBe(FACES);
    await dev.call(enrolFace, { lib_id: lib, img: file(await facePicture(1), 'a.jpg') });
    expect((await dev.call(listLibraries, {}))[0]!.picture_no).toBe(FACES + 1);
  });
});
