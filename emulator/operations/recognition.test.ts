// §3.25, 3.26, 3.29, 5.1-5.4 through the console's client, against an
// emulator running the real face engine on face-api's sample photos.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareFaces,
  compareFacesB64,
  detectFace,
  detectFaceB64,
  detectFaces,
  FACE_ATTR_VALUES,
  searchFace,
  searchFaceB64,
} from '../../src/api/protocol';
import path from 'node:path';
import { createFaceEngine, type RealFaceEngine } from '../faces/engine';
import { testCacheDir } from '../faces/paths';
import { blankJpeg, NOT_A_PICTURE, sampleFaceCrops, samplePhoto } from '../faces/fixtures';
import { featureToBlob } from '../faces/gallery-index';
import { startTestDevice, type TestDevice } from '../testing';

const file = (data: Buffer, name = 'face.jpg') => new File([new Uint8Array(data)], name);
const b64 = (data: Buffer, filename = 'face.jpg') => ({ filename, data: data.toString('base64') });

describe('detection and comparison (§3.25-3.29, §5)', () => {
  let engine: RealFaceEngine;
  let dev: TestDevice;
  /** sample1's three faces, tight crops (enrolled) and loose ones (searched). */
  let tight: Buffer[];
  let loose: Buffer[];
  let others: Buffer[];
  let blank: Buffer;
  let libA: number;
  let libB: number;

  function addLibrary(name: string, type: number): number {
    const now = dev.emulator.ctx.clock.format();
    return Number(
      dev.emulator.ctx.db
        .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, ?, ?, ?)')
        .run(name, type, now, now).lastInsertRowid,
    );
  }

  async function enrol(
    libId: number,
    picture: Buffer,
    imgId: string,
    person: { id: string; name: string; gender: string; age: string; addr: string },
  ) {
    const { faces } = await engine.analyse(picture);
    const imgPath = `img/${libId}_${imgId}.jpg`;
    dev.emulator.ctx.files.write(imgPath, picture);
    dev.emulator.ctx.db
      .prepare(
        `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        imgId,
        libId,
        imgPath,
        person.id,
        person.name,
        person.gender,
        person.age,
        person.addr,
        dev.emulator.ctx.clock.format(),
        featureToBlob(faces[0]!.descriptor),
      );
  }

  beforeAll(async () => {
    // The default engine keeps analyses on disk (node_modules/.cache): a rerun is quick.
    engine = createFaceEngine({ cacheDir: path.join(testCacheDir(), 'analyses') });
    dev = await startTestDevice({}, { engine });
    tight = (await sampleFaceCrops(engine, 1, 1.6)).crops;
    loose = (await sampleFaceCrops(engine, 1, 2.2)).crops;
    others = (await sampleFaceCrops(engine, 6, 1.6)).crops;
    blank = await blankJpeg();

    libA = addLibrary('blacklist A', 1);
    libB = addLibrary('whitelist B', 2);
    const names = ['Alice', 'Bea', 'Cleo'];
    for (const [i, crop] of tight.entries()) {
      await enrol(libA, crop, `a-${i}`, {
        id: `11010119900101000${i}`,
        name: names[i]!,
        gender: '0',
        age: String(30 + i),
        addr: `Street ${i}`,
      });
    }
    for (const [i, crop] of others.entries()) {
      await enrol(libB, crop, `b-${i}`, { id: '', name: `Other ${i}`, gender: '0', age: '', addr: '' });
    }
  });
  afterAll(async () => {
    await dev.close();
    await engine.close();
  });

  describe('§3.25 / §3.29: the main face', () => {
    it('answers quality, "x1,y1,x2,y2" and Appendix B attributes', async () => {
      const answer = await dev.call(detectFace, { img: file(samplePhoto(1)) });
      expect(answer.quality).toBeGreaterThanOrEqual(90);
      const [x1, y1, x2, y2] = answer.coordinate.split(',').map(Number) as [number, number, number, number];
      expect(answer.coordinate).toMatch(/^\d+,\d+,\d+,\d+$/);
      expect(x2).toBeGreaterThan(x1);
      expect(y2).toBeGreaterThan(y1);
      for (const [key, values] of Object.entries(FACE_ATTR_VALUES)) {
        expect(values as readonly string[]).toContain(answer.attribute[key as keyof typeof answer.attribute]);
      }
      expect(answer.attribute.st_age_value).toMatch(/^\d+\.000000$/);
      // The main face is the largest of the picture's faces.
      const all = await dev.call(detectFaces, { img: file(samplePhoto(1)) });
      const area = (c: string) => {
        const [a, b, c2, d] = c.split(',').map(Number) as [number, number, number, number];
        return (c2 - a) * (d - b);
      };
      expect(area(answer.coordinate)).toBe(Math.max(...all.map((d) => area(d.coordinate))));
    });

    it('answers the same for the picture in base64', async () => {
      const form = await dev.call(detectFace, { img: file(tight[0]!) });
      expect(await dev.call(detectFaceB64, { img: b64(tight[0]!) })).toEqual(form);
    });

    it('refuses what is no picture with -1104 and a picture without a face with -1101', async () => {
      await expect(dev.call(detectFace, { img: file(NOT_A_PICTURE) })).rejects.toMatchObject({ code: -1104 });
      await expect(dev.call(detectFaceB64, { img: b64(NOT_A_PICTURE) })).rejects.toMatchObject({ code: -1104 });
      await expect(dev.call(detectFace, { img: file(blank) })).rejects.toMatchObject({ code: -1101 });
      await expect(dev.call(detectFaces, { img: file(blank) })).rejects.toMatchObject({ code: -1101 });
    });
  });

  describe('§3.26: every face', () => {
    it('lists the faces of a group photo, each crop stored and served at /ws/<img_path>', async () => {
      const answer = await dev.call(detectFaces, { img: file(samplePhoto(1)) });
      expect(answer.length).toBe(3);
      for (const face of answer) {
        expect(face.img_path).toMatch(/^tmp\/[0-9a-f-]{36}\.jpg$/);
        const res = await fetch(`${dev.url}/ws/${face.img_path}`);
        expect(res.status).toBe(200);
        const crop = Buffer.from(await res.arrayBuffer());
        const meta = await sharp(crop).metadata();
        expect(meta.format).toBe('jpeg');
        const [x1, y1, x2, y2] = face.coordinate.split(',').map(Number) as [number, number, number, number];
        // The crop holds the box with some context around it.
        expect(meta.width).toBeGreaterThan(x2 - x1);
        expect(meta.height).toBeGreaterThan(y2 - y1);
      }
      expect(new Set(answer.map((f) => f.img_path)).size).toBe(3);
    });
  });

  describe('§5.2 / §5.4: 1:1', () => {
    it('scores the same person far above two different people', async () => {
      const same = await dev.call(compareFaces, { img_1: file(tight[0]!), img_2: file(loose[0]!) });
      const different = await dev.call(compareFaces, { img_1: file(tight[0]!), img_2: file(tight[1]!) });
      const identical = await dev.call(compareFaces, { img_1: file(tight[0]!), img_2: file(tight[0]!) });
      expect(identical.FaceImg1to1Rsp_Score).toBe(100);
      expect(same.FaceImg1to1Rsp_Score).toBeGreaterThanOrEqual(85);
      expect(different.FaceImg1to1Rsp_Score).toBeLessThan(same.FaceImg1to1Rsp_Score - 15);
      expect(await dev.call(compareFacesB64, { img_1: b64(tight[0]!), img_2: b64(loose[0]!) })).toEqual(same);
    });

    it('answers -1101 when either picture shows no face, -1104 when one is no picture', async () => {
      await expect(dev.call(compareFaces, { img_1: file(tight[0]!), img_2: file(blank) })).rejects.toMatchObject({ code: -1101 });
      await expect(dev.call(compareFacesB64, { img_1: b64(blank), img_2: b64(tight[0]!) })).rejects.toMatchObject({ code: -1101 });
      await expect(dev.call(compareFaces, { img_1: file(NOT_A_PICTURE), img_2: file(tight[0]!) })).rejects.toMatchObject({ code: -1104 });
    });
  });

  describe('§5.1 / §5.3: 1:N', () => {
    it('ranks the enrolled person first, with the library and person fields', async () => {
      const answer = await dev.call(searchFace, { img: file(loose[0]!), lib_ids: `${libA},${libB}`, topk: 5, n_topk: 2 });
      expect(answer.topn).toHaveLength(5);
      expect(answer.topn.map((c) => c.ranking)).toEqual([1, 2, 3, 4, 5]);
      const sims = answer.topn.map((c) => c.similarity);
      expect(sims).toEqual([...sims].sort((a, b) => b - a));
      expect(answer.topn[0]).toMatchObject({
        img_id: 'a-0',
        img_path: `img/${libA}_a-0.jpg`,
        lib_id: libA,
        lib_name: 'blacklist A',
        lib_type: 1,
        id: '110101199001010000',
        name: 'Alice',
        gender: '0',
        age: '30',
        address: 'Street 0',
      });
      expect(answer.topn[0]!.similarity).toBeGreaterThanOrEqual(85);
      expect(answer.topn[1]!.similarity).toBeLessThan(answer.topn[0]!.similarity - 15);
      expect(answer.n_topn).toEqual(answer.topn[1]);

      const detected = await dev.call(detectFace, { img: file(loose[0]!) });
      const { pos_left, pos_top, pos_right, pos_bottom, quality } = answer.in_pic;
      expect(`${pos_left},${pos_top},${pos_right},${pos_bottom}`).toBe(detected.coordinate);
      expect(quality).toBe(detected.quality);
    });

    it('keeps only candidates at or above the threshold, and leaves n_topn out when fewer pass', async () => {
      const answer = await dev.call(searchFace, { img: file(loose[1]!), lib_ids: String(libA), threshold: 85, topk: 3, n_topk: 2 });
      expect(answer.topn.map((c) => c.name)).toEqual(['Bea']);
      expect(answer).not.toHaveProperty('n_topn');
      const none = await dev.call(searchFace, { img: file(loose[1]!), lib_ids: String(libB), threshold: 85 });
      expect(none.topn).toEqual([]);
      expect(none).not.toHaveProperty('n_topn');
    });

    it('defaults to the top 1, and answers the same in base64', async () => {
      const form = await dev.call(searchFace, { img: file(loose[2]!), lib_ids: `${libA}` });
      expect(form.topn).toHaveLength(1);
      expect(form.topn[0]!.name).toBe('Cleo');
      expect(form.n_topn).toEqual(form.topn[0]);
      expect(await dev.call(searchFaceB64, { img: b64(loose[2]!), lib_ids: `${libA}` })).toEqual(form);
    });

    it('refuses a library that does not exist (-117), no face (-1101), no picture (-1104)', async () => {
      await expect(dev.call(searchFace, { img: file(loose[0]!), lib_ids: `${libA},9999` })).rejects.toMatchObject({ code: -117 });
      await expect(dev.call(searchFace, { img: file(blank), lib_ids: `${libA}` })).rejects.toMatchObject({ code: -1101 });
      await expect(dev.call(searchFaceB64, { img: b64(NOT_A_PICTURE), lib_ids: `${libA}` })).rejects.toMatchObject({ code: -1104 });
    });

    it('sees a face enrolled after an earlier search', async () => {
      const before = await dev.call(searchFace, { img: file(loose[0]!), lib_ids: String(libB), threshold: 85 });
      expect(before.topn).toEqual([]);
      await enrol(libB, tight[0]!, 'b-alice', { id: '', name: 'Alice in B', gender: '0', age: '', addr: '' });
      const after = await dev.call(searchFace, { img: file(loose[0]!), lib_ids: String(libB), threshold: 85 });
      expect(after.topn.map((c) => c.name)).toEqual(['Alice in B']);
    });
  });
});
