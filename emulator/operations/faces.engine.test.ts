// Enrolment with the real face engine (face-api on WASM) on the package's own
// sample photos: the stub's rules hold for real pictures too.
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, enrolFace, enrolFaceB64, getFace } from '../../src/api/protocol';
import { samplePhotoFiles } from '../faces/paths';
import { startTestDevice, type TestDevice } from '../testing';
import { blankPicture, file } from './faces.fixtures';

describe('enrolment with the real face engine', () => {
  let dev: TestDevice;
  let lib: number;
  const samples = samplePhotoFiles();

  beforeAll(async () => {
    dev = await startTestDevice();
    lib = (await dev.call(createLibrary, { lib_name: 'real', lib_type: 2 })).lib_id;
  });
  afterAll(() => dev.close());

  it('enrols a photo and keeps the main face descriptor', async () => {
    const jpeg = fs.readFileSync(samples[0]!);
    const { img_id } = await dev.call(enrolFace, {
      lib_id: lib,
      img_id: 'sample-1',
      person_name: 'Sample One',
      img: file(jpeg, 'sample1.jpg'),
    });
    const face = await dev.call(getFace, { lib_id: lib, img_id });
    const stored = face.img_feat.split(',').map(Number);
    expect(stored).toHaveLength(128);
    const main = (await dev.emulator.ctx.engine.analyse(jpeg)).faces[0]!;
    stored.forEach((v, i) => expect(v).toBeCloseTo(main.descriptor[i]!, 5));
  });

  it('enrols the same kind of photo sent as PNG through base64', async () => {
    const png = await sharp(fs.readFileSync(samples[1]!)).resize({ width: 960 }).png().toBuffer();
    const { img_id } = await dev.call(enrolFaceB64, { lib_id: lib, img: { filename: 'sample2.png', data: png.toString('base64') } });
    const face = await dev.call(getFace, { lib_id: lib, img_id });
    expect((await sharp(Buffer.from(face.img, 'base64')).metadata()).format).toBe('jpeg');
  });

  it('refuses a picture without a face (-1101) and bytes that are no picture (-1104)', async () => {
    await expect(dev.call(enrolFace, { lib_id: lib, img: file(await blankPicture(), 'wall.jpg') })).rejects.toMatchObject({ code: -1101 });
    await expect(dev.call(enrolFace, { lib_id: lib, img: file(Buffer.from('GIF89a not really'), 'x.jpg') })).rejects.toMatchObject({
      code: -1104,
    });
  });
});
