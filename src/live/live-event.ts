// The console's one shape for a capture seen live: from the WebSocket push
// (§9.2, pictures inline as data URLs) or from the alarm history after a gap
// (§3.16, pictures only as paths under /ws/). No React here.
import type { AlarmRecord } from '../api/protocol/records';
import type { BodyAttr, FaceAttr } from '../api/protocol/attributes';
import { parseDeviceTime } from '../api/protocol/device-time';
import { deviceFileBase } from '../api/protocol/files';
import { wsAck, wsAlarm, type WsAlarmData } from '../api/protocol/push';

/**
 * A picture the UI can show, wherever it came from:
 * - inline: the push's base64, as a data URL. The crop and the library photo
 *   stay so (~20 KB each): an <img> shows a data URL with no round trip to
 *   the browser process, which a Blob and its URL each cost.
 * - bytes: the scene frame (~200 KB), decoded off the main thread by the push
 *   worker and moved here without a copy; a view makes a blob: URL only while
 *   it shows one (usePictureSrc, picture-url.ts).
 * - device: a path on the device, served at GET /ws/<path> (history records carry no bytes).
 *   `base` is the node's prefix on the merged wall (fleet mode), where alarms of
 *   several nodes are shown side by side; otherwise the shown node's is taken.
 * - kept: the scene of a slimmed push, kept by the console's server (docs/fleet.md).
 */
export type LivePicture =
  | { readonly kind: 'inline'; readonly dataUrl: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array<ArrayBuffer>; readonly type: string }
  | { readonly kind: 'device'; readonly path: string; readonly base?: string }
  | { readonly kind: 'kept'; readonly url: string };

/**
 * What to put in <img src>, for pictures that need no object URL. `base` is ''
 * in the browser (same origin, through the proxy). Bytes have no src here:
 * components use usePictureSrc, which makes and revokes their URL.
 */
export function pictureSrc(picture: LivePicture | null | undefined, base = deviceFileBase()): string | undefined {
  if (!picture) return undefined;
  switch (picture.kind) {
    case 'inline':
      return picture.dataUrl;
    case 'bytes':
      return undefined;
    case 'device':
      return `${picture.base ?? base}/ws/${picture.path.replace(/^\/+/, '')}`;
    case 'kept':
      return picture.url;
  }
}

/** The push's scene frame already decoded (push-decode.ts); snap_frame is then "". */
export interface PushPictures {
  readonly frame: { readonly bytes: Uint8Array<ArrayBuffer>; readonly type: string } | null;
}

export interface LivePerson {
  readonly name: string;
  readonly idcard: string;
  /** "0" female, "1" male, "" unknown (§3.9). */
  readonly gender: string;
  readonly age: string;
  readonly addr: string;
}

/** The library face a capture was compared with. */
export interface LiveMatch {
  readonly libId: number;
  readonly libName: string;
  /** 1 blacklist, 2 whitelist. */
  readonly libType: number;
  readonly imgId: string;
  readonly imgPath: string;
  /** The library photo; null when the push says img -1 and there is no path either. */
  readonly photo: LivePicture | null;
  /** 0-100. */
  readonly similarity: number;
  readonly ranking: number;
  readonly person: LivePerson;
}

export interface LiveBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface LiveEventBase {
  /** The dedupe key everywhere (push and history share it), within one node. */
  readonly snapId: string;
  /** The merged wall's (fleet mode): the node it came from. Absent on one node's stream. */
  readonly node?: string;
  /** Device-local "yyyy-MM-dd HH:mm:ss": compares as a string, so we keep it as one. */
  readonly trigger: string;
  readonly channel: number;
  readonly cameraName: string;
  readonly position: string;
  /** Only the push names the device. */
  readonly deviceId: string | null;
  readonly threshold: number;
  /** Always there, for a download link: GET /ws/<snapPath>. */
  readonly snapPath: string;
  /** The face / body crop. */
  readonly snap: LivePicture | null;
  /** The scene; the push only (history has no scene path). */
  readonly frame: LivePicture | null;
  /** Push only. */
  readonly quality: number | null;
  readonly box: LiveBox | null;
  /** True when it came from the alarm history after a gap, not from the push. */
  readonly backfilled: boolean;
  /** Our clock (ms) when we received it. */
  readonly receivedAt: number;
  /**
   * Our clock (ms) when it happened, as the socket maps the device's clock
   * (device-clock.ts): it only moves forward, however the device's clock
   * steps, so views order by it. Without a socket, the trigger read as UTC.
   */
  readonly at: number;
}

export interface LiveFaceEvent extends LiveEventBase {
  readonly kind: 'face';
  /** null when the device compared nothing (similarity -1). */
  readonly match: LiveMatch | null;
  /** Appendix B. */
  readonly faceAttr: FaceAttr | null;
}

export interface LiveBodyEvent extends LiveEventBase {
  readonly kind: 'body';
  /** Appendix C. */
  readonly bodyAttr: BodyAttr | null;
}

export type LiveEvent = LiveFaceEvent | LiveBodyEvent;

/**
 * The push's base64. §9.2 says "base64", Appendix D's client splits on the first
 * comma, and the emulator sends "data:image/jpeg;base64,…": we take a data URL
 * as is and give bare base64 the JPEG prefix. "" means no picture.
 */
export function inlinePicture(value: string | -1 | undefined, path = ''): LivePicture | null {
  if (typeof value === 'string' && value.length > 0) {
    return { kind: 'inline', dataUrl: value.startsWith('data:') ? value : `data:image/jpeg;base64,${value}` };
  }
  return path ? { kind: 'device', path } : null;
}

/** Where the console's server keeps a slimmed push's scene; anything else in the field is not taken into an <img>. */
const KEPT_FRAME = /^\/console\/frames\/[a-z0-9][a-z0-9-]{0,31}\/[0-9a-f]{1,64}$/;
function keptFrame(ref: string | undefined): LivePicture | null {
  return ref !== undefined && KEPT_FRAME.test(ref) ? { kind: 'kept', url: ref } : null;
}

function person(d: Pick<WsAlarmData, 'person_name' | 'person_idcard' | 'person_gender' | 'person_age' | 'person_addr'>): LivePerson {
  return { name: d.person_name, idcard: d.person_idcard, gender: d.person_gender, age: d.person_age, addr: d.person_addr };
}

/** §9.2: img is -1 and similarity -1 when no library face matched. */
export function fromPush(
  d: WsAlarmData,
  receivedAt: number,
  pictures?: PushPictures,
  at = parseDeviceTime(d.trigger) ?? receivedAt,
): LiveEvent {
  const base = {
    snapId: d.snap_id,
    trigger: d.trigger,
    channel: d.channel,
    cameraName: d.camera_name,
    position: d.position,
    deviceId: d.device_id,
    threshold: d.threshold,
    snapPath: d.snap_path,
    snap: inlinePicture(d.snap_buf, d.snap_path),
    frame: pictures?.frame ? { kind: 'bytes' as const, ...pictures.frame } : (keptFrame(d.snap_frame_ref) ?? inlinePicture(d.snap_frame)),
    quality: d.quality,
    box: { top: d.pos_top, bottom: d.pos_bottom, left: d.pos_left, right: d.pos_right },
    backfilled: false,
    receivedAt,
    at,
  };
  if (d.obj_label === 2) return { ...base, kind: 'body', bodyAttr: d.body_attr ?? null };
  const match: LiveMatch | null =
    d.similarity < 0
      ? null
      : {
          libId: d.lib_id,
          libName: d.lib_name,
          libType: d.lib_type,
          imgId: d.img_id,
          imgPath: d.img_path,
          photo: inlinePicture(d.img, d.img_path),
          similarity: d.similarity,
          ranking: d.ranking,
          person: person(d),
        };
  return { ...base, kind: 'face', match, faceAttr: d.face_attr ?? null };
}

/** §3.16: a history alarm. Pictures are paths only; no scene, quality or box. */
export function fromAlarmRecord(r: AlarmRecord, receivedAt: number, at = parseDeviceTime(r.trigger) ?? receivedAt): LiveFaceEvent {
  return {
    kind: 'face',
    snapId: r.snap_id,
    trigger: r.trigger,
    channel: r.channel,
    cameraName: r.camera_name,
    position: r.position,
    deviceId: null,
    threshold: r.threshold,
    snapPath: r.snap_path,
    snap: r.snap_path ? { kind: 'device', path: r.snap_path } : null,
    frame: null,
    quality: null,
    box: null,
    backfilled: true,
    receivedAt,
    at,
    match:
      r.similarity < 0
        ? null
        : {
            libId: r.lib_id,
            libName: r.lib_name,
            libType: r.lib_type,
            imgId: r.img_id,
            imgPath: r.img_path,
            photo: r.img_path ? { kind: 'device', path: r.img_path } : null,
            similarity: r.similarity,
            ranking: r.ranking,
            person: person(r),
          },
    faceAttr: r.face_attr,
  };
}

// Built once: zod schemas are not free to construct and this runs per message.
const alarmSchema = wsAlarm();
const ackSchema = wsAck();

export type PushMessage =
  | { readonly type: 'alarm'; readonly data: WsAlarmData; readonly pictures?: PushPictures }
  | { readonly type: 'ack'; readonly code: number; readonly msg: string }
  | { readonly type: 'malformed'; readonly detail: string };

/** One text frame from /ws/: a "777" capture, a {code, msg} answer, or junk (never throws). */
export function parsePushMessage(text: string): PushMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: 'malformed', detail: 'not JSON' };
  }
  if (typeof json !== 'object' || json === null) return { type: 'malformed', detail: 'not an object' };
  if ('msg_id' in json || 'data' in json) {
    const alarm = alarmSchema.safeParse(json);
    if (alarm.success) return { type: 'alarm', data: alarm.data.data };
    return { type: 'malformed', detail: alarm.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  const ack = ackSchema.safeParse(json);
  if (ack.success) return { type: 'ack', code: ack.data.code, msg: ack.data.msg };
  return { type: 'malformed', detail: 'neither a capture nor an answer' };
}
