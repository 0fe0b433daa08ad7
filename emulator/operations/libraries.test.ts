import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCamera,
  createLibrary,
  deleteCamera,
  updateCamera,
  deleteLibrary,
  enrolFace,
  listLibraries,
  queryLibraries,
  updateLibrary,
  deleteFace,
  getFace,
} from '../../src/api/protocol';
import type { RequestOf } from '../../src/api/protocol/operation';
import { DEFAULT_TIME } from '../clock';
import { LIBRARY_FACES_CHANGED } from '../faces/changes';
import { startTestDevice, type TestDevice } from '../testing';
import { facePicture, file, stubEngine } from './faces.fixtures';

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

async function rawJson(dev: TestDevice, body: Record<string, unknown>): Promise<{ code: number }> {
  const res = await fetch(`${dev.url}/api/json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', sessionid: dev.session() ?? '' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { code: number };
}

describe('face libraries (§3.1-3.5)', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ libraryCountMax: 6 }, { engine: stubEngine() });
  });
  afterAll(() => dev.close());

  /** Moves the device clock so that update_time visibly changes. */
  const shiftClock = (ms: number) => dev.emulator.ctx.config.set('time', { ...DEFAULT_TIME, offsetMs: ms });

  const clear = async () => {
    dev.emulator.ctx.db.prepare('DELETE FROM cameras').run();
    for (const l of await dev.call(listLibraries, {})) await dev.call(deleteLibrary, { lib_id: l.lib_id });
  };

  it('creates a library and lists it with its counts and times', async () => {
    await clear();
    const created = await dev.call(createLibrary, { lib_name: '重点人员 Blacklist', lib_type: 1 });
    expect(created).toEqual({ lib_id: expect.any(Number), lib_name: '重点人员 Blacklist' });
    const list = await dev.call(listLibraries, {});
    expect(list).toEqual([
      {
        lib_id: created.lib_id,
        lib_name: '重点人员 Blacklist',
        lib_type: 1,
        picture_no: 0,
        create_time: expect.stringMatching(TIME),
        update_time: expect.stringMatching(TIME),
      },
    ]);
  });

  it('takes lib_type as a numeric string, and refuses other types and empty or long names (-3596)', async () => {
    await clear();
    // The client sends "2" as JSON; the schema reads numeric strings (form habits).
    const raw = await rawJson(dev, { msg_id: '1025', lib_name: 'typed', lib_type: '2' });
    expect(raw.code).toBe(0);
    expect((await rawJson(dev, { msg_id: '1025', lib_name: 'x', lib_type: 3 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1025', lib_name: '', lib_type: 1 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1025', lib_name: 'n'.repeat(65), lib_type: 1 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1025', lib_type: 1 })).code).toBe(-3596);
  });

  it('refuses a duplicate name with -119, on create and on rename', async () => {
    await clear();
    const a = await dev.call(createLibrary, { lib_name: 'A', lib_type: 1 });
    await dev.call(createLibrary, { lib_name: 'B', lib_type: 2 });
    await expect(dev.call(createLibrary, { lib_name: 'A', lib_type: 2 })).rejects.toMatchObject({ code: -119 });
    await expect(dev.call(updateLibrary, { lib_id: a.lib_id, lib_name: 'B', lib_type: 1 })).rejects.toMatchObject({ code: -119 });
    // Keeping its own name is no conflict.
    expect(await dev.call(updateLibrary, { lib_id: a.lib_id, lib_name: 'A', lib_type: 2 })).toEqual({ lib_id: a.lib_id, lib_name: 'A' });
  });

  it('refuses a library past the count limit with -118', async () => {
    await clear();
    for (let i = 0; i < 6; i++) await dev.call(createLibrary, { lib_name: `L${i}`, lib_type: 2 });
    await expect(dev.call(createLibrary, { lib_name: 'one too many', lib_type: 2 })).rejects.toMatchObject({ code: -118 });
    const [first] = await dev.call(listLibraries, {});
    await dev.call(deleteLibrary, { lib_id: first!.lib_id });
    await dev.call(createLibrary, { lib_name: 'room again', lib_type: 2 });
  });

  it('answers -117 for an unknown library on delete and update', async () => {
    await expect(dev.call(deleteLibrary, { lib_id: 9999 })).rejects.toMatchObject({ code: -117 });
    await expect(dev.call(updateLibrary, { lib_id: 9999, lib_name: 'x', lib_type: 1 })).rejects.toMatchObject({ code: -117 });
  });

  it('updates name and type, and moves update_time', async () => {
    await clear();
    const lib = await dev.call(createLibrary, { lib_name: 'before', lib_type: 1 });
    shiftClock(3_600_000);
    try {
      await dev.call(updateLibrary, { lib_id: lib.lib_id, lib_name: 'after', lib_type: 2 });
      const [row] = await dev.call(listLibraries, {});
      expect(row).toMatchObject({ lib_name: 'after', lib_type: 2 });
      expect(row!.update_time > row!.create_time).toBe(true);
    } finally {
      shiftClock(0);
    }
  });

  it('refuses to delete a library a camera watches (-123), then deletes it once unbound', async () => {
    await clear();
    const lib = await dev.call(createLibrary, { lib_name: 'watched', lib_type: 1 });
    const other = await dev.call(createLibrary, { lib_name: 'other', lib_type: 1 });
    const db = dev.emulator.ctx.db;
    db.prepare('INSERT INTO cameras(channel, data) VALUES (?, ?)').run(1, JSON.stringify({ lib_ids: `${other.lib_id},${lib.lib_id}` }));
    db.prepare('INSERT INTO cameras(channel, data) VALUES (?, ?)').run(2, JSON.stringify({ lib_ids: '' }));
    await expect(dev.call(deleteLibrary, { lib_id: lib.lib_id })).rejects.toMatchObject({ code: -123 });
    // A camera watching ids that merely contain this one as digits does not bind it.
    db.prepare('UPDATE cameras SET data = ? WHERE channel = 1').run(JSON.stringify({ lib_ids: `${other.lib_id}${lib.lib_id}` }));
    await dev.call(deleteLibrary, { lib_id: lib.lib_id });
    expect((await dev.call(listLibraries, {})).map((l) => l.lib_id)).toEqual([other.lib_id]);
  });

  it('sees a binding made through the camera operations (513 / 515)', async () => {
    await clear();
    const lib = await dev.call(createLibrary, { lib_name: 'bound', lib_type: 1 });
    const { channel } = await dev.call(addCamera, {
      camera_mode: 'VIDEO',
      protocol: 'rtsp',
      url: 'rtsp://admin:admin123@10.5.4.178:554',
      camera_name: 'gate',
      threshold: 75,
      snap_mode: 3,
      lib_ids: String(lib.lib_id),
    } as RequestOf<typeof addCamera>);
    try {
      await expect(dev.call(deleteLibrary, { lib_id: lib.lib_id })).rejects.toMatchObject({ code: -123 });
      await dev.call(updateCamera, { channel, lib_ids: '' });
      await dev.call(deleteLibrary, { lib_id: lib.lib_id });
    } finally {
      await dev.call(deleteCamera, { channel });
    }
  });

  it('counts faces in picture_no, moves update_time with them, and deletes faces and pictures with the library', async () => {
    await clear();
    const lib = await dev.call(createLibrary, { lib_name: 'with faces', lib_type: 2 });
    const changed: number[] = [];
    const listener = (id: number) => changed.push(id);
    dev.emulator.ctx.events.on(LIBRARY_FACES_CHANGED, listener);
    try {
      shiftClock(7_200_000);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push((await dev.call(enrolFace, { lib_id: lib.lib_id, img: file(await facePicture(i), `p${i}.jpg`) })).img_id);
      }
      let [row] = await dev.call(listLibraries, {});
      expect(row!.picture_no).toBe(3);
      expect(row!.update_time > row!.create_time).toBe(true);
      await dev.call(deleteFace, { lib_id: lib.lib_id, img_id: ids[0]! });
      [row] = await dev.call(listLibraries, {});
      expect(row!.picture_no).toBe(2);
      expect(changed).toEqual([lib.lib_id, lib.lib_id, lib.lib_id, lib.lib_id]);

      const face = await dev.call(getFace, { lib_id: lib.lib_id, img_id: ids[1]! });
      expect((await fetch(`${dev.url}/ws/${face.img_path}`)).status).toBe(200);
      await dev.call(deleteLibrary, { lib_id: lib.lib_id });
      expect((await fetch(`${dev.url}/ws/${face.img_path}`)).status).toBe(404);
      expect(dev.emulator.ctx.db.prepare('SELECT count(*) AS n FROM faces').get()).toEqual({ n: 0 });
      expect(changed.at(-1)).toBe(lib.lib_id);
      // Its img_ids are free again.
      const again = await dev.call(createLibrary, { lib_name: 'with faces', lib_type: 2 });
      await dev.call(enrolFace, { lib_id: again.lib_id, img_id: ids[1]!, img: file(await facePicture(1), 'p.jpg') });
    } finally {
      dev.emulator.ctx.events.off(LIBRARY_FACES_CHANGED, listener);
      shiftClock(0);
    }
  });

  it('pages libraries in creation order with filters (§3.5)', async () => {
    await clear();
    const made = [];
    for (const [name, type] of [
      ['Staff 员工', 2],
      ['Visitors', 2],
      ['Blacklist', 1],
      ['staff-temp', 2],
      ['VIP', 2],
    ] as const) {
      made.push(await dev.call(createLibrary, { lib_name: name, lib_type: type }));
    }
    const all = await dev.call(queryLibraries, {});
    expect(all.total_num).toBe(5);
    expect(all.record.map((r) => r.lib_id)).toEqual(made.map((m) => m.lib_id));

    const page2 = await dev.call(queryLibraries, { start_no: 3, qry_len: 2 });
    expect(page2).toMatchObject({ result_num: 2, total_num: 5 });
    expect(page2.record.map((r) => r.lib_name)).toEqual(['Blacklist', 'staff-temp']);

    const beyond = await dev.call(queryLibraries, { start_no: 6, qry_len: 2 });
    expect(beyond).toEqual({ record: [], result_num: 0, total_num: 5 });

    const byType = await dev.call(queryLibraries, { lib_type: 1 });
    expect(byType.record.map((r) => r.lib_name)).toEqual(['Blacklist']);

    // A substring, ASCII case ignored; '%' and '_' are literal.
    const byName = await dev.call(queryLibraries, { lib_name: 'staff' });
    expect(byName.record.map((r) => r.lib_name)).toEqual(['Staff 员工', 'staff-temp']);
    expect((await dev.call(queryLibraries, { lib_name: '员工' })).total_num).toBe(1);
    expect((await dev.call(queryLibraries, { lib_name: '%' })).total_num).toBe(0);

    const byId = await dev.call(queryLibraries, { lib_id: made[1]!.lib_id, lib_type: 2 });
    expect(byId).toMatchObject({ result_num: 1, total_num: 1, record: [{ lib_name: 'Visitors', picture_no: 0 }] });
    expect((await dev.call(queryLibraries, { lib_id: made[1]!.lib_id, lib_type: 1 })).total_num).toBe(0);
  });

  it('refuses qry_len 0 or 51 and start_no 0 (-3596)', async () => {
    expect((await rawJson(dev, { msg_id: '1034', qry_len: 51 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1034', qry_len: 0 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1034', start_no: 0 })).code).toBe(-3596);
    expect((await rawJson(dev, { msg_id: '1034', qry_len: 50 })).code).toBe(0);
  });
});
