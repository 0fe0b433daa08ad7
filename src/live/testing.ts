// Fixtures for the live tests: §9.2 push messages and §3.16 history records
// shaped like the device's.
import type { WsAlarm, WsAlarmData } from '../api/protocol/push';
import type { AlarmRecord } from '../api/protocol/records';
import { shiftDeviceTime } from '../api/protocol/device-time';
import { fromPush, type LiveEvent } from './live-event';

export const T0 = '2024-05-01 10:00:00';

/** The smallest JPEG the device's file checks take. */
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

/** Polls a condition the emulator or the socket makes true, failing with what was awaited. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const FACE_ATTR = {
  st_age: 'st_adult',
  mustache_style: 'mustache_style_type_none',
  respirator_color: 'color_type_none',
  glass_style: 'glasses_style_type_none',
  gender_code: 'female',
  st_expression: 'st_calm',
  cap_style: 'hat_style_type_none',
  st_age_value: '26.000000',
};

function jpeg(tag: string): string {
  return `data:image/jpeg;base64,${btoa(`jpeg:${tag}`)}`;
}

/** A matched face `seconds` after T0. */
export function pushData(n: number, overrides: Partial<WsAlarmData> = {}): WsAlarmData {
  const snapId = `snap-${n}`;
  return {
    camera_name: 'gate',
    device_id: 'dev-1',
    channel: 1,
    threshold: 60,
    img_id: `img-${n}`,
    img: jpeg(`img-${n}`),
    img_path: `img/1_img-${n}.jpg`,
    lib_id: 1,
    lib_name: 'staff',
    lib_type: 2,
    person_addr: '',
    person_age: '30',
    person_gender: '1',
    person_idcard: `id-${n}`,
    person_name: `person ${n}`,
    position: 'hall',
    ranking: 1,
    similarity: 88,
    quality: 90,
    pos_top: 10,
    pos_bottom: 110,
    pos_left: 20,
    pos_right: 120,
    snap_id: snapId,
    snap_buf: jpeg(`snap-${n}`),
    snap_feat: '',
    snap_path: `record/${snapId}.jpg`,
    snap_frame: jpeg(`frame-${n}`),
    trigger: shiftDeviceTime(T0, n),
    obj_label: 1,
    face_attr: FACE_ATTR,
    ...overrides,
  };
}

export function pushMessage(n: number, overrides: Partial<WsAlarmData> = {}): WsAlarm {
  return { code: 0, data: pushData(n, overrides), msg: '', msg_id: '777' };
}

/** The same capture as the history (1036) answers it. */
export function historyRecord(n: number, overrides: Partial<AlarmRecord> = {}): AlarmRecord {
  const d = pushData(n);
  return {
    camera_name: d.camera_name,
    channel: d.channel,
    lib_id: d.lib_id,
    lib_name: d.lib_name,
    lib_type: d.lib_type,
    position: d.position,
    ranking: d.ranking,
    similarity: d.similarity,
    snap_id: d.snap_id,
    snap_path: d.snap_path,
    threshold: d.threshold,
    trigger: d.trigger,
    face_attr: FACE_ATTR,
    create_time: d.trigger,
    img_id: d.img_id,
    img_path: d.img_path,
    person_addr: d.person_addr,
    person_age: d.person_age,
    person_gender: d.person_gender,
    person_idcard: d.person_idcard,
    person_name: d.person_name,
    ...overrides,
  };
}

export function liveEvent(n: number, overrides: Partial<WsAlarmData> = {}, backfilled = false): LiveEvent {
  return { ...fromPush(pushData(n, overrides), 0), backfilled };
}
