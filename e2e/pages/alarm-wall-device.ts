// What the alarm-wall specs ask of the emulator: captures on a camera (of a
// library person's photo, so the match is certain), and the faults. Seeding
// goes through the protocol client; the faults through /__emulator/ (loopback).
import type { Call } from '../../src/api/client';
import { listLibraries, queryFaces } from '../../src/api/protocol';

export interface LibraryPerson {
  libId: number;
  libName: string;
  imgId: string;
  name: string;
  /** The enrolled photo as a data URL: a capture of it matches this person. */
  photo: string;
}

/**
 * The fault routes' header: the shared emulator's token, which global-setup.ts
 * puts in the environment, or that of a spec's own emulator (its faultToken).
 */
export function faultHeaders(token = process.env.EMULATOR_TOKEN): Record<string, string> {
  if (!token) throw new Error('EMULATOR_TOKEN unset: run through playwright.config.ts (global setup)');
  return { 'X-Emulator-Token': token, 'Content-Type': 'application/json' };
}

async function post(url: string, route: string, body: unknown, token: string | undefined): Promise<unknown> {
  const res = await fetch(`${url}/__emulator/${route}`, {
    method: 'POST',
    headers: faultHeaders(token),
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`emulator ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export class WallDevice {
  constructor(
    readonly url: string,
    readonly call: Call,
    /** The emulator's fault token, when it is not the shared one. */
    readonly token?: string,
  ) {}

  /** The `index`-th person of the first library of that type (1 blacklist, 2 whitelist). */
  async person(libType: 1 | 2, index = 0): Promise<LibraryPerson> {
    const lib = (await this.call(listLibraries, {})).find((l) => l.lib_type === libType);
    if (!lib) throw new Error(`no library of type ${libType} on the device`);
    const face = (await this.call(queryFaces, { lib_id: lib.lib_id, start_no: index + 1, qry_len: 1 })).record[0];
    if (!face) throw new Error(`library ${lib.lib_name} has no face ${index}`);
    const bytes = Buffer.from(await (await fetch(`${this.url}/ws/${face.img_path}`)).arrayBuffer());
    return {
      libId: lib.lib_id,
      libName: lib.lib_name,
      imgId: face.img_id,
      name: face.person_name,
      photo: `data:image/jpeg;base64,${bytes.toString('base64')}`,
    };
  }

  /** One capture on `channel` (of `photo`, else of the camera's next scene); the snap_ids it pushed. */
  async capture(channel: number, photo?: string): Promise<string[]> {
    const answer = (await post(this.url, 'capture', photo ? { channel, photo } : { channel }, this.token)) as {
      result: { snap_ids: string[] };
    };
    return answer.result.snap_ids;
  }

  dropSockets(): Promise<unknown> {
    return post(this.url, 'ws/drop', {}, this.token);
  }

  /** Steps the device's clock (a zone set and corrected, NTP); answers its new time. */
  async stepClock(seconds: number): Promise<string> {
    return ((await post(this.url, 'clock', { stepSeconds: seconds }, this.token)) as { time: string }).time;
  }

  restart(seconds: number): Promise<unknown> {
    return post(this.url, 'restart', { seconds }, this.token);
  }

  async state(): Promise<'up' | 'down'> {
    try {
      const res = await fetch(`${this.url}/__emulator/stats`, { headers: faultHeaders(this.token) });
      return ((await res.json()) as { state: 'up' | 'down' }).state;
    } catch {
      return 'down';
    }
  }
}
