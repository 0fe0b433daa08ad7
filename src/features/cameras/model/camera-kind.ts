// The four kinds of camera of §4.1-4.2, their cost in computing power, and the
// channel table (every channel of the model, with its camera or free).
import type { CameraRecord } from '../../../api/protocol/cameras';
import { MODEL_SPEC, POWER_COST } from '../../../api/protocol/limits';

export const CAMERA_KINDS = ['rtsp', 'onvif', 'GB28181', 'IMAGE'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];
export type CameraMode = keyof typeof POWER_COST;

export const modeOf = (kind: CameraKind): CameraMode => (kind === 'IMAGE' ? 'IMAGE' : 'VIDEO');
export const costOf = (kind: CameraKind): number => POWER_COST[modeOf(kind)];

/** The kind of a listed camera. §4.2 c's example sends "gb28181": the case is not trusted. */
export function kindOf(cam: Pick<CameraRecord, 'camera_mode' | 'protocol'>): CameraKind | null {
  if (cam.camera_mode === 'IMAGE') return 'IMAGE';
  const p = (cam.protocol ?? '').toLowerCase();
  if (p === 'rtsp') return 'rtsp';
  if (p === 'onvif') return 'onvif';
  if (p === 'gb28181') return 'GB28181';
  return null;
}

/** §4.3's tables: only rtsp and onvif cameras have a camera_roi. */
export const hasRoi = (kind: CameraKind | null): boolean => kind === 'rtsp' || kind === 'onvif';
/** Face sizes and snap strategy belong to the video cameras (§4.1). */
export const isVideo = (kind: CameraKind | null): boolean => kind !== null && kind !== 'IMAGE';

/**
 * How many channels the node has. 516 gives the computing power, which names
 * the model (§1, §4.1: M4s 8 / 8, M8s 16 / 16); an unknown capacity counts as
 * many channels as it has units, and never fewer than the highest in use.
 */
export function channelCount(capacity: number, cameras: readonly Pick<CameraRecord, 'channel'>[]): number {
  const model = Object.values(MODEL_SPEC).find((m) => m.capacity === capacity);
  const highest = cameras.reduce((m, c) => Math.max(m, c.channel), 0);
  return Math.max(model?.channels ?? capacity, highest);
}

export interface ChannelRow {
  readonly channel: number;
  readonly camera: CameraRecord | null;
}

export function channelRows(capacity: number, cameras: readonly CameraRecord[]): ChannelRow[] {
  const byChannel = new Map(cameras.map((c) => [c.channel, c]));
  return Array.from({ length: channelCount(capacity, cameras) }, (_, i) => ({
    channel: i + 1,
    camera: byChannel.get(i + 1) ?? null,
  }));
}

export interface PowerState {
  readonly capacity: number;
  readonly used: number;
  readonly free: number;
  /** For each kind: its cost and whether one more would fit now. */
  readonly next: Record<CameraKind, { cost: number; fits: boolean }>;
}

export function powerState(capacity: number, used: number): PowerState {
  const free = Math.max(0, capacity - used);
  const next = Object.fromEntries(CAMERA_KINDS.map((k) => [k, { cost: costOf(k), fits: costOf(k) <= free }])) as PowerState['next'];
  return { capacity, used, free, next };
}

/** "1,2" → [1, 2]; "" → []. */
export function parseLibIds(text: string | undefined): number[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}
