// Cameras (§4.1-4.5): the checks and handlers of 513-516 and 1310. The stored
// model is camera-store.ts, reachability reachability.ts, relays relays.ts;
// the names other parts use are exported from here too.
import type { z } from 'zod';
import {
  addCamera,
  deleteCamera,
  getSipServerId,
  listCameras,
  updateCamera,
  VENDORS,
  type cameraRecord,
} from '../../src/api/protocol/cameras';
import {
  FACESIZE_MAX,
  FACESIZE_MIN,
  FRAME_HEIGHT_DEFAULT,
  FRAME_WIDTH_DEFAULT,
  POWER_COST,
  ROI_MAX_DEFAULT,
} from '../../src/api/protocol/limits';
import type { EmulatorContext } from '../context';
import {
  cameraKind,
  OWN_SIP_PASSWORD,
  powerCost,
  readCamera,
  readCameras,
  sipServerId,
  writeCamera,
  type CameraKind,
  type StoredCamera,
} from './camera-store';
import { handle, Refusal, type Handler, type HandlerRequest } from './handler';
import { addressReachable, isCameraOnline, pause } from './reachability';
import { splitIds } from './util';
import { ErrorCode } from '../../src/api/protocol/error-codes';

export * from './camera-store';
export { isCameraOnline, UNREACHABLE_DELAY_MS } from './reachability';
export { insertRelay } from './relays';

const { CAMERA_MISSING, CHANNEL_TAKEN, IMAGE_SNAP_MODE, LIBRARY_MISSING, NO_POWER, PARAM_ERROR } = ErrorCode;

// ---------------------------------------------------------------- checks

/** §4.2 note 3: M4s 1..8, M8s 1..16. Outside that range is a parameter error, not -109. */
function checkChannelRange(ctx: EmulatorContext, channel: number): void {
  if (channel < 1 || channel > ctx.spec.channels) throw new Refusal(PARAM_ERROR, `channel ${channel}`);
}

/** lib_ids must name existing libraries (-117). Answers the normalised list. */
function checkLibIds(ctx: EmulatorContext, libIds: string | undefined): string {
  const ids = [...new Set(splitIds(libIds).map(Number))];
  const exists = ctx.db.prepare<[number], { lib_id: number }>('SELECT lib_id FROM libraries WHERE lib_id = ?');
  for (const id of ids) if (!exists.get(id)) throw new Refusal(LIBRARY_MISSING, `lib_id ${id}`);
  return ids.join(',');
}

/** §4.1: 60 <= facesize_min <= facesize_max <= 1000 (the schema checked the bounds). */
function checkFaceSize(min: number, max: number): void {
  if (min > max) throw new Refusal(PARAM_ERROR, `facesize_min ${min} > facesize_max ${max}`);
}

/**
 * §4.3: camera_roi "x1,y1,x2,y2" (left, top, right, bottom) inside the
 * 1920×1080 frame, with (x2-x1)*(y2-y1) <= roi_max; "" is the full frame.
 * Answers the normalised string.
 */
export function checkRoi(roi: string, roiMax: number): string {
  const s = roi.trim();
  if (s === '') return '';
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length !== 4 || !parts.every((p) => /^\d+$/.test(p))) throw new Refusal(PARAM_ERROR, `camera_roi ${roi}`);
  const [x1, y1, x2, y2] = parts.map(Number) as [number, number, number, number];
  const inside = x2 <= FRAME_WIDTH_DEFAULT && y2 <= FRAME_HEIGHT_DEFAULT;
  if (!(x1 < x2 && y1 < y2 && inside && (x2 - x1) * (y2 - y1) <= roiMax)) {
    throw new Refusal(PARAM_ERROR, `camera_roi ${roi}`);
  }
  return `${x1},${y1},${x2},${y2}`;
}

/** §4.2 note 5: hikvision, sensedlc11, sensedlct, sensedlcd, dahua / sensedlcaa; anything else is dahua. */
export function normaliseVendor(vendor: string | undefined): string {
  const v = (vendor ?? '').trim().toLowerCase();
  return (VENDORS as readonly string[]).includes(v) ? v : 'dahua';
}

// ---------------------------------------------------------------- add

type AddRequest = HandlerRequest<typeof addCamera>;

/**
 * Checks and stores a new camera (513) and answers it; the handler adds the
 * unreachable-address delay. Order of checks: parameters (channel range,
 * face sizes) → libraries (-117) → channel (-115) → computing power (-151).
 * So a full M4s with no free channel answers -115 even if power is also short.
 */
export function insertCamera(ctx: EmulatorContext, req: AddRequest): StoredCamera {
  if (req.channel !== undefined) checkChannelRange(ctx, req.channel);
  const video = req.camera_mode === 'VIDEO';
  const facesize_min = video ? (req.facesize_min ?? FACESIZE_MIN) : FACESIZE_MIN;
  const facesize_max = video ? (req.facesize_max ?? FACESIZE_MAX) : FACESIZE_MAX;
  checkFaceSize(facesize_min, facesize_max);
  const lib_ids = checkLibIds(ctx, req.lib_ids);

  const cameras = readCameras(ctx);
  const taken = new Set(cameras.map((c) => c.channel));
  let channel = req.channel;
  if (channel === undefined) {
    channel = Array.from({ length: ctx.spec.channels }, (_, i) => i + 1).find((c) => !taken.has(c));
    if (channel === undefined) throw new Refusal(CHANNEL_TAKEN, 'no free channel');
  } else if (taken.has(channel)) {
    throw new Refusal(CHANNEL_TAKEN, `channel ${channel}`);
  }
  const used = cameras.reduce((sum, c) => sum + powerCost(c), 0);
  if (used + POWER_COST[req.camera_mode] > ctx.spec.capacity) throw new Refusal(NO_POWER);

  const common = {
    channel,
    camera_name: req.camera_name,
    position: req.position ?? '',
    description: req.description ?? '',
    lib_ids,
    threshold: req.threshold,
    reachable: true,
  };
  let cam: StoredCamera;
  if (req.camera_mode === 'IMAGE') {
    cam = {
      ...common,
      camera_mode: 'IMAGE',
      ip: req.ip,
      port: req.port,
      camera_user: req.camera_user,
      camera_pwd: req.camera_pwd,
      vendor: normaliseVendor(req.vendor),
      product: req.product ?? '',
    };
  } else {
    const videoCommon = {
      ...common,
      camera_mode: 'VIDEO' as const,
      decoder: req.decoder ?? '',
      snap_mode: req.snap_mode,
      facesize_min,
      facesize_max,
      camera_roi: '',
      roi_max: ROI_MAX_DEFAULT,
    };
    if (req.protocol === 'rtsp') {
      cam = { ...videoCommon, protocol: 'rtsp', url: req.url };
    } else if (req.protocol === 'onvif') {
      cam = {
        ...videoCommon,
        protocol: 'onvif',
        ip: req.ip,
        port: req.port,
        camera_user: req.camera_user,
        camera_pwd: req.camera_pwd,
      };
    } else {
      cam = {
        ...videoCommon,
        // §4.1 lists it as "GB28181" whatever the case it was sent in.
        protocol: 'GB28181',
        ip: req.ip,
        port: req.port,
        server_sip_id: req.server_sip_id,
        camera_sip_id: req.camera_sip_id,
        // Left out while the node itself is the SIP server: its fixed password (§4.2 c).
        camera_pwd: req.camera_pwd ?? (req.server_sip_id === sipServerId(ctx) ? OWN_SIP_PASSWORD : ''),
      };
    }
  }
  writeCamera(ctx, cam);
  return cam;
}

// ---------------------------------------------------------------- edit

type UpdateRequest = HandlerRequest<typeof updateCamera>;
type EditKey = Exclude<keyof UpdateRequest, 'channel' | 'camera_mode' | 'protocol'>;

const COMMON_EDIT: EditKey[] = ['camera_name', 'position', 'description', 'lib_ids', 'threshold'];
const VIDEO_EDIT: EditKey[] = [...COMMON_EDIT, 'decoder', 'snap_mode', 'facesize_min', 'facesize_max'];
/**
 * The fields §4.3's table of each kind lets change. A field of another kind is
 * -3596 (note 1: no change across protocols). GB28181 has no camera_roi in
 * either §4.1's or §4.3's table, so it cannot be set there. `product` is not in
 * §4.3 d but §4.2 d sets it and §4.1 lists it, so it may be edited too.
 */
const EDITABLE: Record<CameraKind, ReadonlySet<EditKey>> = {
  rtsp: new Set([...VIDEO_EDIT, 'url', 'camera_roi']),
  onvif: new Set([...VIDEO_EDIT, 'ip', 'port', 'camera_user', 'camera_pwd', 'camera_roi']),
  GB28181: new Set([...VIDEO_EDIT, 'ip', 'port', 'server_sip_id', 'camera_sip_id', 'camera_pwd']),
  IMAGE: new Set([...COMMON_EDIT, 'ip', 'port', 'camera_user', 'camera_pwd', 'vendor', 'product']),
};

/** Applies a 515 edit and stores it; answers the camera and whether its address was (re)sent unreachable. */
export function editCamera(ctx: EmulatorContext, req: UpdateRequest): { cam: StoredCamera; slow: boolean } {
  checkChannelRange(ctx, req.channel);
  const cam = readCamera(ctx, req.channel);
  if (!cam) throw new Refusal(CAMERA_MISSING, `channel ${req.channel}`);
  const kind = cameraKind(cam);

  // Note 1: camera_mode and protocol may be sent, but only unchanged.
  if (req.camera_mode !== undefined && req.camera_mode !== cam.camera_mode) throw new Refusal(PARAM_ERROR, 'camera_mode');
  if (req.protocol !== undefined) {
    const stored = cam.camera_mode === 'IMAGE' ? '' : cam.protocol;
    if (req.protocol.toLowerCase() !== stored.toLowerCase()) throw new Refusal(PARAM_ERROR, 'protocol');
  }
  // Appendix A has its own code for this one.
  if (kind === 'IMAGE' && req.snap_mode !== undefined) throw new Refusal(IMAGE_SNAP_MODE);

  const updates: Partial<Record<EditKey, string | number>> = {};
  for (const [key, value] of Object.entries(req) as [keyof UpdateRequest, unknown][]) {
    if (key === 'channel' || key === 'camera_mode' || key === 'protocol' || value === undefined) continue;
    if (!EDITABLE[kind].has(key)) throw new Refusal(PARAM_ERROR, `${key} on a ${kind} camera`);
    updates[key] = value as string | number;
  }

  if (cam.camera_mode === 'VIDEO') {
    // Note 5: a bound left out keeps its stored value, and the pair must still hold.
    checkFaceSize(req.facesize_min ?? cam.facesize_min, req.facesize_max ?? cam.facesize_max);
    if (req.camera_roi !== undefined) updates.camera_roi = checkRoi(req.camera_roi, cam.roi_max);
  }
  if (req.lib_ids !== undefined) updates.lib_ids = checkLibIds(ctx, req.lib_ids);
  // Note 6: a wrong vendor is dahua; a vendor left out keeps its value (note 5).
  if (req.vendor !== undefined) updates.vendor = normaliseVendor(req.vendor);

  // EDITABLE keeps every key to the stored kind's own fields, so the shape holds.
  const next = { ...cam, ...updates } as StoredCamera;
  writeCamera(ctx, next);
  const status = isCameraOnline(next);
  if (status !== isCameraOnline(cam)) ctx.events.emit('camera-status', { channel: next.channel, status: status ? 1 : 0 });
  const addressSent = req.url !== undefined || req.ip !== undefined;
  return { cam: next, slow: addressSent && !addressReachable(next) };
}

// ---------------------------------------------------------------- list

type CameraRecordIn = z.input<ReturnType<typeof cameraRecord>>;

/** One camera as 516 lists it: exactly the fields of its kind's table in §4.1. */
export function toCameraRecord(cam: StoredCamera): CameraRecordIn {
  const common = {
    camera_name: cam.camera_name,
    channel: cam.channel,
    camera_mode: cam.camera_mode,
    description: cam.description,
    lib_ids: cam.lib_ids,
    position: cam.position,
    status: isCameraOnline(cam) ? 1 : 0,
    threshold: cam.threshold,
  };
  if (cam.camera_mode === 'IMAGE') {
    const { ip, port, camera_user, camera_pwd, vendor, product } = cam;
    return { ...common, ip, port, camera_user, camera_pwd, vendor, product };
  }
  const { snap_mode, facesize_min, facesize_max, camera_roi, roi_max, decoder } = cam;
  switch (cam.protocol) {
    case 'rtsp':
      return { ...common, protocol: 'rtsp', decoder, url: cam.url, camera_roi, roi_max, snap_mode, facesize_min, facesize_max };
    case 'onvif': {
      const { ip, port, camera_user, camera_pwd } = cam;
      return {
        ...common,
        protocol: 'onvif',
        decoder,
        ip,
        port,
        camera_user,
        camera_pwd,
        camera_roi,
        roi_max,
        snap_mode,
        facesize_min,
        facesize_max,
      };
    }
    case 'GB28181': {
      const { ip, port, server_sip_id, camera_sip_id, camera_pwd } = cam;
      return { ...common, protocol: 'GB28181', ip, port, server_sip_id, camera_sip_id, camera_pwd, snap_mode, facesize_min, facesize_max };
    }
  }
}

// ---------------------------------------------------------------- handlers

export const camerasHandlers: Handler[] = [
  handle(listCameras, (_req, ctx) => {
    const cameras = readCameras(ctx);
    return {
      camera: cameras.map(toCameraRecord),
      computing_power_capacity: ctx.spec.capacity,
      used_computing_power: cameras.reduce((sum, c) => sum + powerCost(c), 0),
    };
  }),

  handle(addCamera, async (req, ctx) => {
    // The channel is stored before the wait, so a second add cannot take it meanwhile.
    const cam = insertCamera(ctx, req);
    if (!addressReachable(cam)) await pause(ctx.options.unreachableDelayMs);
    return { channel: cam.channel };
  }),

  handle(updateCamera, async (req, ctx) => {
    const { cam, slow } = editCamera(ctx, req);
    if (slow) await pause(ctx.options.unreachableDelayMs);
    return { channel: cam.channel };
  }),

  /**
   * §4.4 says nothing of the camera's relay bindings; we delete them with the
   * camera, as a binding to an empty channel could never fire and would list
   * without a camera_name. Snapshot records keep their own copy of the name.
   */
  handle(deleteCamera, (req, ctx) => {
    checkChannelRange(ctx, req.channel);
    ctx.db.transaction(() => {
      const { changes } = ctx.db.prepare('DELETE FROM cameras WHERE channel = ?').run(req.channel);
      if (changes === 0) throw new Refusal(CAMERA_MISSING, `channel ${req.channel}`);
      ctx.db.prepare('DELETE FROM relays WHERE camera_channel = ?').run(req.channel);
    })();
    return '';
  }),

  handle(getSipServerId, (_req, ctx) => ({ server_sip_id: sipServerId(ctx) })),
];
