// The feature's recognition calls, form and base64 variants, against the
// emulator with its real face engine (face-api's sample photos).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCoordinate } from '../../../api/protocol/face-box';
import { blankJpeg, NOT_A_PICTURE, sampleFaceCrops, samplePhoto } from '../../../../emulator/faces/fixtures';
import { startTestDevice, type TestDevice } from '../../../../emulator/testing';
import { createLibrary } from '../../../api/protocol/libraries';
import { enrolFace } from '../../../api/protocol/faces';
import {
  comparePhotos,
  comparePhotosB64,
  detectAll,
  detectMain,
  detectMainB64,
  fetchDeviceFile,
  searchPhoto,
  searchPhotoB64,
  toBase64Image,
} from './recognition';

const file = (data: Buffer, name = 'face.jpg') => new File([new Uint8Array(data)], name);

describe('face search calls against the emulator', () => {
  let dev: TestDevice;
  let tight: Buffer[];
  let loose: Buffer[];
  let libIds: string;

  beforeAll(async () => {
    dev = await startTestDevice();
    const engine = dev.emulator.ctx.engine;
    tight = (await sampleFaceCrops(engine, 1, 1.6)).crops;
    loose = (await sampleFaceCrops(engine, 1, 2.2)).crops;
    const lib = await dev.call(createLibrary, { lib_name: `fs-${Date.now()}`, lib_type: 1 });
    for (const [i, crop] of tight.entries()) {
      await dev.call(enrolFace, { lib_id: lib.lib_id, img_id: `fs-${i}`, person_name: `Person ${i}`, person_gender: '0', img: file(crop) });
    }
    libIds = String(lib.lib_id);
  });
  afterAll(() => dev.close());

  it('finds every face of a group photo, each crop fetchable from /ws/ and searchable', async () => {
    const faces = await detectAll(file(samplePhoto(1)), dev.call);
    expect(faces.length).toBe(3);
    expect(faces.every((f) => parseCoordinate(f.coordinate) !== null)).toBe(true);
    const second = await fetchDeviceFile(faces[1]!.img_path, { baseUrl: dev.url });
    const found = await searchPhoto(second, { libIds, threshold: 60, topk: 3 }, dev.call);
    expect(found.topn[0]?.name).toMatch(/^Person \d$/);
    expect(found.topn[0]!.similarity).toBeGreaterThanOrEqual(80);
  });

  it('answers the same 1:N, 1:1 and detection in the form and the base64 variants', async () => {
    const probe = new Blob([new Uint8Array(loose[0]!)]);
    const settings = { libIds, threshold: 0, topk: 3 };
    const [form, b64] = [await searchPhoto(probe, settings, dev.call), await searchPhotoB64(probe, settings, dev.call)];
    expect(b64).toEqual(form);
    expect(form.topn[0]).toMatchObject({ img_id: 'fs-0', name: 'Person 0', ranking: 1 });

    const a = file(tight[0]!);
    const b = file(loose[0]!);
    const score = (await comparePhotos(a, b, dev.call)).FaceImg1to1Rsp_Score;
    expect((await comparePhotosB64(a, b, dev.call)).FaceImg1to1Rsp_Score).toBe(score);
    expect(score).toBeGreaterThanOrEqual(85);

    expect(await detectMainB64(a, dev.call)).toEqual(await detectMain(a, dev.call));
  });

  it('gets the device reason for a bad photo in either variant', async () => {
    const text = file(NOT_A_PICTURE, 'notes.jpg');
    await expect(detectAll(text, dev.call)).rejects.toMatchObject({ code: -1104 });
    await expect(detectMainB64(text, dev.call)).rejects.toMatchObject({ code: -1104 });
    const blank = file(await blankJpeg());
    await expect(searchPhoto(blank, { libIds, threshold: 0, topk: 1 }, dev.call)).rejects.toMatchObject({ code: -1101 });
    await expect(comparePhotosB64(blank, blank, dev.call)).rejects.toMatchObject({ code: -1101 });
    await expect(searchPhoto(file(tight[0]!), { libIds: '999999', threshold: 0, topk: 1 }, dev.call)).rejects.toMatchObject({ code: -117 });
  });

  it('encodes base64 without a data: prefix and keeps the file name', async () => {
    const img = await toBase64Image(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'x.jpg'));
    expect(img).toEqual({ filename: 'x.jpg', data: '/9j/' });
  });
});

describe('faces of a group photo', () => {
  it('are numbered left to right, whatever order the device lists them in', async () => {
    const { leftToRight } = await import('../../../api/protocol/face-box');
    const faces = [{ coordinate: '900,10,1000,120' }, { coordinate: '40,30,150,140' }, { coordinate: '500,0,420,90' }];
    expect(leftToRight(faces).map((f) => f.coordinate)).toEqual(['40,30,150,140', '500,0,420,90', '900,10,1000,120']);
  });
});
