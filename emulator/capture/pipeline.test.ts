import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCamera,
  createLibrary,
  enrolFace,
  getWsKey,
  queryAlarms,
  querySnapshots,
  setHttpPush,
  setStorage,
  updateCamera,
} from '../../src/api/protocol';
import { createFaceEngine } from '../faces/engine';
import { loadFacePool, type PoolFace } from '../faces/pool';
import { readCamera } from '../operations/cameras';
import { receiver, subscribe as collect } from '../push/test-clients';
import { storageUsedBytes } from '../store/records';
import { startTestDevice, type TestDevice } from '../testing';
import { bodyBox } from './pipeline';
import { composeFrame, sceneFromFrame, type Scene } from './scenes';

const engine = createFaceEngine();

describe("a body's box", () => {
  it('stands below its face and ends at the frame, as a device draws it', () => {
    // A face near the bottom-right corner of a 1920×1080 frame.
    const box = bodyBox({ x1: 1800, y1: 900, x2: 1900, y2: 1020 }, { width: 1920, height: 1080 });
    expect(box).toEqual({ pos_top: 900, pos_bottom: 1080, pos_left: 1730, pos_right: 1920 });
    expect(bodyBox({ x1: 400, y1: 100, x2: 500, y2: 220 }, { width: 1920, height: 1080 })).toEqual({
      pos_top: 100,
      pos_bottom: 700,
      pos_left: 330,
      pos_right: 570,
    });
  });
});

describe('the capture pipeline (real engine)', () => {
  let dev: TestDevice;
  let pool: PoolFace[];
  let libId: number;
  let channel: number;
  let scene: Scene;
  let stranger: Scene;

  beforeAll(async () => {
    dev = await startTestDevice({ maxStorageMb: 2 }, { engine });
    pool = await loadFacePool(engine);
    expect(pool.length).toBeGreaterThan(3);
    ({ lib_id: libId } = await dev.call(createLibrary, { lib_name: 'Watch list', lib_type: 1 }));
    await dev.call(enrolFace, {
      lib_id: libId,
      img_id: 'suspect-1',
      person_name: 'Zhang San',
      img: new File([new Uint8Array(pool[0]!.jpeg)], 'suspect.jpg', { type: 'image/jpeg' }),
    });
    ({ channel } = await dev.call(addCamera, {
      camera_mode: 'VIDEO',
      protocol: 'rtsp',
      url: 'rtsp://127.0.0.1:554/stream',
      camera_name: 'Gate',
      threshold: 60,
      snap_mode: 1,
      lib_ids: String(libId),
    }));
    // The enrolled face, 300 px wide at (200, 200) of a 1920×1080 frame; and someone else.
    scene = await sceneFromFrame(engine, 'known', await composeFrame([{ face: pool[0]!.jpeg, left: 200, top: 200, size: 300 }]));
    expect(scene.faces.length).toBe(1);
    // Someone else: the first pool face, past the suspect, that the engine finds in a composed frame.
    for (const face of pool.slice(1)) {
      stranger = await sceneFromFrame(
        engine,
        `other-${face.id}`,
        await composeFrame([{ face: face.jpeg, left: 900, top: 300, size: 300 }]),
      );
      if (stranger.faces.length === 1) break;
    }
    expect(stranger!.faces.length).toBe(1);
  }, 240_000);
  afterAll(async () => {
    await dev.close();
    await engine.close();
  });

  const cam = () => readCamera(dev.emulator.ctx, channel)!;

  it('captures a face inside the ROI, matches it on the bound library and pushes it', async () => {
    const { key } = await dev.call(getWsKey, {});
    const sub = await collect(dev.url, key);
    const result = dev.emulator.pipeline.captureScene(cam(), scene);
    expect(result.alarms).toBe(1);
    const alarms = await dev.call(queryAlarms, { channel });
    expect(alarms.record[0]).toMatchObject({ lib_id: libId, lib_name: 'Watch list', img_id: 'suspect-1', person_name: 'Zhang San' });
    expect(alarms.record[0]!.similarity).toBeGreaterThanOrEqual(60);
    await expect.poll(() => sub.messages.length).toBe(1);
    const data = sub.messages[0]!.data;
    expect(data).toMatchObject({ channel, lib_id: libId, obj_label: 1, img_id: 'suspect-1', camera_name: 'Gate' });
    // Appendix D's client splits img on the first comma and decodes the rest.
    expect(typeof data.img).toBe('string');
    const [prefix, b64] = String(data.img).split(/,(.*)/s);
    expect(prefix).toBe('data:image/jpeg;base64');
    expect(Buffer.from(b64!, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(data.snap_frame.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(data.face_attr?.gender_code).toMatch(/^(male|female)$/);
    // The stored crop is served at its path.
    const pic = await fetch(`${dev.url}/ws/${data.snap_path}`);
    expect(pic.status).toBe(200);
    sub.ws.close();
  });

  it('pushes a stranger with similarity -1 and img -1, and stores no alarm', async () => {
    const { key } = await dev.call(getWsKey, {});
    const sub = await collect(dev.url, key);
    const before = (await dev.call(queryAlarms, { channel })).total_num;
    const result = dev.emulator.pipeline.captureScene(cam(), stranger);
    expect(result.snap_ids).toHaveLength(1);
    expect(result.alarms).toBe(0);
    await expect.poll(() => sub.messages.length).toBe(1);
    expect(sub.messages[0]!.data).toMatchObject({ similarity: -1, img: -1 });
    expect((await dev.call(queryAlarms, { channel })).total_num).toBe(before);
    sub.ws.close();
  });

  it('leaves out a face outside the ROI or outside the face-size window', async () => {
    await dev.call(updateCamera, { channel, camera_roi: '1000,0,1920,1080' });
    expect(dev.emulator.pipeline.captureScene(cam(), scene)).toMatchObject({ filtered: 1, snap_ids: [] });
    await dev.call(updateCamera, { channel, camera_roi: '0,0,1000,1080' });
    expect(dev.emulator.pipeline.captureScene(cam(), scene).snap_ids).toHaveLength(1);
    // The face's box is ~175 px wide in its 300 px crop: a window of 400..1000 leaves it out, 60..150 too.
    await dev.call(updateCamera, { channel, facesize_min: 400, facesize_max: 1000 });
    expect(dev.emulator.pipeline.captureScene(cam(), scene).filtered).toBe(1);
    await dev.call(updateCamera, { channel, facesize_min: 60, facesize_max: 150 });
    expect(dev.emulator.pipeline.captureScene(cam(), scene).filtered).toBe(1);
    await dev.call(updateCamera, { channel, facesize_min: 60, facesize_max: 1000, camera_roi: '' });
  });

  it('posts each alarm to the HTTP target as multipart: json, key, snap, img, snap_frame', async () => {
    const rx = await receiver();
    const { got, url } = rx;
    await dev.call(setHttpPush, { url, key: 'secret-key' });
    dev.emulator.pipeline.captureScene(cam(), scene);
    await expect.poll(() => got.filter((g) => g.fields.json?.includes('774')).length, { timeout: 5000 }).toBe(1);
    const alarm = got.find((g) => g.fields.json?.includes('774'))!;
    const json = JSON.parse(alarm.fields.json!) as { msg_id: number; data: Record<string, unknown> };
    expect(json.msg_id).toBe(774);
    // Appendix D's receiver checks these fields are present.
    for (const f of [
      'camera_name',
      'device_id',
      'channel',
      'position',
      'img_id',
      'img_path',
      'lib_name',
      'lib_type',
      'person_addr',
      'person_age',
      'person_gender',
      'person_idcard',
      'person_name',
      'snap_id',
      'similarity',
      'quality',
      'snap_feat',
      'snap_path',
      'trigger',
    ]) {
      expect(json.data, f).toHaveProperty(f);
    }
    expect(alarm.fields.key).toBe('secret-key');
    expect(alarm.files.sort()).toEqual(['img', 'snap', 'snap_frame']);
    await dev.call(setHttpPush, { url: '', key: '' });
    await rx.close();
  });

  it('a slow subscriber is dropped past its buffer while a fast one gets everything', async () => {
    const { key } = await dev.call(getWsKey, {});
    const fast = await collect(dev.url, key);
    const slow = await collect(dev.url, key);
    // Stop reading the slow socket: its bytes pile up in the emulator's send buffer.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const n = 400;
    for (let i = 0; i < n; i++) {
      dev.emulator.pipeline.captureScene(cam(), stranger);
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
    // Some captures also push a body (obj_label 2): count the faces.
    await expect.poll(() => fast.messages.filter((m) => m.data.obj_label === 1).length, { timeout: 10_000 }).toBe(n);
    expect(dev.emulator.hub.stats().dropped).toBeGreaterThan(0);
    fast.ws.close();
    slow.ws.terminate();
  });

  it('overwrites the oldest records when storage is full (policy 1) and stops recording with policy 2', async () => {
    const ctx = dev.emulator.ctx;
    // 2 MB of ~15 KB crops: a few hundred captures overflow it.
    for (let i = 0; i < 250; i++) dev.emulator.pipeline.captureScene(cam(), stranger);
    expect(dev.emulator.pipeline.counts.overwritten).toBeGreaterThan(0);
    await dev.call(setStorage, { storage_strategy: 2 });
    // Fill what room the last overwrite left, then nothing more is stored.
    for (let i = 0; i < 150; i++) dev.emulator.pipeline.captureScene(cam(), stranger);
    expect(dev.emulator.pipeline.counts.notStored).toBeGreaterThan(0);
    const { total_num: full } = await dev.call(querySnapshots, {});
    for (let i = 0; i < 50; i++) dev.emulator.pipeline.captureScene(cam(), stranger);
    expect((await dev.call(querySnapshots, {})).total_num).toBe(full);
    expect(Math.ceil(storageUsedBytes(ctx) / 1024 / 1024)).toBeLessThanOrEqual(2);
    await dev.call(setStorage, { storage_strategy: 1 });
  });
});
