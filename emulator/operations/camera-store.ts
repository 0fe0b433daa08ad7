// The stored camera (§4.1): one JSON row per channel in `cameras`, with the
// wire's field names so other parts can read `lib_ids`, `camera_name` …; and
// what is kept beside it (the node's SIP server id).
import { POWER_COST } from '../../src/api/protocol/limits';
import type { EmulatorContext } from '../context';
import { isCameraOnline } from './reachability';

/**
 * §4.5's own example. The node's SIP server id is stored in config on first
 * use so it stays the same across restarts.
 */
export const SIP_SERVER_ID_DEFAULT = '34020000002000000001';
const SIP_SERVER_ID_KEY = 'camera.sip_server_id';
/** §4.2 c: "when the SenseNebula-M is the SIP server, the authentication password is sensetime". */
export const OWN_SIP_PASSWORD = 'sensetime';

interface CommonFields {
  channel: number;
  camera_name: string;
  position: string;
  description: string;
  /** "1,2": normalised (trimmed, no duplicates), "" for none. */
  lib_ids: string;
  threshold: number;
  /**
   * The fault-injection switch (setCameraOnline), true by default. A camera is
   * listed online when this is set and its address is reachable.
   */
  reachable: boolean;
}
interface VideoFields extends CommonFields {
  camera_mode: 'VIDEO';
  decoder: string;
  snap_mode: number;
  facesize_min: number;
  facesize_max: number;
  /** "" is the full frame. */
  camera_roi: string;
  roi_max: number;
}
export interface RtspCamera extends VideoFields {
  protocol: 'rtsp';
  url: string;
}
export interface OnvifCamera extends VideoFields {
  protocol: 'onvif';
  ip: string;
  port: number;
  camera_user: string;
  camera_pwd: string;
}
/** ip / port are the SIP server's (§4.1), not the camera's. */
export interface GbCamera extends VideoFields {
  protocol: 'GB28181';
  ip: string;
  port: number;
  server_sip_id: string;
  camera_sip_id: string;
  camera_pwd: string;
}
export interface ImageCamera extends CommonFields {
  camera_mode: 'IMAGE';
  ip: string;
  port: number;
  camera_user: string;
  camera_pwd: string;
  vendor: string;
  product: string;
}
export type StoredCamera = RtspCamera | OnvifCamera | GbCamera | ImageCamera;
export type CameraKind = 'rtsp' | 'onvif' | 'GB28181' | 'IMAGE';

export const cameraKind = (cam: StoredCamera): CameraKind => (cam.camera_mode === 'IMAGE' ? 'IMAGE' : cam.protocol);
export const powerCost = (cam: Pick<StoredCamera, 'camera_mode'>): number => POWER_COST[cam.camera_mode];

export function readCameras(ctx: EmulatorContext): StoredCamera[] {
  return ctx.db
    .prepare<[], { data: string }>('SELECT data FROM cameras ORDER BY channel')
    .all()
    .map((r) => JSON.parse(r.data) as StoredCamera);
}

export function readCamera(ctx: EmulatorContext, channel: number): StoredCamera | undefined {
  const row = ctx.db.prepare<[number], { data: string }>('SELECT data FROM cameras WHERE channel = ?').get(channel);
  return row ? (JSON.parse(row.data) as StoredCamera) : undefined;
}

export function writeCamera(ctx: EmulatorContext, cam: StoredCamera): void {
  ctx.db
    .prepare('INSERT INTO cameras(channel, data) VALUES (?, ?) ON CONFLICT(channel) DO UPDATE SET data = excluded.data')
    .run(cam.channel, JSON.stringify(cam));
}

/**
 * Fault injection for the live issue: takes a camera off line (or back).
 * Answers false when no camera is on the channel. Emits 'camera-status'
 * ({channel, status}) when the listed status changes.
 */
export function setCameraOnline(ctx: EmulatorContext, channel: number, online: boolean): boolean {
  const cam = readCamera(ctx, channel);
  if (!cam) return false;
  const before = isCameraOnline(cam);
  const next: StoredCamera = { ...cam, reachable: online };
  writeCamera(ctx, next);
  const after = isCameraOnline(next);
  if (before !== after) ctx.events.emit('camera-status', { channel, status: after ? 1 : 0 });
  return true;
}

export function sipServerId(ctx: EmulatorContext): string {
  if (!ctx.config.has(SIP_SERVER_ID_KEY)) ctx.config.set(SIP_SERVER_ID_KEY, SIP_SERVER_ID_DEFAULT);
  return ctx.config.get(SIP_SERVER_ID_KEY, SIP_SERVER_ID_DEFAULT);
}
