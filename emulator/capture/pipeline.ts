// Over 400 lines on purpose: one capture loop whose stages share the scene, the camera and the stored record.
// The node's day: every configured, online camera produces captures; each face
// found in the scene is kept only inside the camera's ROI and face-size window,
// compared with the camera's libraries at its threshold, stored as a snapshot
// (and an alarm when it matches), and pushed: "777" on the WebSocket for every
// capture, 774 to the HTTP target for every alarm. Some captures also make a
// body record (obj_label 2).
import type { BodyAttr } from '../../src/api/protocol/attributes';
import type { WsAlarm } from '../../src/api/protocol/push';
import type { EmulatorContext } from '../context';
import { bodyAttrOf, bodyPicture, rngFrom } from '../demo/history';
import { deviceId, storageStrategy } from '../device-config';
import { nearestFaces } from '../faces/gallery-index';
import { isCameraOnline, readCameras, type StoredCamera } from '../operations/cameras';
import { splitIds } from '../operations/util';
import type { HttpPusher } from '../push/http';
import type { WsHub } from '../push/ws';
import { deleteOldestRecords, insertRecord, storageUsedBytes, type Candidate, type MatchedFace } from '../store/records';
import { dataUrl, sceneFromFrame, type Scene, type SceneFace } from './scenes';

/** Share of face captures that also yield a body record. */
const BODY_SHARE = 0.25;
/** How many consecutive captures of one channel show the same scene, by snap_mode (§4.1: 1 precise, 2 timed, 3 real-time). */
const REPEATS: Record<number, number> = { 1: 1, 2: 3, 3: 8 };
const TICK_MS = 20;
/** Overwrite policy: records dropped per step when storage is full. */
const OVERWRITE_BATCH = 64;

export interface CaptureResult {
  channel: number;
  snap_ids: string[];
  alarms: number;
  /** Faces the camera's ROI or face-size window left out. */
  filtered: number;
  /** Not stored because storage is full and the policy stops recording (still pushed). */
  notStored: number;
}

export interface PipelineStats {
  captures: number;
  alarms: number;
  bodies: number;
  filtered: number;
  notStored: number;
  overwritten: number;
  scenes: number;
}

interface FaceRow extends MatchedFace {
  seq: number;
  lib_id: number;
  lib_name: string;
  lib_type: number;
}

/** "x1,y1,x2,y2" → rectangle, or null for the full frame. */
function roiOf(cam: StoredCamera): { x1: number; y1: number; x2: number; y2: number } | null {
  if (cam.camera_mode !== 'VIDEO' || !cam.camera_roi) return null;
  const [x1, y1, x2, y2] = cam.camera_roi.split(',').map(Number);
  if ([x1, y1, x2, y2].some((n) => n === undefined || Number.isNaN(n))) return null;
  return { x1: x1!, y1: y1!, x2: x2!, y2: y2! };
}

/**
 * A face counts when its box lies wholly inside the ROI and its width is within
 * [facesize_min, facesize_max] (§4.1: "faces must be larger than min × min").
 * A capture (IMAGE) camera sends crops it chose itself: no ROI, no window.
 */
export function keepsFace(cam: StoredCamera, face: Pick<SceneFace, 'box'>): boolean {
  if (cam.camera_mode !== 'VIDEO') return true;
  const { x1, y1, x2, y2 } = face.box;
  const roi = roiOf(cam);
  if (roi && (x1 < roi.x1 || y1 < roi.y1 || x2 > roi.x2 || y2 > roi.y2)) return false;
  const size = x2 - x1;
  return size >= cam.facesize_min && size <= cam.facesize_max;
}

export class CapturePipeline {
  private scenes: Scene[] = [];
  private timer: NodeJS.Timeout | null = null;
  private acc = 0;
  private last = 0;
  private cameras: StoredCamera[] = [];
  private camerasAt = 0;
  private readonly channelState = new Map<number, { scene: Scene; left: number }>();
  private readonly rng = rngFrom(4242);
  private readonly faceStmt;
  private readonly libraryPhotos = new Map<string, string>();
  private readonly bodies = new WeakMap<SceneFace, { attr: BodyAttr; jpeg: Buffer; url: string }>();
  readonly counts: PipelineStats = { captures: 0, alarms: 0, bodies: 0, filtered: 0, notStored: 0, overwritten: 0, scenes: 0 };
  /** Told of every WebSocket send with the capture's start (performance.now()): the push benchmark listens. */
  onSent: ((snapId: string, startedAt: number) => void) | null = null;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly hub: WsHub,
    private readonly pusher: HttpPusher,
  ) {
    this.faceStmt = ctx.db.prepare<[number], FaceRow>(
      `SELECT f.seq, f.img_id, f.img_path, f.person_idcard, f.person_name, f.person_gender, f.person_age,
              f.person_addr, f.create_time, f.lib_id, l.lib_name, l.lib_type
         FROM faces f JOIN libraries l ON l.lib_id = f.lib_id WHERE f.seq = ?`,
    );
  }

  setScenes(scenes: Scene[]): void {
    this.scenes = scenes;
    this.counts.scenes = scenes.length;
    this.channelState.clear();
  }

  get ready(): boolean {
    return this.scenes.length > 0;
  }

  /** Captures per second over the whole device; 0 stops. */
  start(rate: number): void {
    this.stop();
    if (rate <= 0) return;
    this.last = performance.now();
    this.acc = 0;
    this.timer = setInterval(() => {
      const now = performance.now();
      // A stalled loop must not burst thousands at once: at most a second's worth.
      this.acc = Math.min(this.acc + ((now - this.last) / 1000) * rate, Math.max(rate, 1));
      this.last = now;
      while (this.acc >= 1 && this.ready) {
        const cam = this.pickCamera();
        if (!cam) {
          this.acc = 0;
          break;
        }
        const made = this.captureScene(cam, this.nextScene(cam));
        this.acc -= Math.max(1, made.snap_ids.length);
      }
    }, TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One capture now on `channel`: of a given picture (a data URL), or of the next scene. */
  async captureNow(channel: number, photo?: string): Promise<CaptureResult> {
    const cam = readCameras(this.ctx).find((c) => c.channel === channel);
    if (!cam) throw new Error(`no camera on channel ${channel}`);
    if (!isCameraOnline(cam)) throw new Error(`the camera on channel ${channel} is offline`);
    let scene: Scene;
    if (photo) {
      const m = /^data:image\/[a-z]+;base64,(.*)$/s.exec(photo);
      const bytes = Buffer.from(m ? m[1]! : photo, 'base64');
      scene = await sceneFromFrame(this.ctx.engine, `photo-${Date.now()}`, bytes);
    } else {
      if (!this.ready) throw new Error('no scenes yet: the pipeline is still preparing');
      scene = this.nextScene(cam);
    }
    return this.captureScene(cam, scene);
  }

  stats(): PipelineStats {
    return { ...this.counts };
  }

  private pickCamera(): StoredCamera | undefined {
    const now = Date.now();
    if (now - this.camerasAt > 1000) {
      this.cameras = readCameras(this.ctx).filter(isCameraOnline);
      this.camerasAt = now;
    }
    if (this.cameras.length === 0) return undefined;
    return this.cameras[Math.floor(this.rng() * this.cameras.length)];
  }

  private nextScene(cam: StoredCamera): Scene {
    const state = this.channelState.get(cam.channel);
    if (state && state.left > 0) {
      state.left--;
      return state.scene;
    }
    const scene = this.scenes[Math.floor(this.rng() * this.scenes.length)]!;
    const mode = cam.camera_mode === 'VIDEO' ? cam.snap_mode : 1;
    this.channelState.set(cam.channel, { scene, left: (REPEATS[mode] ?? 1) - 1 });
    return scene;
  }

  /** Best candidate over the camera's libraries, above the threshold or not (§3.13 keeps it either way). */
  private candidateFor(cam: StoredCamera, face: SceneFace): Candidate | null {
    const libIds = splitIds(cam.lib_ids).map(Number);
    if (libIds.length === 0) return null;
    const best = nearestFaces(this.ctx, libIds, face.descriptor, 1, 0)[0];
    if (!best) return null;
    const row = this.faceStmt.get(best.seq);
    if (!row) return null;
    const { seq: _s, lib_id, lib_name, lib_type, ...matched } = row;
    return { lib_id, lib_name, lib_type, similarity: best.similarity, ranking: 1, face: matched };
  }

  private libraryPhoto(imgPath: string): string | null {
    let url = this.libraryPhotos.get(imgPath);
    if (url === undefined) {
      const bytes = this.ctx.files.read(imgPath);
      if (!bytes) return null;
      url = dataUrl(bytes);
      if (this.libraryPhotos.size > 500) this.libraryPhotos.clear();
      this.libraryPhotos.set(imgPath, url);
    }
    return url;
  }

  /** §6.4-6.5: make room (overwrite) or say no (stop when full). */
  private roomFor(bytes: number): boolean {
    const max = this.ctx.options.maxStorageMb * 1024 * 1024;
    if (storageUsedBytes(this.ctx) + bytes <= max) return true;
    if (storageStrategy(this.ctx) === 2) return false;
    while (storageUsedBytes(this.ctx) + bytes > max) {
      const freed = deleteOldestRecords(this.ctx, OVERWRITE_BATCH);
      if (freed <= 0) return storageUsedBytes(this.ctx) + bytes <= max;
      this.counts.overwritten += OVERWRITE_BATCH;
    }
    return true;
  }

  private bodyOf(face: SceneFace): { attr: BodyAttr; jpeg: Buffer; url: string } | null {
    const got = this.bodies.get(face);
    if (got) return got;
    // Made once per scene face, in the background; this capture goes without.
    const age = Number.parseFloat(face.attributes.st_age_value) || 30;
    const attr = bodyAttrOf(this.rng, {
      gender: face.attributes.gender_code === 'female' ? 'female' : 'male',
      age,
      glasses: 'glasses_style_type_none',
      mustache: false,
    });
    void bodyPicture(face.crop, attr).then((jpeg) => this.bodies.set(face, { attr, jpeg, url: dataUrl(jpeg) }));
    return null;
  }

  captureScene(cam: StoredCamera, scene: Scene): CaptureResult {
    const result: CaptureResult = { channel: cam.channel, snap_ids: [], alarms: 0, filtered: 0, notStored: 0 };
    const trigger = this.ctx.clock.format();
    const common = {
      camera_name: cam.camera_name,
      device_id: deviceId(this.ctx),
      channel: cam.channel,
      position: cam.position,
      threshold: cam.threshold,
      trigger,
      snap_frame: scene.frameUrl,
    };
    for (const face of scene.faces) {
      const startedAt = performance.now();
      if (!keepsFace(cam, face)) {
        result.filtered++;
        this.counts.filtered++;
        continue;
      }
      const candidate = this.candidateFor(cam, face);
      const alarm = candidate !== null && candidate.similarity >= cam.threshold;
      const box = `${face.box.x1},${face.box.y1},${face.box.x2},${face.box.y2}`;
      let stored: { snap_id: string; snap_path: string } | undefined;
      // The crop and the scene frame are stored with the record (record/, record/frame/).
      if (this.roomFor(face.crop.length + scene.frame.length)) {
        stored = insertRecord(this.ctx, {
          kind: 'face',
          channel: cam.channel,
          camera_name: cam.camera_name,
          position: cam.position,
          trigger,
          quality: face.quality,
          snap: face.crop,
          frame: scene.frame,
          box,
          threshold: cam.threshold,
          candidate,
          face_attr: face.attributes,
        });
      } else {
        result.notStored++;
        this.counts.notStored++;
      }
      // Not stored (storage full, policy 2): still pushed, with no path to fetch.
      const id = stored?.snap_id ?? `unstored-${this.counts.captures}`;
      const snapPath = stored?.snap_path ?? '';
      // §9.2: similarity -1 and img -1 where nothing matched; below the
      // threshold the capture is pushed as a stranger.
      const m = alarm ? candidate : null;
      const message: WsAlarm = {
        code: 0,
        msg: '',
        msg_id: '777',
        data: {
          ...common,
          img_id: m?.face.img_id ?? '',
          img: (m && this.libraryPhoto(m.face.img_path)) || -1,
          img_path: m?.face.img_path ?? '',
          lib_id: m?.lib_id ?? 0,
          lib_name: m?.lib_name ?? '',
          lib_type: m?.lib_type ?? 0,
          person_addr: m?.face.person_addr ?? '',
          person_age: m?.face.person_age ?? '',
          person_gender: m?.face.person_gender ?? '',
          person_idcard: m?.face.person_idcard ?? '',
          person_name: m?.face.person_name ?? '',
          ranking: m ? 1 : 0,
          similarity: m ? m.similarity : -1,
          quality: face.quality,
          pos_top: face.box.y1,
          pos_bottom: face.box.y2,
          pos_left: face.box.x1,
          pos_right: face.box.x2,
          snap_id: id,
          snap_buf: face.cropUrl,
          snap_feat: Array.from(face.descriptor.subarray(0, 8), (v) => v.toFixed(6)).join(','),
          snap_path: snapPath,
          obj_label: 1,
          face_attr: face.attributes,
        },
      };
      this.hub.broadcast(message);
      this.onSent?.(id, startedAt);
      if (alarm && m) {
        result.alarms++;
        this.counts.alarms++;
        const { img: _img, snap_buf: _buf, snap_frame: _frame, ...data } = message.data;
        const libraryPicture = this.ctx.files.read(m.face.img_path) ?? undefined;
        this.pusher.alarm({ msg_id: 774, data }, { snap: face.crop, img: libraryPicture, snap_frame: scene.frame });
      }
      result.snap_ids.push(id);
      this.counts.captures++;

      if (this.rng() < BODY_SHARE) this.captureBody(cam, face, common, scene);
    }
    return result;
  }

  private captureBody(cam: StoredCamera, face: SceneFace, common: Omit<WsAlarm['data'], OmitBody>, scene: Scene): void {
    const body = this.bodyOf(face);
    if (!body || !this.roomFor(body.jpeg.length)) return;
    const stored = insertRecord(this.ctx, {
      kind: 'body',
      channel: cam.channel,
      camera_name: cam.camera_name,
      position: cam.position,
      trigger: common.trigger,
      quality: face.quality,
      snap: body.jpeg,
      body_attr: body.attr,
    });
    this.counts.bodies++;
    this.hub.broadcast({
      code: 0,
      msg: '',
      msg_id: '777',
      data: {
        ...common,
        img_id: '',
        img: -1,
        img_path: '',
        lib_id: 0,
        lib_name: '',
        lib_type: 0,
        person_addr: '',
        person_age: '',
        person_gender: '',
        person_idcard: '',
        person_name: '',
        ranking: 0,
        similarity: -1,
        quality: face.quality,
        // The person below the face (about 2.4 faces wide, 5 tall), inside the frame as a device's box is.
        ...bodyBox(face.box, scene),
        snap_id: stored.snap_id,
        snap_buf: body.url,
        snap_feat: '',
        snap_path: stored.snap_path,
        obj_label: 2,
        body_attr: body.attr,
      },
    });
  }
}

type OmitBody =
  | 'img_id'
  | 'img'
  | 'img_path'
  | 'lib_id'
  | 'lib_name'
  | 'lib_type'
  | 'person_addr'
  | 'person_age'
  | 'person_gender'
  | 'person_idcard'
  | 'person_name'
  | 'ranking'
  | 'similarity'
  | 'quality'
  | 'pos_top'
  | 'pos_bottom'
  | 'pos_left'
  | 'pos_right'
  | 'snap_id'
  | 'snap_buf'
  | 'snap_feat'
  | 'snap_path'
  | 'obj_label'
  | 'face_attr'
  | 'body_attr';

/** A body's box in the scene from its face's: the frame's edges cut it, as a device's would be. */
export function bodyBox(
  face: SceneFace['box'],
  scene: Pick<Scene, 'width' | 'height'>,
): { pos_top: number; pos_bottom: number; pos_left: number; pos_right: number } {
  const w = face.x2 - face.x1;
  const h = face.y2 - face.y1;
  const cx = (face.x1 + face.x2) / 2;
  return {
    pos_top: Math.max(0, face.y1),
    pos_bottom: Math.min(scene.height, face.y2 + h * 4),
    pos_left: Math.max(0, Math.round(cx - w * 1.2)),
    pos_right: Math.min(scene.width, Math.round(cx + w * 1.2)),
  };
}
