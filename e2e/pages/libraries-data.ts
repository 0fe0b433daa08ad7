// Pictures for the library specs: real faces cut from face-api's sample group
// photos by the device's own detection of every face (§3.26, 782), and a
// picture with no face at all.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { Call } from '../../src/api/client';
import { detectFaces } from '../../src/api/protocol';
import { faultHeaders } from './alarm-wall-device';

const require = createRequire(import.meta.url);
const DEMO = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

let crops: Buffer[] | null = null;

/** Face crops (JPEG) the device sees a good face in, from the sample photos. */
export async function realFaces(device: { url: string; call: Call }, min = 1): Promise<Buffer[]> {
  if (crops && crops.length >= min) return crops;
  const found: Buffer[] = [];
  for (const n of [1, 2, 3, 4, 5, 6]) {
    const bytes = fs.readFileSync(path.join(DEMO, `sample${n}.jpg`));
    const faces = await device.call(detectFaces, { img: new File([new Uint8Array(bytes)], `sample${n}.jpg`, { type: 'image/jpeg' }) });
    for (const f of faces.filter((x) => x.quality >= 60)) {
      const res = await fetch(`${device.url}/ws/${f.img_path}`);
      if (res.ok) found.push(Buffer.from(await res.arrayBuffer()));
    }
    if (found.length >= min) break;
  }
  crops = found;
  return found;
}

/** A plain grey picture: no face to find. */
export function blankPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 240, height: 240, channels: 3, background: '#8a8f98' } })
    .jpeg()
    .toBuffer();
}

/**
 * `count` faces added to a library at once, straight into the emulator's store
 * (POST /__emulator/faces/fill: rows sharing one picture), instead of as many
 * enrolments through the face engine.
 */
export async function fillLibrary(url: string, libId: number, count: number, prefix: string): Promise<void> {
  const res = await fetch(`${url}/__emulator/faces/fill`, {
    method: 'POST',
    headers: faultHeaders(),
    body: JSON.stringify({ libId, count, prefix }),
  });
  if (!res.ok) throw new Error(`emulator faces/fill: ${res.status} ${await res.text()}`);
}
