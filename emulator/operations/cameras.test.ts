import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addCamera,
  addRelay,
  deleteCamera,
  deleteRelay,
  getSipServerId,
  listCameras,
  listRelays,
  updateCamera,
} from '../../src/api/protocol';
import type { RequestOf } from '../../src/api/protocol/operation';
import { seedCameras } from '../demo/cameras';
import { startTestDevice, type TestDevice } from '../testing';
import { setCameraOnline, UNREACHABLE_DELAY_MS } from './cameras';

type AddReq = RequestOf<typeof addCamera>;

const rtsp = (over: Partial<AddReq> = {}): AddReq =>
  ({
    camera_mode: 'VIDEO',
    protocol: 'rtsp',
    url: 'rtsp://admin:admin123@10.5.4.178:554',
    camera_name: 'rtsp cam',
    threshold: 75,
    snap_mode: 3,
    ...over,
  }) as AddReq;
const onvif = (over: Partial<AddReq> = {}): AddReq =>
  ({
    camera_mode: 'VIDEO',
    protocol: 'onvif',
    ip: '10.5.4.178',
    port: 80,
    camera_user: 'admin',
    camera_pwd: 'admin123',
    camera_name: 'onvif cam',
    threshold: 70,
    snap_mode: 1,
    ...over,
  }) as AddReq;
const gb = (over: Partial<AddReq> = {}): AddReq =>
  ({
    camera_mode: 'VIDEO',
    protocol: 'gb28181',
    ip: '10.5.4.178',
    port: 5060,
    server_sip_id: '34020000002000000009',
    camera_sip_id: '34020000001320000001',
    camera_pwd: 'admin123',
    camera_name: 'gb cam',
    threshold: 1,
    // §4.2 c's own example sends it as a string.
    snap_mode: '1',
    ...over,
  }) as AddReq;
const image = (over: Partial<AddReq> = {}): AddReq =>
  ({
    camera_mode: 'IMAGE',
    ip: '10.5.4.177',
    port: 37777,
    camera_user: 'admin',
    camera_pwd: 'admin123',
    camera_name: 'capture cam',
    threshold: 85,
    ...over,
  }) as AddReq;

function insertLibrary(dev: TestDevice, name: string, type: 1 | 2): number {
  const now = '2024-01-01 00:00:00';
  const { lastInsertRowid } = dev.emulator.ctx.db
    .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, ?, ?, ?)')
    .run(name, type, now, now);
  return Number(lastInsertRowid);
}

function reset(dev: TestDevice): void {
  dev.emulator.ctx.db.exec('DELETE FROM relays; DELETE FROM cameras; DELETE FROM libraries;');
}

/** The raw envelope, past the client: to see extra fields the schema would strip, or send what it would refuse. */
async function raw(dev: TestDevice, body: Record<string, unknown>): Promise<{ code: number; data: unknown }> {
  const res = await fetch(`${dev.url}/api/json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', sessionid: dev.session() ?? '' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { code: number; data: unknown };
}

async function rawCameras(dev: TestDevice): Promise<Record<string, unknown>[]> {
  const { code, data } = await raw(dev, { msg_id: '516' });
  expect(code).toBe(0);
  return (data as { camera: Record<string, unknown>[] }).camera;
}

const COMMON = ['camera_name', 'channel', 'camera_mode', 'description', 'lib_ids', 'position', 'status', 'threshold'];
const VIDEO = ['protocol', 'snap_mode', 'facesize_min', 'facesize_max'];
const ROI = ['camera_roi', 'roi_max'];
const FIELDS = {
  rtsp: [...COMMON, ...VIDEO, ...ROI, 'decoder', 'url'],
  onvif: [...COMMON, ...VIDEO, ...ROI, 'decoder', 'ip', 'port', 'camera_user', 'camera_pwd'],
  gb: [...COMMON, ...VIDEO, 'ip', 'port', 'server_sip_id', 'camera_sip_id', 'camera_pwd'],
  image: [...COMMON, 'ip', 'port', 'camera_user', 'camera_pwd', 'vendor', 'product'],
};
const sorted = (keys: string[]) => [...keys].sort();

describe('cameras on an M8s (§4.1-4.5)', () => {
  let dev: TestDevice;
  let lib: number;
  beforeAll(async () => {
    dev = await startTestDevice({ model: 'm8s' });
  });
  afterAll(() => dev.close());
  beforeEach(() => {
    reset(dev);
    lib = insertLibrary(dev, 'blacklist', 1);
  });

  it('lists no camera with the power gauge at 0 of 16', async () => {
    expect(await dev.call(listCameras, {})).toEqual({ camera: [], computing_power_capacity: 16, used_computing_power: 0 });
  });

  it('adds each kind and lists it with exactly the fields of its §4.1 table', async () => {
    expect(await dev.call(addCamera, rtsp({ lib_ids: String(lib) }))).toEqual({ channel: 1 });
    expect(await dev.call(addCamera, onvif({ decoder: 'onvif', facesize_min: 120, facesize_max: 800 }))).toEqual({ channel: 2 });
    expect(await dev.call(addCamera, gb())).toEqual({ channel: 3 });
    expect(await dev.call(addCamera, image({ vendor: 'hikvision', product: '01' }))).toEqual({ channel: 4 });

    const cams = await rawCameras(dev);
    expect(cams.map((c) => sorted(Object.keys(c)))).toEqual([
      sorted(FIELDS.rtsp),
      sorted(FIELDS.onvif),
      sorted(FIELDS.gb),
      sorted(FIELDS.image),
    ]);
    expect(cams[0]).toEqual({
      camera_name: 'rtsp cam',
      channel: 1,
      camera_mode: 'VIDEO',
      description: '',
      lib_ids: String(lib),
      position: '',
      status: 1,
      threshold: 75,
      protocol: 'rtsp',
      decoder: '',
      url: 'rtsp://admin:admin123@10.5.4.178:554',
      camera_roi: '',
      roi_max: 2073600,
      snap_mode: 3,
      facesize_min: 60,
      facesize_max: 1000,
    });
    expect(cams[1]).toMatchObject({ decoder: 'onvif', facesize_min: 120, facesize_max: 800, camera_pwd: 'admin123', camera_user: 'admin' });
    expect(cams[2]).toMatchObject({ protocol: 'GB28181', snap_mode: 1, server_sip_id: '34020000002000000009', camera_pwd: 'admin123' });
    expect(cams[3]).toMatchObject({ camera_mode: 'IMAGE', vendor: 'hikvision', product: '01', camera_pwd: 'admin123', port: 37777 });

    const listed = await dev.call(listCameras, {});
    expect(listed.used_computing_power).toBe(2 + 2 + 2 + 1);
    expect(listed.computing_power_capacity).toBe(16);
  });

  it('takes an unknown or missing vendor as dahua (§4.2 note 5)', async () => {
    await dev.call(addCamera, image({ vendor: 'acme' }));
    await dev.call(addCamera, image());
    await dev.call(addCamera, image({ vendor: 'SenseDLCAA' }));
    const cams = await dev.call(listCameras, {});
    expect(cams.camera.map((c) => c.vendor)).toEqual(['dahua', 'dahua', 'sensedlcaa']);
  });

  it('gives a GB28181 camera on the node\'s own SIP server the "sensetime" password', async () => {
    const { server_sip_id } = await dev.call(getSipServerId, {});
    await dev.call(addCamera, gb({ server_sip_id, camera_pwd: undefined }));
    await dev.call(addCamera, gb({ camera_pwd: undefined }));
    const cams = await dev.call(listCameras, {});
    expect(cams.camera.map((c) => c.camera_pwd)).toEqual(['sensetime', '']);
  });

  it('answers a stable 20-digit SIP server id (1310)', async () => {
    const a = await dev.call(getSipServerId, {});
    const b = await dev.call(getSipServerId, {});
    expect(a.server_sip_id).toMatch(/^\d{20}$/);
    expect(b).toEqual(a);
  });

  it('takes a chosen channel, the lowest free one otherwise, and refuses a taken (-115) or out-of-range (-3596) one', async () => {
    expect(await dev.call(addCamera, image({ channel: 16 }))).toEqual({ channel: 16 });
    expect(await dev.call(addCamera, image({ channel: 2 }))).toEqual({ channel: 2 });
    expect(await dev.call(addCamera, image())).toEqual({ channel: 1 });
    expect(await dev.call(addCamera, image())).toEqual({ channel: 3 });
    await expect(dev.call(addCamera, image({ channel: 2 }))).rejects.toMatchObject({ code: -115 });
    await expect(dev.call(addCamera, image({ channel: 17 }))).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(addCamera, image({ channel: 0 }))).rejects.toMatchObject({ code: -3596 });
  });

  it('refuses lib_ids naming a missing library (-117) on add and edit, and normalises the list', async () => {
    const other = insertLibrary(dev, 'whitelist', 2);
    await expect(dev.call(addCamera, rtsp({ lib_ids: `${lib},9999` }))).rejects.toMatchObject({ code: -117 });
    expect((await dev.call(listCameras, {})).camera).toEqual([]);
    await dev.call(addCamera, rtsp({ lib_ids: ` ${lib},${other},${lib}` }));
    await expect(dev.call(updateCamera, { channel: 1, lib_ids: '9999' })).rejects.toMatchObject({ code: -117 });
    expect((await dev.call(listCameras, {})).camera[0]?.lib_ids).toBe(`${lib},${other}`);
    await dev.call(updateCamera, { channel: 1, lib_ids: '' });
    expect((await dev.call(listCameras, {})).camera[0]?.lib_ids).toBe('');
  });

  it('enforces 60 <= facesize_min <= facesize_max <= 1000, against the stored value of a bound left out', async () => {
    await expect(dev.call(addCamera, rtsp({ facesize_min: 500, facesize_max: 400 }))).rejects.toMatchObject({ code: -3596 });
    // Out of [60, 1000]: the schema refuses it, on the device too.
    expect((await raw(dev, { msg_id: '513', ...rtsp({ facesize_min: 59 }) })).code).toBe(-3596);
    expect((await raw(dev, { msg_id: '513', ...rtsp({ facesize_max: 1001 }) })).code).toBe(-3596);
    // Only a max: the min defaults to 60.
    await dev.call(addCamera, rtsp({ facesize_max: 300 }));
    await expect(dev.call(updateCamera, { channel: 1, facesize_min: 301 })).rejects.toMatchObject({ code: -3596 });
    await dev.call(updateCamera, { channel: 1, facesize_min: 300 });
    await expect(dev.call(updateCamera, { channel: 1, facesize_max: 299 })).rejects.toMatchObject({ code: -3596 });
    await dev.call(updateCamera, { channel: 1, facesize_min: 100, facesize_max: 200 });
    expect((await dev.call(listCameras, {})).camera[0]).toMatchObject({ facesize_min: 100, facesize_max: 200 });
  });

  it('keeps the fields an edit leaves out (§4.3 note 5)', async () => {
    await dev.call(addCamera, onvif({ position: 'gate', description: 'north', lib_ids: String(lib), facesize_min: 90 }));
    const before = (await rawCameras(dev))[0];
    await dev.call(updateCamera, { channel: 1, threshold: 90 });
    await dev.call(updateCamera, { channel: 1, camera_name: '大堂 Lobby', camera_pwd: 'n3w' });
    const after = (await rawCameras(dev))[0];
    expect(after).toEqual({ ...before, threshold: 90, camera_name: '大堂 Lobby', camera_pwd: 'n3w' });
  });

  it('refuses a change of protocol or mode, and fields of another kind (-3596, note 1)', async () => {
    await dev.call(addCamera, rtsp());
    await dev.call(addCamera, gb());
    await expect(dev.call(updateCamera, { channel: 1, protocol: 'onvif' })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 1, camera_mode: 'IMAGE' })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 1, ip: '10.5.4.1' })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 1, vendor: 'dahua' })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 2, url: 'rtsp://10.5.4.1' })).rejects.toMatchObject({ code: -3596 });
    // The same protocol and mode may be sent back, GB28181 in either case.
    await dev.call(updateCamera, { channel: 1, protocol: 'rtsp', camera_mode: 'VIDEO', url: 'rtsp://10.5.4.1:554/live' });
    await dev.call(updateCamera, { channel: 2, protocol: 'gb28181', camera_sip_id: '34020000001320000002' });
    const cams = await dev.call(listCameras, {});
    expect(cams.camera[0]).toMatchObject({ protocol: 'rtsp', url: 'rtsp://10.5.4.1:554/live' });
    expect(cams.camera[1]).toMatchObject({ protocol: 'GB28181', camera_sip_id: '34020000001320000002' });
  });

  it('refuses snap_mode on an IMAGE camera with -3620, ROI and face sizes with -3596', async () => {
    await dev.call(addCamera, image({ vendor: 'hikvision' }));
    await expect(dev.call(updateCamera, { channel: 1, snap_mode: 2 })).rejects.toMatchObject({ code: -3620 });
    await expect(dev.call(updateCamera, { channel: 1, camera_roi: '0,0,100,100' })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 1, facesize_min: 100 })).rejects.toMatchObject({ code: -3596 });
    await expect(dev.call(updateCamera, { channel: 1, protocol: 'rtsp' })).rejects.toMatchObject({ code: -3596 });
    await dev.call(updateCamera, { channel: 1, ip: '10.5.4.199', port: 80 });
    expect((await dev.call(listCameras, {})).camera[0]).toMatchObject({ vendor: 'hikvision', ip: '10.5.4.199', port: 80 });
    await dev.call(updateCamera, { channel: 1, vendor: 'nope' });
    expect((await dev.call(listCameras, {})).camera[0]?.vendor).toBe('dahua');
  });

  it('checks camera_roi: four integers inside 1920×1080 with x1<x2, y1<y2; "" is the full frame', async () => {
    await dev.call(addCamera, rtsp());
    await dev.call(addCamera, gb());
    await dev.call(updateCamera, { channel: 1, camera_roi: '0,180,1920,900' });
    expect((await dev.call(listCameras, {})).camera[0]).toMatchObject({ camera_roi: '0,180,1920,900', roi_max: 2073600 });
    await dev.call(updateCamera, { channel: 1, camera_roi: '0,0,1920,1080' });
    for (const bad of [
      '100,100,100,200',
      '100,300,200,200',
      '0,0,1921,100',
      '0,0,100,1081',
      '0,0,100',
      '-1,0,100,100',
      'a,b,c,d',
      '0,0,10.5,10',
    ]) {
      await expect(dev.call(updateCamera, { channel: 1, camera_roi: bad }), bad).rejects.toMatchObject({ code: -3596 });
    }
    expect((await dev.call(listCameras, {})).camera[0]?.camera_roi).toBe('0,0,1920,1080');
    await dev.call(updateCamera, { channel: 1, camera_roi: '' });
    expect((await dev.call(listCameras, {})).camera[0]?.camera_roi).toBe('');
    // GB28181 has no ROI in §4.1 or §4.3.
    await expect(dev.call(updateCamera, { channel: 2, camera_roi: '0,0,100,100' })).rejects.toMatchObject({ code: -3596 });
  });

  it('answers -109 for an edit or delete of an empty channel', async () => {
    await expect(dev.call(updateCamera, { channel: 5, threshold: 10 })).rejects.toMatchObject({ code: -109 });
    await expect(dev.call(deleteCamera, { channel: 5 })).rejects.toMatchObject({ code: -109 });
    await expect(dev.call(deleteCamera, { channel: 17 })).rejects.toMatchObject({ code: -3596 });
    await dev.call(addCamera, image({ channel: 5 }));
    await dev.call(deleteCamera, { channel: 5 });
    expect(await dev.call(listCameras, {})).toMatchObject({ camera: [], used_computing_power: 0 });
  });

  it('binds relays to cameras (§10.1-10.3)', async () => {
    await dev.call(addCamera, image({ camera_name: 'Turnstile A' }));
    const a = await dev.call(addRelay, { camera_channel: 1, dev_ip: '10.0.0.2', dev_port: 1234, dev_name: '测试 3' });
    expect(a).toEqual({
      id: a.id,
      camera_channel: 1,
      camera_name: 'Turnstile A',
      dev_ip: '10.0.0.2',
      dev_port: 1234,
      dev_name: '测试 3',
      dev_tag: '',
      dev_type: 'relay',
    });
    const b = await dev.call(addRelay, { camera_channel: 1, dev_ip: '192.0.2.9', dev_port: 5679, dev_tag: '1' });
    expect(b).toMatchObject({ dev_name: '', dev_tag: '1' });
    // The binding shows the camera's current name.
    await dev.call(updateCamera, { channel: 1, camera_name: 'Gate A' });
    expect(await dev.call(listRelays, {})).toEqual([
      { ...a, camera_name: 'Gate A', work_status: 1 },
      { ...b, camera_name: 'Gate A', work_status: 0 },
    ]);
    await dev.call(deleteRelay, { id: a.id });
    await expect(dev.call(deleteRelay, { id: a.id })).rejects.toMatchObject({ code: -105 });
    expect((await dev.call(listRelays, {})).map((r) => r.id)).toEqual([b.id]);
  });

  it('refuses a relay on an empty channel (-109), a bad dev_ip or port (-3596)', async () => {
    await dev.call(addCamera, rtsp());
    await expect(dev.call(addRelay, { camera_channel: 2, dev_ip: '10.0.0.2', dev_port: 1 })).rejects.toMatchObject({ code: -109 });
    for (const ip of ['10.0.0', '256.1.1.1', 'relay.local', '10.0.0.2.1']) {
      await expect(dev.call(addRelay, { camera_channel: 1, dev_ip: ip, dev_port: 1 }), ip).rejects.toMatchObject({ code: -3596 });
    }
    expect((await raw(dev, { msg_id: '1538', camera_channel: 1, dev_ip: '10.0.0.2', dev_port: 65536 })).code).toBe(-3596);
    expect((await raw(dev, { msg_id: '1538', camera_channel: 1, dev_ip: '10.0.0.2', dev_port: -1 })).code).toBe(-3596);
    expect(await dev.call(addRelay, { camera_channel: 1, dev_ip: '10.0.0.2', dev_port: 65535 })).toMatchObject({ dev_port: 65535 });
  });

  it("deletes a camera's relay bindings with it", async () => {
    await dev.call(addCamera, rtsp());
    await dev.call(addCamera, image());
    await dev.call(addRelay, { camera_channel: 1, dev_ip: '10.0.0.2', dev_port: 1 });
    const kept = await dev.call(addRelay, { camera_channel: 2, dev_ip: '10.0.0.3', dev_port: 2 });
    await dev.call(deleteCamera, { channel: 1 });
    expect((await dev.call(listRelays, {})).map((r) => r.id)).toEqual([kept.id]);
  });

  it('lists a camera offline when taken down (setCameraOnline) and back', async () => {
    await dev.call(addCamera, rtsp());
    expect(setCameraOnline(dev.emulator.ctx, 1, false)).toBe(true);
    expect((await dev.call(listCameras, {})).camera[0]?.status).toBe(0);
    setCameraOnline(dev.emulator.ctx, 1, true);
    expect((await dev.call(listCameras, {})).camera[0]?.status).toBe(1);
    expect(setCameraOnline(dev.emulator.ctx, 9, false)).toBe(false);
  });

  it('answers slowly and lists offline a camera at an unreachable address (§4.2 note 4)', async () => {
    await dev.call(addCamera, rtsp());
    let t = Date.now();
    // 192.0.2.0/24 is TEST-NET-1: nothing answers there.
    await dev.call(addCamera, onvif({ ip: '192.0.2.10' }));
    expect(Date.now() - t).toBeGreaterThanOrEqual(UNREACHABLE_DELAY_MS - 100);
    // Editing something else is quick; fixing the address brings it on line.
    t = Date.now();
    await dev.call(updateCamera, { channel: 2, threshold: 50 });
    // Not the unreachable address's wait (timings are the benchmarks' business; this only tells the two paths apart).
    expect(Date.now() - t).toBeLessThan(UNREACHABLE_DELAY_MS);
    expect((await dev.call(listCameras, {})).camera.map((c) => c.status)).toEqual([1, 0]);
    await dev.call(updateCamera, { channel: 2, ip: '10.5.4.20' });
    expect((await dev.call(listCameras, {})).camera.map((c) => c.status)).toEqual([1, 1]);
  }, 20_000);
});

describe('cameras on an M4s: channels and computing power', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ model: 'm4s' });
  });
  afterAll(() => dev.close());
  beforeEach(() => reset(dev));

  it('has channels 1..8 and a capacity of 8', async () => {
    await expect(dev.call(addCamera, image({ channel: 9 }))).rejects.toMatchObject({ code: -3596 });
    expect(await dev.call(addCamera, image({ channel: 8 }))).toEqual({ channel: 8 });
    expect((await dev.call(listCameras, {})).computing_power_capacity).toBe(8);
  });

  it('counts VIDEO as 2 and IMAGE as 1, and refuses past the capacity (-151)', async () => {
    await dev.call(addCamera, rtsp());
    await dev.call(addCamera, onvif());
    await dev.call(addCamera, gb());
    expect((await dev.call(listCameras, {})).used_computing_power).toBe(6);
    await dev.call(addCamera, image());
    expect((await dev.call(listCameras, {})).used_computing_power).toBe(7);
    // 7 + 2 > 8
    await expect(dev.call(addCamera, rtsp())).rejects.toMatchObject({ code: -151 });
    await dev.call(addCamera, image());
    expect((await dev.call(listCameras, {})).used_computing_power).toBe(8);
    await expect(dev.call(addCamera, image())).rejects.toMatchObject({ code: -151 });
    // Deleting a video camera frees 2.
    await dev.call(deleteCamera, { channel: 1 });
    expect((await dev.call(listCameras, {})).used_computing_power).toBe(6);
    expect(await dev.call(addCamera, rtsp())).toEqual({ channel: 1 });
  });

  it('answers -115 when no channel is free', async () => {
    for (let i = 1; i <= 8; i++) expect(await dev.call(addCamera, image())).toEqual({ channel: i });
    await expect(dev.call(addCamera, image())).rejects.toMatchObject({ code: -115 });
  });

  it('seeds the demo cameras within the power budget, bound to the demo libraries', async () => {
    const black = insertLibrary(dev, '黑名单 Blacklist', 1);
    const white = insertLibrary(dev, '白名单 Staff', 2);
    seedCameras(dev.emulator.ctx);
    const listed = await dev.call(listCameras, {});
    expect(listed.used_computing_power).toBe(8);
    expect(listed.camera.map((c) => [c.channel, c.camera_mode, c.protocol ?? c.vendor, c.lib_ids, c.status])).toEqual([
      [1, 'VIDEO', 'rtsp', String(black), 1],
      [2, 'VIDEO', 'onvif', String(black), 1],
      [3, 'VIDEO', 'GB28181', String(black), 1],
      [4, 'IMAGE', 'hikvision', String(white), 1],
      [5, 'IMAGE', 'dahua', String(white), 1],
    ]);
    expect(await dev.call(listRelays, {})).toHaveLength(1);
    // A second call adds nothing.
    seedCameras(dev.emulator.ctx);
    expect((await dev.call(listCameras, {})).camera).toHaveLength(5);
    expect(await dev.call(listRelays, {})).toHaveLength(1);
  });
});
