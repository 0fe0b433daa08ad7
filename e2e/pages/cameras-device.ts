// Seeding and clean-up for the cameras specs, through the console's own
// protocol client (never by clicking), and the emulator's capture fault route.
// The specs change shared state (computing power, channels) on one emulator
// that both projects use at once: the ones that do take a cross-process lock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addCamera,
  addRelay,
  deleteCamera,
  listCameras,
  listRelays,
  type CameraRecord,
  type RelayBinding,
} from '../../src/api/protocol/cameras';
import type { Call } from '../../src/api/client';
import type { RequestOf } from '../../src/api/protocol/operation';
import { faultHeaders } from './alarm-wall-device';

/** Every camera a spec adds is named so, and only those are cleaned up. */
export const E2E_PREFIX = 'e2e ';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding a lock shared by every Playwright worker on this
 * emulator (a directory: mkdir is atomic). A lock older than `staleMs` was
 * left by a crashed worker and is taken over.
 */
export async function withCameraLock<T>(emulatorUrl: string, fn: () => Promise<T>, waitMs = 150_000, staleMs = 180_000): Promise<T> {
  const dir = path.join(os.tmpdir(), `nebula-e2e-cameras-${new URL(emulatorUrl).port}.lock`);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleMs) fs.rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`the cameras lock ${dir} stayed taken for ${waitMs} ms`);
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 513's request that re-creates a listed camera on its channel. */
function recreateRequest(cam: CameraRecord): RequestOf<typeof addCamera> {
  const shared = {
    channel: cam.channel,
    camera_name: cam.camera_name,
    position: cam.position,
    description: cam.description,
    lib_ids: cam.lib_ids,
    threshold: cam.threshold,
  };
  if (cam.camera_mode === 'IMAGE') {
    return {
      ...shared,
      camera_mode: 'IMAGE',
      ip: cam.ip ?? '',
      port: cam.port ?? 0,
      camera_user: cam.camera_user ?? '',
      camera_pwd: cam.camera_pwd ?? '',
      vendor: cam.vendor,
      product: cam.product,
    };
  }
  const video = {
    ...shared,
    camera_mode: 'VIDEO' as const,
    snap_mode: cam.snap_mode ?? 1,
    facesize_min: cam.facesize_min,
    facesize_max: cam.facesize_max,
  };
  const protocol = (cam.protocol ?? '').toLowerCase();
  if (protocol === 'rtsp') return { ...video, protocol: 'rtsp', url: cam.url ?? '' };
  if (protocol === 'onvif') {
    return {
      ...video,
      protocol: 'onvif',
      ip: cam.ip ?? '',
      port: cam.port ?? 0,
      camera_user: cam.camera_user ?? '',
      camera_pwd: cam.camera_pwd ?? '',
    };
  }
  return {
    ...video,
    protocol: 'GB28181',
    ip: cam.ip ?? '',
    port: cam.port ?? 0,
    server_sip_id: cam.server_sip_id ?? '',
    camera_sip_id: cam.camera_sip_id ?? '',
    camera_pwd: cam.camera_pwd,
  };
}

export async function deleteE2eCameras(call: Call): Promise<void> {
  const { camera } = await call(listCameras, {});
  for (const c of camera) if (c.camera_name.startsWith(E2E_PREFIX)) await call(deleteCamera, { channel: c.channel });
}

export interface Room {
  /** Computing power free when the spec starts. */
  readonly free: number;
  readonly capacity: number;
  readonly used: number;
  /** Puts back what was moved aside and removes the spec's own cameras. */
  restore(): Promise<void>;
}

/**
 * Leaves between `min` and `max` units free: deletes leftovers of earlier
 * runs, fills a surplus with capture cameras (1 unit each), or moves demo
 * cameras aside (with their relays) when there is too little.
 */
export async function makeRoom(call: Call, min: number, max: number): Promise<Room> {
  await deleteE2eCameras(call);
  const moved: { camera: CameraRecord; relays: RelayBinding[] }[] = [];
  let list = await call(listCameras, {});
  const relays = await call(listRelays, {});
  let free = list.computing_power_capacity - list.used_computing_power;
  const demo = [...list.camera].sort((a, b) => b.channel - a.channel);
  while (free < min && demo.length > 0) {
    const cam = demo.shift()!;
    moved.push({ camera: cam, relays: relays.filter((r) => r.camera_channel === cam.channel) });
    await call(deleteCamera, { channel: cam.channel });
    free += cam.camera_mode === 'IMAGE' ? 1 : 2;
  }
  let filler = 0;
  while (free > max) {
    await call(addCamera, {
      camera_mode: 'IMAGE',
      camera_name: `${E2E_PREFIX}filler ${++filler}`,
      ip: '10.99.0.1',
      port: 37777,
      camera_user: 'admin',
      camera_pwd: 'admin',
      threshold: 80,
    });
    free -= 1;
  }
  list = await call(listCameras, {});
  return {
    free: list.computing_power_capacity - list.used_computing_power,
    capacity: list.computing_power_capacity,
    used: list.used_computing_power,
    restore: async () => {
      await deleteE2eCameras(call);
      for (const m of moved.reverse()) {
        await call(addCamera, recreateRequest(m.camera));
        for (const r of m.relays) {
          await call(addRelay, {
            camera_channel: r.camera_channel,
            dev_ip: r.dev_ip,
            dev_port: r.dev_port,
            dev_name: r.dev_name,
            dev_tag: r.dev_tag,
          });
        }
      }
    },
  };
}

export interface CaptureOutcome {
  /** The pipeline answered and pushed at least one capture. */
  readonly pushed: boolean;
  /** Why not, in the emulator's words (e.g. "the capture pipeline is not running"). */
  readonly reason: string;
}

/** POST /__emulator/capture {"channel": N}: one capture on that channel now. */
export async function triggerCapture(emulatorUrl: string, channel: number): Promise<CaptureOutcome> {
  const res = await fetch(`${emulatorUrl}/__emulator/capture`, {
    method: 'POST',
    headers: faultHeaders(),
    body: JSON.stringify({ channel }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    ok?: boolean;
    error?: string;
    result?: { snap_ids?: string[]; filtered?: number };
  };
  if (!res.ok || !body.ok) return { pushed: false, reason: body.error ?? `HTTP ${res.status}` };
  const n = body.result?.snap_ids?.length ?? 0;
  return { pushed: n > 0, reason: n > 0 ? '' : `no face passed the camera's filters (${body.result?.filtered ?? 0} filtered)` };
}

/** The msg_id of a request to /api/json, or null. */
export function msgIdOf(postData: string | null): string | null {
  if (!postData) return null;
  try {
    const v = JSON.parse(postData) as { msg_id?: unknown };
    return typeof v.msg_id === 'string' ? v.msg_id : null;
  } catch {
    return null;
  }
}
